import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TranslationUnit } from './types.ts';
import type { ProjectFile } from './write.ts';

/**
 * The project files after writing translations into them: Markdown files whole; list items
 * and UI strings edited in place through the `yaml` Document API, so comments, order and
 * quoting of everything else stay as they were. A YAML file none of whose texts changed is
 * returned unchanged. `texts` maps units to their new translation.
 */
export function applyTranslations(root: string, texts: ReadonlyMap<TranslationUnit, string>): ProjectFile[] {
  const files: ProjectFile[] = [];
  const yamlEdits = new Map<string, [TranslationUnit, string][]>();
  for (const [unit, text] of texts) {
    if (unit.target.kind === 'file') files.push({ path: unit.target.file, text });
    else yamlEdits.set(unit.target.file, [...(yamlEdits.get(unit.target.file) ?? []), [unit, text]]);
  }
  for (const [path, edits] of yamlEdits) files.push(editYaml(root, path, edits));
  return files;
}

function editYaml(root: string, path: string, edits: readonly [TranslationUnit, string][]): ProjectFile {
  const full = join(root, path);
  const before = existsSync(full) ? readFileSync(full, 'utf8') : '';
  const doc = before ? parseDocument(before, { uniqueKeys: true }) : new Document({});
  let changed = false;
  for (const [unit, text] of edits) {
    if (unit.target.kind === 'list-item') changed = setListItem(doc, unit.target.list, unit.target.id, unit.target.after, text) || changed;
    else if (unit.target.kind === 'yaml-key') changed = setText(doc, unit.target.path, text) || changed;
  }
  if (!changed) return { path, text: before };
  // Never fold a long line, and write flow maps as `{en: …}`, the way the project's files are
  // written: otherwise lines nobody changed would be rewritten.
  const after = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  verify(path, after, edits);
  return { path, text: after };
}

/** Sets the text at a path; a new text is double-quoted, like the files the project writes. */
function setText(doc: Document, path: readonly (string | number)[], text: string): boolean {
  const node = doc.getIn(path, true);
  if (isScalar(node)) {
    if (node.value === text) return false;
    // Keep the node, and with it its quoting and any comment on its line.
    node.value = text;
    return true;
  }
  doc.setIn(path, quoted(doc, text));
  return true;
}

function setListItem(doc: Document, list: readonly string[], id: string, after: readonly string[], text: string): boolean {
  let seq = doc.getIn(list, true);
  if (!isSeq(seq)) {
    doc.setIn(list, doc.createNode([]));
    seq = doc.getIn(list, true);
  }
  const items = (seq as YAMLSeq).items;
  const index = items.findIndex((item) => itemId(item) === id);
  if (index >= 0) return setText(doc, [...list, index, 'text'], text);
  // A new item goes after the nearest English predecessor the translation has, else first.
  const previous = after.map((other) => items.findIndex((item) => itemId(item) === other)).find((at) => at >= 0);
  const item = doc.createNode({ id }) as YAMLMap;
  item.set('text', quoted(doc, text));
  items.splice(previous === undefined ? 0 : previous + 1, 0, item);
  return true;
}

function itemId(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  const id = item.get('id');
  return typeof id === 'string' ? id : undefined;
}

function quoted(doc: Document, text: string): Scalar {
  const node = doc.createNode(text) as Scalar;
  node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

/** Reads the written YAML back: every edited text must be there exactly, or nothing is written. */
function verify(path: string, text: string, edits: readonly [TranslationUnit, string][]): void {
  const doc = parseDocument(text, { uniqueKeys: true });
  const value: unknown = doc.errors.length === 0 ? doc.toJS() : undefined;
  for (const [unit, expected] of edits) {
    const target = unit.target;
    let found: unknown;
    if (target.kind === 'yaml-key') found = doc.getIn(target.path);
    else if (target.kind === 'list-item') {
      const items = doc.getIn(target.list);
      found = isSeq(items) ? items.items.filter((item) => itemId(item) === target.id).map((item) => (item as YAMLMap).get('text'))[0] : undefined;
    }
    if (value === undefined || found !== expected) throw new Error(`writing ${path} would not keep the translation of "${unit.id}"; nothing was written`);
  }
}
