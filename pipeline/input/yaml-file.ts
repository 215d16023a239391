import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { InputIssue, SourcePlace } from '../errors/errors.ts';
import { msg, type Message } from '../errors/messages.ts';
import { type KeptYaml, type ParsedYaml, type Place, type PlaceNode, type YamlFile } from './parsed-yaml.ts';

export type { YamlFile } from './parsed-yaml.ts';

/**
 * Parses YAML text, keeping positions. Syntax errors (including duplicate keys, which the
 * yaml library rejects by default) become issues with line and column.
 */
export function parseYamlFile(file: string, text: string, issues: InputIssue[]): YamlFile {
  return parseAnew(file, text, issues).yaml;
}

/**
 * What parsing `text` as `file` gives, as `ParsedYaml` keeps it; undefined for a file with a
 * problem (which is never kept) or whose value JSON cannot carry.
 */
export function keptParse(file: string, text: string): KeptYaml | undefined {
  return parseAnew(file, text, []).kept;
}

/**
 * `parseYamlFile`, from what `kept` holds when the file's text is one parsed before, or from
 * the parse another thread made of the same text for the build (`ParsedYaml.find`). Only a file
 * that parsed without a problem is kept; one with a problem is parsed again, so its issues
 * are reported again.
 */
export function parseKept(kept: ParsedYaml, file: string, text: string, issues: InputIssue[]): YamlFile {
  const known = kept.find(file, text);
  if (known) return known;
  const parsed = parseAnew(file, text, issues);
  if (parsed.kept) kept.remember(file, text, parsed.kept);
  return parsed.yaml;
}

/** The places of a parsed node and everything in it. Pairs whose key is not a scalar are left out: no path reaches them. */
function placeTree(node: unknown, at: (offset: number) => Place): PlaceNode | null {
  if (!isNode(node)) return null;
  const out: PlaceNode = { a: node.range ? at(node.range[0]) : 0 };
  if (isMap(node)) {
    out.m = [];
    for (const pair of node.items) {
      if (isScalar(pair.key)) out.m.push([pair.key.value, pair.key.range ? at(pair.key.range[0]) : 0, placeTree(pair.value, at)]);
    }
  } else if (isSeq(node)) out.s = node.items.map((item) => placeTree(item, at));
  return out;
}

/** Whether `value` comes back from JSON as it is: plain objects, arrays, text, finite numbers (not -0), booleans and null. */
function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(survivesJson);
  return false;
}

/** Whether every scalar key of the tree comes back from JSON as it is. */
function keysSurviveJson(node: PlaceNode | null): boolean {
  if (!node) return true;
  if (node.m) return node.m.every(([key, , value]) => survivesJson(key) && keysSurviveJson(value));
  if (node.s) return node.s.every(keysSurviveJson);
  return true;
}

/**
 * Parses `text` as `file`, adding its problems to `issues`. `kept` is what `ParsedYaml` keeps of
 * it, given only for a file that parsed without a problem and whose value JSON can carry: a
 * file with a problem is parsed again at every read, so that its problems are reported again.
 */
