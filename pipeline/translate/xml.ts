/** The XLIFF 2.0 namespace. */
export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

/** This project's namespace, for the country an export belongs to (`csi:country`). */
export const CSI_NS = 'urn:csi-report:xliff';

/**
 * Escaping for the XLIFF writer. XML parsers normalise line ends and attribute white space,
 * so a carriage return is written as `&#13;` (and tabs and line feeds in attributes as
 * references) for the text to come back byte for byte. Characters XML 1.0 cannot carry at all
 * become XLIFF `<cp hex="…"/>` elements.
 */

// Characters XML 1.0 forbids, and UTF-16 halves without their partner.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text content; forbidden characters become `<cp/>` elements. */
export function xmlText(text: string): string {
  return text.replace(/[&<>\r]/g, (char) => TEXT_ESCAPES[char]!).replace(FORBIDDEN, (char) => `<cp hex="${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`);
}

/** Escapes an attribute value (in double quotes); forbidden characters become U+FFFD, as attributes cannot hold `<cp/>`. */
export function xmlAttr(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (char) => ATTR_ESCAPES[char]!).replace(FORBIDDEN, '\uFFFD');
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };
