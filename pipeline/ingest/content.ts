import type { SourcePlace } from '../errors/errors.ts';
import { formatPlace } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import type { DocumentPlan, Fact, ListItem, LocaleContent, PeopleList, PlanPart, TableDef, TextFile } from './types.ts';
import type { InputReader } from './read.ts';
import { readLocaleStrings } from './strings.ts';
import { validateYaml } from './validate.ts';
import { issueAt } from './yaml-file.ts';
import { factsSchema, listsSchema, peopleSchema, planSchema, tablesSchema } from './schemas/content.ts';

/**
 * Reads every `facts/*.yaml` of a folder into `facts` (a new map by default); a key may be
 * defined once across all files, the programme's and the country's together.
 */
export function readFacts(reader: InputReader, dir: string, facts = new Map<string, Fact>()): Map<string, Fact> {
  for (const file of reader.list(dir, '.yaml')) {
    const yaml = reader.yaml(file, 'facts');
    if (!yaml || !validateYaml(yaml, factsSchema, reader.issues)) continue;
    for (const [key, entry] of Object.entries(yaml.value as Record<string, Omit<Fact, 'key' | 'place'>>)) {
      const place = yaml.placeOfKey([key]);
      const first = facts.get(key);
      if (first) reader.issues.push(issueAt(place, msg.duplicateId(key, formatPlace(first.place))));
      else facts.set(key, { key, ...entry, place });
    }
  }
  return facts;
}

/** Reads `tables.yaml`. */
export function readTables(reader: InputReader, path: string): TableDef[] {
  if (!reader.exists(path)) return [];
  const yaml = reader.yaml(path, 'tables');
  if (!yaml || !validateYaml(yaml, tablesSchema, reader.issues)) return [];
  return (yaml.value as { tables: TableDef[] }).tables;
}

/** Reads `people.yaml` (appendix lists). */
export function readPeople(reader: InputReader, path: string): PeopleList[] {
  if (!reader.exists(path)) return [];
  const yaml = reader.yaml(path, 'people');
  if (!yaml || !validateYaml(yaml, peopleSchema, reader.issues)) return [];
  return (yaml.value as { lists: PeopleList[] }).lists;
}

/** Reads a document plan, `templates/<document>/document.yaml`. */
export function readPlan(reader: InputReader, templatesDir: string, document: 'acr' | 'brief'): DocumentPlan | undefined {
  const file = `${templatesDir}/${document}/document.yaml`;
  const yaml = reader.yaml(file, `${document} document plan`);
  if (!yaml || !validateYaml(yaml, planSchema, reader.issues)) return undefined;
  const parts = (yaml.value as { parts: (string | Record<string, string>)[] }).parts.map((part): PlanPart => {
    if (typeof part === 'string') return { kind: part } as PlanPart;
    if ('snippet' in part) return { kind: 'snippet', name: part.snippet! };
    return { kind: 'people', list: part.people! };
  });
  return { document, parts, file: yaml.file };
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
  if (!yaml || !validateYaml(yaml, listsSchema, reader.issues)) return lists;
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
