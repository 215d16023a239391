import { isNode, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { InputIssue, SourcePlace } from '../errors/errors.ts';
import { msg, type Message } from '../errors/messages.ts';

/** A parsed YAML file that can tell where any of its values came from. */
export interface YamlFile {
  /** Path relative to the project root. */
  file: string;
  /** The plain JavaScript value of the document (undefined when it could not be parsed). */
  value: unknown;
  /** Finds the place of the value at `path`, or of its nearest existing ancestor. */
  placeOf(path: readonly (string | number)[]): SourcePlace;
  /** Finds the place of the key (not the value) at `path`, for "unknown key" messages. */
  placeOfKey(path: readonly (string | number)[]): SourcePlace;
}

/**
 * Parses YAML text, keeping positions. Syntax errors (including duplicate keys, which the
 * yaml library rejects by default) become issues with line and column.
 */
export function parseYamlFile(file: string, text: string, issues: InputIssue[]): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Only the first syntax error: the ones after it are mostly its echoes.
  for (const error of doc.errors.slice(0, 1)) {
    const pos = lineCounter.linePos(error.pos[0]);
    issues.push(issueAt({ file, line: pos.line, col: pos.col }, msg.yamlSyntax(firstLine(error.message))));
  }
  const value = doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
  const at = (offset: number): SourcePlace => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  return {
    file,
    value,
    placeOf: (path) => {
      const node = nearestNode(doc, path);
      return node?.range ? at(node.range[0]) : { file, line: 1, column: 1 };
    },
    placeOfKey: (path) => {
      const key = keyNode(doc, path);
      if (key?.range) return at(key.range[0]);
      const node = nearestNode(doc, path);
      return node?.range ? at(node.range[0]) : { file, line: 1, column: 1 };
    },
  };
}

/** Builds an error issue at a place. */
export function issueAt(place: { file: string; line?: number; col?: number; column?: number }, message: Message): InputIssue {
  return {
    place: { file: place.file, line: place.line, column: place.column ?? place.col },
    ...message,
    severity: 'error',
  };
}

function nearestNode(doc: Document, path: readonly (string | number)[]): Node | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
    if (isNode(node)) return node;
  }
  return undefined;
}

function keyNode(doc: Document, path: readonly (string | number)[]): Node | undefined {
  if (path.length === 0) return undefined;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!parent || typeof parent !== 'object' || !('items' in parent)) return undefined;
  const last = path[path.length - 1];
  for (const item of (parent as { items: unknown[] }).items) {
    if (item && typeof item === 'object' && 'key' in item) {
      const key = (item as { key: unknown }).key;
      if (isNode(key) && 'value' in key && String((key as { value: unknown }).value) === String(last)) return key;
    }
  }
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
