import type { Message } from '../errors/messages.ts';
import { tmsg } from './messages.ts';
import { CSI_NS, XLIFF_NS } from './xml.ts';
import { childElements, isElement, parseXmlTree, type XmlElement, type XmlNode } from './xml-tree.ts';

/** A piece of a `<source>` or `<target>`: text, or a placeholder to resolve. */
export type XliffInline =
  | {
      /** Plain text (`<cp/>` already turned into its character, `<mrk>` unwrapped). */
      kind: 'text';
      /** The text. */
      text: string;
    }
  | {
      /** A `<ph/>` placeholder. */
      kind: 'ph';
      /** Its id. */
      id: string;
      /** The `<data>` it refers to, when given. */
      dataRef?: string;
      /** The source code it copies, when it is a copy. */
      copyOf?: string;
    }
  | {
      /** An inline element the exported files never contain (`<pc>`, `<sc>`, `<ec>` …). */
      kind: 'unsupported';
      /** Its name. */
      element: string;
    };

/** A `<segment>` or `<ignorable>` of a unit. */
export interface XliffPart {
  /** Which of the two. */
  kind: 'segment' | 'ignorable';
  /** The segment's state (`initial` when absent, as XLIFF defines). */
  state: string;
  /** The source content. */
  source: readonly XliffInline[];
  /** The target content, when there is a `<target>`. */
  target?: readonly XliffInline[];
  /** `xml:lang` of the target, when given. */
  targetLang?: string;
  /** Line of the `<target>` (or of the part when there is none). */
  line: number;
}

/** A `<unit>`. */
export interface XliffUnit {
  /** Its id ('' when it has none). */
  id: string;
  /** Line of the `<unit>` start tag. */
  line: number;
  /** Original code by data id, from `<originalData>`. */
  data: ReadonlyMap<string, string>;
  /** Segments and ignorables, in order. */
  parts: readonly XliffPart[];
}

/** A read XLIFF document. */
export interface XliffDocument {
  /** `srcLang` of `<xliff>`. */
  srcLang: string;
  /** `trgLang` of `<xliff>` ('' when absent). */
  trgLang: string;
  /** The country it was exported for (`csi:country`), when it says. */
  country?: string;
  /** Line of the `<xliff>` start tag, where the languages are given. */
  line: number;
  /** Every unit, in document order, groups flattened. */
  units: readonly XliffUnit[];
}

/** A problem of the file itself, with its line. */
export interface XliffProblem extends Message {
  /** 1-based line in the XLIFF file. */
  line: number;
  /** 1-based column, when known. */
  column?: number;
}

/** Parses an XLIFF 2.0 document; problems of XML or structure come back with their lines. */
export function readXliff(xml: string): { document?: XliffDocument; problems: XliffProblem[] } {
  const parsed = parseXmlTree(xml.replace(/^\uFEFF/, ''));
  if ('error' in parsed) return { problems: [{ line: parsed.error.line, column: parsed.error.column, ...tmsg.xmlMalformed(parsed.error.message) }] };
  const root = parsed.root;
  if (root.name !== 'xliff' || root.ns !== XLIFF_NS) return { problems: [{ line: root.line, ...tmsg.notXliff(root.name) }] };
  const version = root.attributes.get('version') ?? '';
  // XLIFF 2.1 keeps the 2.0 namespace and core; files saved as 2.1 read the same.
  if (!/^2\.[01]$/.test(version)) return { problems: [{ line: root.line, ...tmsg.xliffVersion(version) }] };
  const units: XliffUnit[] = [];
  for (const file of childElements(root, XLIFF_NS, 'file')) collectUnits(file, units);
  return {
    document: { srcLang: root.attributes.get('srcLang') ?? '', trgLang: root.attributes.get('trgLang') ?? '', country: root.attributes.get(`{${CSI_NS}}country`), line: root.line, units },
    problems: [],
  };
}

function collectUnits(container: XmlElement, units: XliffUnit[]): void {
  for (const child of childElements(container, XLIFF_NS)) {
    if (child.name === 'group') collectUnits(child, units);
    else if (child.name === 'unit') units.push(readUnit(child));
  }
}

function readUnit(unit: XmlElement): XliffUnit {
  const data = new Map<string, string>();
  for (const original of childElements(unit, XLIFF_NS, 'originalData')) {
    for (const entry of childElements(original, XLIFF_NS, 'data')) data.set(entry.attributes.get('id') ?? '', plainText(entry));
  }
  const parts: XliffPart[] = [];
  for (const part of childElements(unit, XLIFF_NS)) {
    if (part.name !== 'segment' && part.name !== 'ignorable') continue;
    const source = childElements(part, XLIFF_NS, 'source')[0];
    const target = childElements(part, XLIFF_NS, 'target')[0];
    parts.push({
      kind: part.name,
      state: part.attributes.get('state') ?? 'initial',
      source: source ? inlines(source) : [],
      target: target ? inlines(target) : undefined,
      targetLang: target?.attributes.get('xml:lang'),
      line: (target ?? part).line,
    });
  }
  return { id: unit.attributes.get('id') ?? '', line: unit.line, data, parts };
}

/** The content of `<source>` or `<target>`: text, `<cp/>`, `<ph/>`, `<mrk>` unwrapped. */
function inlines(element: XmlElement): XliffInline[] {
  const out: XliffInline[] = [];
  const visit = (node: XmlNode): void => {
    if (!isElement(node)) {
      const last = out[out.length - 1];
      if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + node.text };
      else out.push({ kind: 'text', text: node.text });
      return;
    }
    if (node.ns === XLIFF_NS && node.name === 'cp') visit({ text: codePoint(node) });
    else if (node.ns === XLIFF_NS && node.name === 'ph') out.push({ kind: 'ph', id: node.attributes.get('id') ?? '', dataRef: node.attributes.get('dataRef'), copyOf: node.attributes.get('copyOf') });
    // Annotations (terms, comments) wrap text without changing it; their markers carry nothing.
    else if (node.ns === XLIFF_NS && node.name === 'mrk') node.children.forEach(visit);
    else if (node.ns === XLIFF_NS && (node.name === 'sm' || node.name === 'em')) return;
    else out.push({ kind: 'unsupported', element: node.name });
  };
  element.children.forEach(visit);
  return out;
}

function plainText(element: XmlElement): string {
  return element.children.map((child) => (isElement(child) ? (child.name === 'cp' ? codePoint(child) : '') : child.text)).join('');
}

function codePoint(element: XmlElement): string {
  const code = Number.parseInt(element.attributes.get('hex') ?? '', 16);
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}