function parseAnew(file: string, text: string, issues: InputIssue[]): { yaml: YamlFile; kept?: KeptYaml } {
  const before = issues.length;
  const lineCounter = new LineCounter();
  const placeAt = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, col: pos.col };
  };
  // Nesting is limited before parsing: the parser recurses once per level and would run out
  // of stack on a few thousand brackets.
  const deep = flowNestingOffset(text, maxDepth);
  if (deep !== undefined) {
    const line = text.slice(0, deep).split('\n').length;
    issues.push(issueAt({ file, line, col: deep - text.lastIndexOf('\n', deep - 1) }, msg.tooDeep(maxDepth)));
    return { yaml: { file, value: undefined, placeOf: () => ({ file, line: 1, column: 1 }), placeOfKey: () => ({ file, line: 1, column: 1 }) } };
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Only the first syntax error: the ones after it are mostly its echoes.
  for (const error of doc.errors.slice(0, 1)) {
    if (/call stack/i.test(error.message)) {
      // Block nesting (by indentation) the bracket count above cannot see.
      issues.push(issueAt(placeAt(error.pos[0]), msg.tooDeep(maxDepth)));
    } else if (error.code === 'MULTIPLE_DOCS') {
      const start = /^(---|\.\.\.)\s*$/m.exec(text);
      issues.push(issueAt(placeAt(start ? start.index : error.pos[0]), msg.severalDocuments()));
    } else {
      issues.push(issueAt(placeAt(error.pos[0]), msg.yamlSyntax(firstLine(error.message))));
    }
  }
  const value = doc.errors.length > 0 ? undefined : plainValue(doc, file, issues, placeAt);
  const at = (offset: number): SourcePlace => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  const yaml: YamlFile = {
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
  if (issues.length !== before || value === undefined || !survivesJson(value)) return { yaml };
  const places = placeTree(doc.contents, (offset) => {
    const pos = lineCounter.linePos(offset);
    return [pos.line, pos.col];
  });
  return keysSurviveJson(places) ? { yaml, kept: { file, value: JSON.stringify(value), places: JSON.stringify(places) } } : { yaml };
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

/** Deeper than any input of the pipeline needs; deeper data is refused with its place. */
export const maxDepth = 64;
/** Aliases a file may use; anchors and aliases that expand to more are refused before expanding. */
export const maxAliases = 100;

/**
 * The document's plain value, or undefined with an issue when its aliases refer to the node
 * they sit in (a cycle), expand beyond `maxAliases`, or its nodes nest deeper than `maxDepth`.
 */
function plainValue(doc: Document, file: string, issues: InputIssue[], placeAt: (offset: number) => { file: string; line: number; col: number }): unknown {
  let problem: InputIssue | undefined;
  let aliases = 0;
  visit(doc, {
    Alias(_key, alias) {
      aliases += 1;
      const target = alias.resolve(doc);
      if (alias.range && target?.range && alias.range[0] >= target.range[0] && alias.range[1] <= target.range[1]) {
        problem = issueAt(placeAt(alias.range[0]), msg.aliasCycle(alias.source));
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (problem) {
    issues.push(problem);
    return undefined;
  }
  const deepest = deepNode(doc.contents, maxDepth);
  if (deepest) {
    issues.push(issueAt(placeAt(deepest.range?.[0] ?? 0), msg.tooDeep(maxDepth)));
    return undefined;
  }
  try {
    return doc.toJS({ maxAliasCount: maxAliases });
  } catch (error) {
    if (!/alias/i.test((error as Error).message)) throw error;
    let first: Node | undefined;
    visit(doc, { Alias: (_key, alias) => { first = alias; return visit.BREAK; } });
    issues.push(issueAt(placeAt(first?.range?.[0] ?? 0), msg.tooManyAliases(maxAliases, aliases)));
    return undefined;
  }
}

/** The first node nested deeper than `limit` collections, found without recursion. */
function deepNode(root: unknown, limit: number): Node | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isCollection(node)) {
      if (depth > limit) return node;
      for (const item of node.items as unknown[]) {
        if (isPair(item)) stack.push([item.value, depth + 1]);
        else stack.push([item, depth + 1]);
      }
    } else if (isAlias(node)) continue;
  }
  return undefined;
}

/** The offset where `[`/`{` brackets first nest deeper than `limit`, ignoring quoted text and comments. */
function flowNestingOffset(text: string, limit: number): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i += 1;
      else if (c === quote) quote = '';
      else if (c === '\n' && depth === 0) quote = '';
    } else if (c === '"' || (c === "'" && depth > 0)) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
    } else if (c === '[' || c === '{') {
      depth += 1;
      if (depth > limit) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth -= 1;
  }
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
