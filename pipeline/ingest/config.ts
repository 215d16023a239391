import { isAbsolute, join } from 'node:path';
import type { SourcePlace } from '../errors/errors.ts';
import { outputFolderIssues, outputPath } from './output-folder.ts';
import type { PipelineConfig } from './types.ts';
import type { InputReader } from '../input/read.ts';
import { configSchema } from './schemas/country.ts';
import { validateYaml } from '../input/validate.ts';
import { issueAt } from '../input/yaml-file.ts';
import { insideFolder } from '../util/paths.ts';

const defaults = {
  dataDir: 'data',
  templatesDir: 'templates',
  outputDir: 'output',
  sourceLocale: 'en',
  sourceDate: '2011-06-01',
  translation: { missing: 'fail' as const },
};

/** The configuration with where each of its settings is written. */
export interface ConfigFile {
  config: PipelineConfig;
  /** The place of a setting (or the file, for a default). */
  placeOf(path: readonly (string | number)[]): SourcePlace;
}

/** Reads `pipeline.config.yaml` (or the given file) and fills in defaults. */
export function readConfig(reader: InputReader, path: string): PipelineConfig | undefined {
  return readConfigFile(reader, path)?.config;
}

/**
 * Reads the configuration, fills in defaults and checks what the schema cannot: that the
 * data and templates folders lie inside the project, that the output folder is one the build
 * may write to, and that SOURCE_DATE_EPOCH, when set, is a date.
 */
export function readConfigFile(reader: InputReader, path: string): ConfigFile | undefined {
  const yaml = reader.yaml(path, 'configuration');
  if (!yaml || !validateYaml(yaml, configSchema, reader.issues, reader.valid)) return undefined;
  const raw = yaml.value;
  // SOURCE_DATE_EPOCH (reproducible-builds.org) overrides the configured date of the outputs.
  const fromEpoch = epochDate(reader);
  const config = {
    ...defaults,
    ...raw,
    ...(fromEpoch ? { sourceDate: fromEpoch } : {}),
    translation: { ...defaults.translation, ...raw.translation },
  } as PipelineConfig;
  const placeOf = (keys: readonly (string | number)[]): SourcePlace => (keys[0] !== undefined && keys[0] in yaml.value ? yaml.placeOf(keys) : { file: yaml.file });
  const before = reader.issues.length;
  for (const key of ['dataDir', 'templatesDir'] as const) {
    if (isAbsolute(config[key]) || !insideFolder(reader.root, join(reader.root, config[key]))) reader.issues.push(issueAt(placeOf([key]), outsideProject(key, config[key])));
  }
  if (reader.issues.length === before) reader.issues.push(...outputFolderIssues(reader.root, config, placeOf(['outputDir'])));
  if (reader.issues.length > before || fromEpoch === null) return undefined;
  return { config, placeOf };
}

function outsideProject(key: string, value: string) {
  return {
    message: `${key} "${value}" lies outside the project${isAbsolute(value) ? ' (or is written as an absolute path)' : ''}`,
    hint: `Write it relative to the configuration's folder, and keep the ${key === 'dataDir' ? 'data' : 'templates'} inside the project (the folder of the configuration file), e.g. "${key === 'dataDir' ? 'data' : 'templates'}".`,
  };
}

/** The date SOURCE_DATE_EPOCH stands for; undefined when unset, null (with an issue) when it is no date. */
function epochDate(reader: InputReader): string | undefined | null {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  const hint = 'Set it to whole seconds since 1970-01-01 UTC, e.g. the output of "date +%s" or "git log -1 --format=%ct", or unset it to use sourceDate of the configuration.';
  const place = { file: 'SOURCE_DATE_EPOCH' };
  if (!/^\d+$/.test(epoch)) {
    reader.issues.push(issueAt(place, { message: `the environment variable SOURCE_DATE_EPOCH="${epoch.slice(0, 40)}" is not a whole number of seconds`, hint }));
    return null;
  }
  // Dates stamped into the documents are written YYYY-MM-DD: the year 9999 is the last.
  if (Number(epoch) > 253402300799) {
    reader.issues.push(issueAt(place, { message: `the environment variable SOURCE_DATE_EPOCH=${epoch.slice(0, 40)} lies beyond the year 9999`, hint }));
    return null;
  }
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}

/** Where the build writes (the output folder, resolved as `outputDir` says). */
export { outputPath };
