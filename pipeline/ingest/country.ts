import type { Country, Source } from './types.ts';
import type { InputReader } from '../input/read.ts';
import { countrySchema, sourcesSchema, type RawCountry } from './schemas/country.ts';
import { validateYaml } from '../input/validate.ts';
import { issueAt, type YamlFile } from '../input/yaml-file.ts';
import { msg } from '../errors/messages.ts';
import { checkNameCases } from './name-cases.ts';

/** Reads `country.yaml`. */
export function readCountry(reader: InputReader, path: string, folder: string): Country | undefined {
  const yaml = reader.yaml(path, 'country');
  if (!yaml) return undefined;
  // With its id, framework and languages readable, the rest of the input is still checked
  // in the same run (the run fails on the reported problems anyway): a new country learns
  // everything missing at once, not the country file first.
  if (!validateYaml(yaml, countrySchema, reader.issues, reader.valid) && !usableCountry(yaml)) return undefined;
  const raw = yaml.value;
  if (raw.id !== folder) {
    reader.issues.push(issueAt(yaml.placeOf(['id']), { message: `the id "${raw.id}" differs from the country's folder "${folder}"`, hint: `Make them the same: write "id: ${folder}", or rename the folder.` }));
    return undefined;
  }
  const { id, framework, name, cases, organisation, partners, funders, study, edition, locales, documents, ...extra } = raw;
  checkNameCases(yaml, [], name, cases, reader.issues);
  if (organisation && typeof organisation === 'object') checkNameCases(yaml, ['organisation'], organisation.name, organisation.cases, reader.issues);
  return { id, framework, name, cases, organisation, partners: Array.isArray(partners) ? partners : [], funders: Array.isArray(funders) ? funders : [], study, edition, locales, documents, extra };
}

/**
 * Whether a country file the schema refused still names its id, framework and locales, so the
 * rest of the input can be checked. Its other fields are read as they are: the problems found
 * in them are already reported and stop the build.
 */
function usableCountry(yaml: YamlFile): yaml is YamlFile<RawCountry> {
  const raw = yaml.value;
  if (!raw || typeof raw !== 'object' || !('id' in raw) || !('framework' in raw)) return false;
  const locales = 'locales' in raw ? raw.locales : undefined;
  return typeof raw.id === 'string' && typeof raw.framework === 'string' && (locales === undefined || (Array.isArray(locales) && locales.every((l) => typeof l === 'string')));
}

/** Reads `sources.yaml` into citations by key; each kind must be a source kind of the framework, when it is known. */
export function readSources(reader: InputReader, path: string, kinds?: readonly string[]): Map<string, Source> | undefined {
  const yaml = reader.yaml(path, 'sources');
  if (!yaml || !validateYaml(yaml, sourcesSchema, reader.issues, reader.valid)) return undefined;
  const entries = yaml.value;
  const unknown = kinds ? Object.entries(entries).filter(([, source]) => !kinds.includes(source.kind)) : [];
  for (const [key, source] of unknown) reader.issues.push(issueAt(yaml.placeOf([key, 'kind']), msg.unknownSourceKind(source.kind, kinds!)));
  if (unknown.length > 0) return undefined;
  return new Map(Object.entries(entries).map(([key, source]) => [key, { key, ...source }]));
}
