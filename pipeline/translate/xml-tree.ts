import { SaxesParser } from 'saxes';

/** An element of a parsed XML document, with the line its start tag is on. */
export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ('' for none). */
  ns: string;
  /** Attributes: unprefixed ones by local name, `xml:` ones as `xml:lang`, others as `{uri}local`. */
  attributes: ReadonlyMap<string, string>;
  /** Child elements and text, in order. */
  children: readonly XmlNode[];
  /** 1-based line of the start tag. */
  line: number;
}

/** Text between elements (CDATA included). */
export interface XmlText {
  /** The text, entities resolved. */
  text: string;
}

/** A child of an element. */
export type XmlNode = XmlElement | XmlText;

/** The first well-formedness error of a document. */
export interface XmlError {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** What the parser found. */
  message: string;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Parses XML into a small tree with line numbers, checking well-formedness and namespaces
 * strictly (saxes). Only the first error is returned: the ones after it are mostly its echoes.
 */
export function parseXmlTree(xml: string): { root: XmlElement } | { error: XmlError } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: { element: XmlElement; children: XmlNode[] }[] = [];
  let root: XmlElement | undefined;
  let error: XmlError | undefined;
  let line = 1;
  parser.on('error', (failure) => {
    error ??= { line: parser.line, column: parser.column + 1, message: failure.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '') };
  });
  parser.on('opentagstart', () => {
    line = parser.line;
  });
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.uri === 'http://www.w3.org/2000/xmlns/') continue;
      const key = attribute.uri === '' ? attribute.local : attribute.uri === XML_NS ? `xml:${attribute.local}` : `{${attribute.uri}}${attribute.local}`;
      attributes.set(key, attribute.value);
    }
    const children: XmlNode[] = [];
    const element: XmlElement = { name: tag.local, ns: tag.uri, attributes, children, line };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push({ element, children });
  });
  parser.on('closetag', () => void stack.pop());
  const addText = (text: string) => stack[stack.length - 1]?.children.push({ text });
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(xml).close();
  if (error) return { error };
  return root ? { root } : { error: { line: 1, column: 1, message: 'the document has no root element' } };
}

/** True for an element node. */
export function isElement(node: XmlNode): node is XmlElement {
  return 'name' in node;
}

/** The child elements of an element in a namespace, optionally of one name. */
export function childElements(element: XmlElement, ns: string, name?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => isElement(child) && child.ns === ns && (name === undefined || child.name === name));
}
