import type { InputReader } from '../input/read.ts';
import type { PipelineConfig } from '../ingest/types.ts';
import type { YamlFile } from '../input/yaml-file.ts';
import { dataTextId } from './paths.ts';
import type { TranslationUnit } from './types.ts';
import { isRecord } from './yaml-units.ts';

/** The country's data files that hold localised maps, besides the frameworks. */
const COUNTRY_FILES = ['country', 'figures', 'tables', 'people', 'sources', 'conflicts', 'bibliography', 'recommendations', 'brief'];

const LOCALE_KEY = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/**
 * The localised texts of the data files (`name: {en: …, ru: …}`), one unit per map. A map is
 * localised when it has a text for the source locale and every key is a locale code with a
 * text: the shape `localisedText` of the ingest schemas describes. The translation is the
 * map's entry for the locale, written in the same file. Returns the units and the files read.
 */
export function collectDataTexts(reader: InputReader, config: PipelineConfig, country: string, locale: string): { units: TranslationUnit[]; files: string[] } {
  const frameworks = reader.list(`${config.dataDir}/frameworks`, '.yaml');
  const files = [
    ...frameworks,
    // The programme's shared texts beside each framework (partner names, international sources).
    ...frameworks.flatMap((file) => ['programme', 'sources'].map((name) => `${file.replace(/\.yaml$/, '')}/${name}.yaml`)).filter((file) => reader.exists(file)),
    ...COUNTRY_FILES.map((name) => `${config.dataDir}/countries/${country}/${name}.yaml`).filter((file) => reader.exists(file)),
  ];
  const units: TranslationUnit[] = [];
  for (const file of files) {
    const yaml = reader.yaml(file, 'data');
    if (yaml) findMaps(yaml.value, [], config.sourceLocale, (path, map) => units.push(unitOf(yaml, config, path, map, locale)));
  }
  return { units, files };
}

function unitOf(yaml: YamlFile, config: PipelineConfig, path: (string | number)[], map: Record<string, unknown>, locale: string): TranslationUnit {
  const translation = map[locale];
  return {
    id: dataTextId(yaml.file.slice(config.dataDir.length + 1), path),
    kind: 'data-text',
    // A country's own texts are recorded in its folder; the frameworks' are shared.
    scope: yaml.file.startsWith(`${config.dataDir}/countries/`) ? 'country-data' : 'data',
    syntax: 'plain',
    source: { text: map[config.sourceLocale] as string, place: yaml.placeOf([...path, config.sourceLocale]) },
    target: { kind: 'yaml-key', file: yaml.file, path: [...path, locale] },
    // An empty text counts as missing, as ingest treats it.
    translation: typeof translation === 'string' && translation.trim() !== '' ? { text: translation, place: yaml.placeOf([...path, locale]) } : undefined,
  };
}

function findMaps(value: unknown, path: (string | number)[], sourceLocale: string, found: (path: (string | number)[], map: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    value.forEach((child, index) => findMaps(child, [...path, index], sourceLocale, found));
  } else if (isRecord(value)) {
    const keys = Object.keys(value);
    if (typeof value[sourceLocale] === 'string' && keys.every((key) => LOCALE_KEY.test(key) && typeof value[key] === 'string')) found(path, value);
    else for (const key of keys) findMaps(value[key], [...path, key], sourceLocale, found);
  }
}
