import type { SourcePlace } from '../errors/errors.ts';
import { formatPlace } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import type { DocumentPlan, Fact, ListItem, LocaleContent, PeopleList, PlanPart, TableDef, TextFile } from './types.ts';
import type { InputReader } from '../input/read.ts';
import { readLocaleStrings } from './strings.ts';
import { validateYaml } from '../input/validate.ts';
import { closest } from '../util/text.ts';
import { issueAt } from '../input/yaml-file.ts';
import { factsSchema, listsSchema, peopleSchema, planSchema, tablesSchema } from './schemas/content.ts';

/**
 * Reads every `facts/*.yaml` of a folder into `facts` (a new map by default); a key may be
 * defined once across all files, the programme's and the country's together.
 */
export function readFacts(reader: InputReader, dir: string, facts = new Map<string, Fact>()): Map<string, Fact> {
  for (const file of reader.list(dir, '.yaml')) {
    const yaml = reader.yaml(file, 'facts');
    if (!yaml || !validateYaml(yaml, factsSchema, reader.issues, reader.valid)) continue;
    for (const [key, entry] of Object.entries(yaml.value)) {
      const place = yaml.placeOfKey([key]);
      const first = facts.get(key);
      if (first) reader.issues.push(issueAt(place, msg.duplicateId(key, formatPlace(first.place))));
      else facts.set(key, { key, ...entry, place });
    }
  }
  return facts;
}

/**
 * Reads `tables.yaml`. Table ids and column keys are unique, and every row (and the total)
 * has a cell for each column and none for a column that does not exist: a misspelt key would
 * otherwise print as an empty cell.
 */
export function readTables(reader: InputReader, path: string): TableDef[] {
  if (!reader.exists(path)) return [];
  const yaml = reader.yaml(path, 'tables');
  if (!yaml || !validateYaml(yaml, tablesSchema, reader.issues, reader.valid)) return [];
  const tables = yaml.value.tables;
  const before = reader.issues.length;
  const ids = new Map<string, string>();
  tables.forEach((table, t) => {
    const place = yaml.placeOf(['tables', t, 'id']);
    const first = ids.get(table.id);
    if (first) reader.issues.push(issueAt(place, msg.duplicateId(table.id, first)));
    else ids.set(table.id, formatPlace(place));
    const keys = new Map<string, string>();
    table.columns.forEach((column, c) => {
      const at = yaml.placeOf(['tables', t, 'columns', c, 'key']);
      const earlier = keys.get(column.key);
      if (earlier) reader.issues.push(issueAt(at, msg.duplicateId(column.key, earlier)));
      else keys.set(column.key, formatPlace(at));
    });
    const columns = [...keys.keys()];
    const rows: [Readonly<Record<string, unknown>>, (string | number)[]][] = table.rows.map((row, r) => [row, ['tables', t, 'rows', r]]);
    if (table.total) rows.push([table.total, ['tables', t, 'total']]);
    for (const [row, rowPath] of rows) {
      for (const key of Object.keys(row).filter((k) => !keys.has(k))) {
        reader.issues.push(issueAt(yaml.placeOfKey([...rowPath, key]), msg.unknownColumn(key, table.id, columns, closest(key, columns))));
      }
      const missing = columns.filter((k) => !(k in row));
      if (missing.length > 0 && rowPath[3] !== 'total') reader.issues.push(issueAt(yaml.placeOf(rowPath), msg.missingCell(missing, table.id)));
    }
  });
  return reader.issues.length > before ? [] : tables;
}

/** Reads `people.yaml` (appendix lists). */
export function readPeople(reader: InputReader, path: string): PeopleList[] {
  if (!reader.exists(path)) return [];
  const yaml = reader.yaml(path, 'people');
  if (!yaml || !validateYaml(yaml, peopleSchema, reader.issues, reader.valid)) return [];
  return yaml.value.lists;
}

/** Reads a document plan, `templates/<document>/document.yaml`. */
export function readPlan(reader: InputReader, templatesDir: string, document: 'acr' | 'brief'): DocumentPlan | undefined {
  const file = `${templatesDir}/${document}/document.yaml`;
  const yaml = reader.yaml(file, `${document} document plan`);
  if (!yaml || !validateYaml(yaml, planSchema, reader.issues, reader.valid)) return undefined;
  const value = yaml.value;
  const parts = value.parts.map((part, i): PlanPart => {
    if (typeof part === 'string') return { kind: part };
    const place = yaml.placeOf(['parts', i]);
    if ('snippet' in part) return { kind: 'snippet', name: part.snippet, place };
    return { kind: 'people', list: part.people, place };
  });
  return { document, parts, textColumn: value.textColumn ?? true, file: yaml.file };
}

/** Reads everything written in one locale: narrative, lists, generic texts and UI strings. */
export function readLocaleContent(reader: InputReader, countryDir: string, templatesDir: string, locale: string): LocaleContent {
  const narrative = `${countryDir}/narrative/${locale}`;
  return {
    locale,
    acr: readTexts(reader, `${narrative}/acr`),
    brief: readTexts(reader, `${narrative}/brief`),
    partials: new Map([...readTexts(reader, `${templatesDir}/acr/text/${locale}`), ...readTexts(reader, `${templatesDir}/brief/text/${locale}`)]),
    lists: readLists(reader, `${narrative}/lists.yaml`),
    strings: readLocaleStrings(reader, templatesDir, locale),
  };
}

function readTexts(reader: InputReader, dir: string): Map<string, TextFile> {
  const files = new Map<string, TextFile>();
  for (const path of reader.list(dir, '.md')) {
    const text = reader.text(path, 'narrative');
    if (text !== undefined) files.set(path.split('/').pop()!.replace(/\.md$/, ''), { path, name: path.split('/').pop()!.replace(/\.md$/, ''), text });
  }
  return files;
}

function readLists(reader: InputReader, path: string): Map<string, ListItem[]> {
  const lists = new Map<string, ListItem[]>();
  if (!reader.exists(path)) return lists;
  const yaml = reader.yaml(path, 'lists');
  if (!yaml || !validateYaml(yaml, listsSchema, reader.issues, reader.valid)) return lists;
  const visit = (value: unknown, keyPath: string[]) => {
    if (Array.isArray(value)) {
      lists.set(keyPath.join('.'), value.map((item: { id: string; text: string }, index) => ({ id: item.id, text: item.text, place: yaml.placeOf([...keyPath, index, 'text']) as SourcePlace })));
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, [...keyPath, key]);
    }
  };
  visit(yaml.value, []);
  return lists;
}
