import { InputError } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import { InputReader } from '../input/read.ts';
import type { PipelineConfig } from '../ingest/types.ts';
import { issueAt } from '../input/yaml-file.ts';
import { baseName, listItemId, narrativeDir, recordsFile, snippetId, stringId, stringsDir, textId, textsDir } from './paths.ts';
import { collectDataTexts } from './data-texts.ts';
import { readRecords } from './records.ts';
import type { ObsoleteUnit, TranslationUnit, UnitSet, UnitText } from './types.ts';
import { listItems, stringLeaves, type YamlString } from './yaml-units.ts';

/**
 * Reads every translation unit of one locale: the English texts and, where they exist, their
 * translations and recorded source hashes.
 *
 *   narrative/en/{acr,brief}/*.md   → one unit per file      `acr:<name>`
 *   narrative/en/lists.yaml         → one unit per item      `lists:<list>:<id>`
 *   templates/<doc>/text/en/*.md    → one unit per file      `text:<doc>:<name>`
 *   templates/locales/en/*.yaml     → one unit per string    `strings:<namespace>.<key>`
 *   data files, {en: …, ru: …}      → one unit per map       `data:<file>:<yaml.path>`
 *
 * Throws `InputError` when a file cannot be parsed, with every such problem at once.
 */
export function collectUnits(root: string, config: PipelineConfig, country: string, locale: string): UnitSet {
  const reader = new InputReader(root);
  if (!reader.exists(`${config.dataDir}/countries/${country}/country.yaml`)) {
    throw new InputError([issueAt({ file: `${config.dataDir}/countries` }, msg.unknownCountry(country, knownCountries(reader, config.dataDir)))]);
  }
  const source = config.sourceLocale;
  const found: Found = { units: [], obsolete: [], files: new Set() };
  // 1. Narrative snippets of each document.
  for (const document of config.documents) {
    const from = `${narrativeDir(config, country, source)}/${document}`;
    const to = `${narrativeDir(config, country, locale)}/${document}`;
    collectFiles(reader, from, to, { kind: 'snippet', scope: 'narrative', id: (name) => snippetId(document, name) }, found);
  }
  // 2. List items, one unit per item, so a new recommendation does not stale the others.
  collectLists(reader, `${narrativeDir(config, country, source)}/lists.yaml`, `${narrativeDir(config, country, locale)}/lists.yaml`, found);
  // 3. Generic texts, shared by every country.
  for (const document of config.documents) {
    collectFiles(reader, textsDir(config, document, source), textsDir(config, document, locale), { kind: 'text', scope: 'templates', id: (name) => textId(document, name) }, found);
  }
  // 4. UI strings, namespaced by file.
  collectStrings(reader, stringsDir(config, source), stringsDir(config, locale), found);
  // 5. The localised texts of the data files, translated in place.
  const data = collectDataTexts(reader, config, country, locale);
  found.units.push(...data.units);
  for (const file of data.files) found.files.add(file);
  const { units, obsolete, files } = found;
  const records = {
    narrative: readRecords(reader, recordsFile(config, country, 'narrative', locale)),
    templates: readRecords(reader, recordsFile(config, country, 'templates', locale)),
    data: readRecords(reader, recordsFile(config, country, 'data', locale)),
    'country-data': readRecords(reader, recordsFile(config, country, 'country-data', locale)),
  };
  if (reader.hasErrors()) throw new InputError(reader.issues);
  return { country, sourceLocale: source, locale, units, obsolete, files, records };
}

/** What the collection found so far. */
interface Found {
  /** Units of the English source. */
  units: TranslationUnit[];
  /** Translations without an English source. */
  obsolete: ObsoleteUnit[];
  /** Translated YAML files that exist. */
  files: Set<string>;
}

/** How the Markdown files of one folder become units. */
interface FileUnits {
  /** Snippets or generic texts. */
  kind: 'snippet' | 'text';
  /** Where their hashes are kept. */
  scope: 'narrative' | 'templates';
  /** The unit id of a file name. */
  id: (name: string) => string;
}

