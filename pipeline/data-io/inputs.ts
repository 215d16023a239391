import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type InputIssue } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import { readConfigFile } from '../ingest/config.ts';
import { readCountry, readSources } from '../ingest/country.ts';
import { readFramework } from '../ingest/framework.ts';
import { joinKeyed, readProgramme } from '../ingest/programme.ts';
import { InputReader } from '../input/read.ts';
import { readLocaleStrings } from '../ingest/strings.ts';
import type { LocaleStrings } from '../format/strings.ts';
import type { Framework, PipelineConfig, Source } from '../ingest/types.ts';
import { issueAt } from '../input/yaml-file.ts';

/** What the data commands read of a project for one country: its framework and the sources a value may cite. */
export interface DataInputs {
  /** Project root (the configuration's folder). */
  root: string;
  /** The configuration. */
  config: PipelineConfig;
  /** Country id. */
  country: string;
  /** The languages the country publishes, the source language first. */
  locales: readonly string[];
  /** The framework the country is scored with. */
  framework: Framework;
  /** Every source a value may cite: the programme's and the country's own, by key. */
  sources: ReadonlyMap<string, Source>;
  /** `indicators.yaml` of the country, project-relative. */
  indicatorsFile: string;
  /** `sources.yaml` of the country, project-relative. */
  sourcesFile: string;
  /** The workbook's headings of every language the templates hold. */
  headings: ReadonlyMap<string, LocaleStrings>;
}

/**
 * Reads the configuration, the country's framework and its sources, with the same readers the
 * build uses. Only what the workbook needs must be valid: a country whose texts are still
 * being written can already enter its data.
 */
export function readDataInputs(root: string, configPath: string, countryId?: string): DataInputs {
  const reader = new InputReader(root);
  const configFile = readConfigFile(reader, configPath);
  if (!configFile) throw new InputError(reader.issues);
  const { config } = configFile;
  const id = countryId ?? config.countries[0]!;
  const countryDir = `${config.dataDir}/countries/${id}`;
  const countryFile = `${countryDir}/country.yaml`;
  if (!reader.exists(countryFile)) {
    const known = reader.exists(`${config.dataDir}/countries`) ? readdirSync(join(root, config.dataDir, 'countries')).filter((name) => reader.exists(`${config.dataDir}/countries/${name}/country.yaml`)).sort() : [];
    throw new InputError([issueAt(configFile.placeOf(['countries']), msg.unknownCountry(id, known, config.dataDir))]);
  }
  // The country file's other texts may still be empty: only its framework and languages count here.
  const countryIssues = new InputReader(root);
  const country = readCountry(countryIssues, countryFile, id);
  if (!country) throw new InputError(countryIssues.issues);
  const framework = readFramework(reader, `${config.dataDir}/frameworks/${country.framework}.yaml`);
  const programmeDir = `${config.dataDir}/frameworks/${country.framework}`;
  const programme = readProgramme(reader, programmeDir, framework);
  const sourcesFile = `${countryDir}/sources.yaml`;
  const own = readSources(reader, sourcesFile, framework ? Object.keys(framework.sourceKinds) : undefined);
  const sources = own && joinKeyed(reader, programme.sources, own, () => sourcesFile, `${programmeDir}/sources.yaml`);
  const headings = new Map<string, LocaleStrings>();
  for (const locale of templateLocales(root, config.templatesDir)) headings.set(locale, readLocaleStrings(reader, config.templatesDir, locale));
  const errors: InputIssue[] = reader.issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0 || !framework || !sources) throw new InputError(reader.issues);
  return { root, config, country: id, locales: country.locales ?? config.locales, framework, sources, indicatorsFile: `${countryDir}/indicators.yaml`, sourcesFile, headings };
}

function templateLocales(root: string, templatesDir: string): string[] {
  try {
    return readdirSync(join(root, templatesDir, 'locales'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
}
