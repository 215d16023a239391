import type { PipelineConfig } from './types.ts';
import type { InputReader } from './read.ts';
import { configSchema } from './schemas/country.ts';
import { validateYaml } from './validate.ts';

const defaults = {
  dataDir: 'data',
  templatesDir: 'templates',
  outputDir: 'output',
  sourceLocale: 'en',
  sourceDate: '2011-06-01',
  translation: { missing: 'fail' as const },
};

/** Reads `pipeline.config.yaml` (or the given file) and fills in defaults. */
export function readConfig(reader: InputReader, path: string): PipelineConfig | undefined {
  const yaml = reader.yaml(path, 'configuration');
  if (!yaml || !validateYaml(yaml, configSchema, reader.issues)) return undefined;
  const raw = yaml.value as Partial<PipelineConfig>;
  // SOURCE_DATE_EPOCH (reproducible-builds.org) overrides the configured date of the outputs.
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const fromEpoch = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10) : undefined;
  return {
    ...defaults,
    ...raw,
    ...(fromEpoch ? { sourceDate: fromEpoch } : {}),
    translation: { ...defaults.translation, ...raw.translation },
  } as PipelineConfig;
}