function collectFiles(reader: InputReader, from: string, to: string, how: FileUnits, { units, obsolete }: Found): void {
  const { kind, scope, id } = how;
  const names = new Set<string>();
  for (const path of reader.list(from, '.md')) {
    const name = baseName(path, '.md');
    names.add(name);
    const file = `${to}/${name}.md`;
    const text = reader.text(path, 'text')!;
    units.push({ id: id(name), kind, scope, syntax: 'markdown', source: { text, place: { file: path } }, target: { kind: 'file', file }, translation: readWhole(reader, file) });
  }
  for (const path of reader.list(to, '.md')) {
    const name = baseName(path, '.md');
    if (!names.has(name)) obsolete.push({ id: id(name), kind, place: { file: path } });
  }
}

function readWhole(reader: InputReader, file: string): UnitText | undefined {
  if (!reader.exists(file)) return undefined;
  return { text: reader.text(file, 'translation')!, place: { file } };
}

function collectLists(reader: InputReader, from: string, to: string, { units, obsolete, files }: Found): void {
  if (reader.exists(to)) files.add(to);
  if (!reader.exists(from)) return;
  const source = reader.yaml(from, 'lists');
  if (!source) return;
  const target = reader.exists(to) ? reader.yaml(to, 'lists') : undefined;
  const translated = new Map((target ? listItems(target) : []).map((item) => [listItemId(item.list, item.id), item]));
  const items = listItems(source);
  const known = new Set<string>();
  items.forEach((item, index) => {
    const id = listItemId(item.list, item.id);
    known.add(id);
    const list = item.list.join('.');
    // Earlier items of the same list, nearest first: a new item is written after the first of them the translation has.
    const after = items.slice(0, index).filter((other) => other.list.join('.') === list).map((other) => other.id).reverse();
    const translation = translated.get(id);
    units.push({
      id,
      kind: 'list-item',
      scope: 'narrative',
      syntax: 'markdown',
      source: { text: item.text, place: item.place },
      target: { kind: 'list-item', file: to, list: item.list, id: item.id, after },
      translation: translation ? { text: translation.text, place: translation.place } : undefined,
    });
  });
  for (const [id, item] of translated) if (!known.has(id)) obsolete.push({ id, kind: 'list-item', place: item.place });
}

function collectStrings(reader: InputReader, from: string, to: string, { units, obsolete, files }: Found): void {
  // Every translated string by id, each file read once; what is left at the end is obsolete.
  const translated = new Map<string, YamlString>();
  for (const path of reader.list(to, '.yaml')) {
    files.add(path);
    const target = reader.yaml(path, 'locale strings');
    for (const leaf of target ? stringLeaves(target) : []) translated.set(stringId(baseName(path, '.yaml'), leaf.path), leaf);
  }
  for (const path of reader.list(from, '.yaml')) {
    const namespace = baseName(path, '.yaml');
    const source = reader.yaml(path, 'locale strings');
    for (const leaf of source ? stringLeaves(source) : []) {
      const id = stringId(namespace, leaf.path);
      const translation = translated.get(id);
      translated.delete(id);
      units.push({
        id,
        kind: 'string',
        scope: 'templates',
        syntax: 'icu',
        source: { text: leaf.text, place: leaf.place },
        target: { kind: 'yaml-key', file: `${to}/${namespace}.yaml`, path: leaf.path },
        translation: translation ? { text: translation.text, place: translation.place } : undefined,
      });
    }
  }
  for (const [id, leaf] of translated) obsolete.push({ id, kind: 'string', place: leaf.place });
}

function knownCountries(reader: InputReader, dataDir: string): string[] {
  return reader.list(`${dataDir}/countries`, '').filter((path) => reader.exists(`${path}/country.yaml`)).map((path) => path.split('/').pop()!);
}
