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
  return {
    ...defaults,
    ...raw,
    translation: { ...defaults.translation, ...raw.translation },
  } as PipelineConfig;
}
