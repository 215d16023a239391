import { unzipSync, strFromU8 } from 'fflate';
import { isElement, parseXmlTree, type XmlElement, type XmlNode } from '../translate/xml-tree.ts';
import { parseCellRef } from './cells.ts';
import type { ReadCell, ReadSheet } from './table.ts';

/**
 * Reads the sheets of an .xlsx file as typed cells: the workbook's sheet list, its shared
 * strings and each sheet's cells, by their own references (a spreadsheet program leaves out
 * empty cells and rows). Only what the import needs is unzipped.
 */
export function readXlsx(file: string, bytes: Uint8Array): { sheets: ReadSheet[] } | { problem: string } {
  let parts: Record<string, Uint8Array>;
  try {
    // Parts larger than any data-entry sheet are not unpacked: a crafted file could expand to gigabytes.
    parts = unzipSync(bytes, { filter: (entry) => entry.name.startsWith('xl/') && entry.name.endsWith('.xml') || entry.name.endsWith('.rels') ? entry.originalSize <= MAX_PART : false });
  } catch {
    return { problem: 'the file is not an .xlsx workbook (it is not a zip archive)' };
  }
  const workbook = parsePart(parts, 'xl/workbook.xml');
  const rels = parsePart(parts, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return { problem: 'the file is not an .xlsx workbook (it has no readable xl/workbook.xml)' };
  const targets = new Map(elements(rels, 'Relationship').map((rel) => [rel.attributes.get('Id') ?? '', rel.attributes.get('Target') ?? '']));
  const shared = sharedStrings(parsePart(parts, 'xl/sharedStrings.xml'));
  const sheets: ReadSheet[] = [];
  for (const entry of elements(workbook, 'sheet')) {
    const name = entry.attributes.get('name') ?? '';
    const id = [...entry.attributes].find(([key]) => key.endsWith('}id'))?.[1] ?? '';
    const target = targets.get(id);
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const part = parsePart(parts, path);
    if (!part) return { problem: `the sheet "${name}" could not be read (${path} is missing, damaged or larger than ${MAX_PART / 1e6} MB)` };
    sheets.push({ file, sheet: name, rows: sheetRows(part, shared) });
  }
  return { sheets };
}

const MAX_PART = 50_000_000;

function parsePart(parts: Record<string, Uint8Array>, path: string): XmlElement | undefined {
  const bytes = parts[path];
  if (!bytes) return undefined;
  const tree = parseXmlTree(strFromU8(bytes));
  return 'root' in tree ? tree.root : undefined;
}

/** Every descendant element of a name, in document order (namespaces aside: strict and transitional files differ only there). */
function elements(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    for (const child of element.children) {
      if (!isElement(child)) continue;
      if (child.name === name) found.push(child);
      else walk(child);
    }
  };
  walk(root);
  return found;
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((node): node is XmlElement => isElement(node) && node.name === name);
}

function textOf(node: XmlNode): string {
  return isElement(node) ? node.children.map(textOf).join('') : node.text;
}

/** A rich text's plain text: its runs' `t`, without phonetic guides (`rPh`). */
function plainText(element: XmlElement): string {
  const direct = (parent: XmlElement, name: string) => parent.children.filter((node): node is XmlElement => isElement(node) && node.name === name);
  return [...direct(element, 't'), ...direct(element, 'r').flatMap((run) => direct(run, 't'))].map(textOf).join('');
}

function sharedStrings(root: XmlElement | undefined): string[] {
  return root ? elements(root, 'si').map((si) => decodeEscapes(plainText(si))) : [];
}

function sheetRows(root: XmlElement, shared: readonly string[]): ReadCell[][] {
  const rows: ReadCell[][] = [];
  for (const cell of elements(root, 'c')) {
    const place = parseCellRef(cell.attributes.get('r') ?? '');
    if (!place) continue;
    (rows[place.row - 1] ??= [])[place.column - 1] = cellValue(cell, shared);
  }
  for (let r = 0; r < rows.length; r += 1) rows[r] ??= [];
  return rows;
}

function cellValue(cell: XmlElement, shared: readonly string[]): ReadCell {
  const type = cell.attributes.get('t') ?? 'n';
  const v = child(cell, 'v');
  // An empty <v/> (a formula written by a program that does not calculate) holds no value.
  const raw = v && textOf(v) !== '' ? textOf(v) : undefined;
  if (type === 'inlineStr') {
    const is = child(cell, 'is');
    return is ? text(decodeEscapes(plainText(is))) : { kind: 'empty' };
  }
  const formula = child(cell, 'f');
  if (raw === undefined) return formula ? { kind: 'formula', value: `=${textOf(formula)}` } : { kind: 'empty' };
  switch (type) {
    case 's': return text(shared[Number(raw)] ?? '');
    case 'str': return text(decodeEscapes(raw));
    case 'e': return { kind: 'error', value: raw };
    case 'b': return { kind: 'text', value: raw === '1' ? 'TRUE' : 'FALSE' };
    default: {
      const value = Number(raw);
      // A spreadsheet keeps 15 significant digits and may write 15.2 as 15.199999999999999.
      return Number.isFinite(value) ? { kind: 'number', value: Number(value.toPrecision(15)) } : text(raw);
    }
  }
}

const text = (value: string): ReadCell => (value === '' ? { kind: 'empty' } : { kind: 'text', value });

/** Undoes the `_xHHHH_` coding of characters XML cannot carry (and `_x005F_` of a literal underscore). */
function decodeEscapes(value: string): string {
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
