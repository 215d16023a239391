import type { Country, Source } from './types.ts';
import type { InputReader } from './read.ts';
import { countrySchema, sourcesSchema } from './schemas/country.ts';
import { validateYaml } from './validate.ts';

/** Reads `country.yaml`. */
export function readCountry(reader: InputReader, path: string): Country | undefined {
  const yaml = reader.yaml(path, 'country');
  if (!yaml) return undefined;
  const raw = yaml.value as Omit<Country, 'partners' | 'funders'> & { partners?: Country['partners']; funders?: Country['funders'] } & Record<string, unknown>;
  if (!validateYaml(yaml, countrySchema, reader.issues)) {
    // With its id, framework and languages readable, the rest of the input is still checked
    // in the same run (the run fails on the reported problems anyway): a new country learns
    // everything missing at once, not the country file first.
    const usable = raw && typeof raw === 'object' && typeof raw.id === 'string' && typeof raw.framework === 'string' && (raw.locales === undefined || (Array.isArray(raw.locales) && raw.locales.every((l) => typeof l === 'string')));
    if (!usable) return undefined;
  }
  const { id, framework, name, organisation, partners, funders, study, edition, locales, documents, ...extra } = raw;
  return { id, framework, name, organisation, partners: Array.isArray(partners) ? partners : [], funders: Array.isArray(funders) ? funders : [], study, edition, locales, documents, extra };
}

/** Reads `sources.yaml` into citations by key. */
export function readSources(reader: InputReader, path: string): Map<string, Source> | undefined {
  const yaml = reader.yaml(path, 'sources');
  if (!yaml || !validateYaml(yaml, sourcesSchema, reader.issues)) return undefined;
  const entries = yaml.value as Record<string, Omit<Source, 'key'>>;
  return new Map(Object.entries(entries).map(([key, source]) => [key, { key, ...source }]));
}
