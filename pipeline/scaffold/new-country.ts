import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExitCode, InputError, UsageError } from '../errors/errors.ts';
import { readConfig } from '../ingest/config.ts';
import { readPlan } from '../ingest/content.ts';
import { readFramework } from '../ingest/framework.ts';
import { InputReader } from '../input/read.ts';
import type { DocumentPlan } from '../ingest/types.ts';
import { skeletonFiles } from './skeleton.ts';

export const newCountryUsage = `Usage: csi-report new-country <id> --locales en,ru [options]

Writes data/countries/<id>/: a commented skeleton of every input of a country. Then
\`csi-report check --country <id>\` lists everything still to write, each with its file.

Options:
  --locales LIST     the country's languages, comma-separated; the source language first
  --documents LIST   its documents (default: the configuration's, e.g. acr,brief)
  --framework ID     the framework it is scored with (default: the only one, or csi-2008-2010)
  --config FILE      configuration file (default: pipeline.config.yaml)`;

/** `csi-report new-country`: writes the skeleton; returns the exit code. Throws usage and input errors. */
export function runNewCountry(argv: readonly string[], cwd: string): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      locales: { type: 'string' },
      documents: { type: 'string' },
      framework: { type: 'string' },
      config: { type: 'string', default: 'pipeline.config.yaml' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(newCountryUsage);
    return ExitCode.ok;
  }
  const id = positionals[0];
  if (positionals.length !== 1 || !id) throw new UsageError(`name the new country's id\n\n${newCountryUsage}`);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new UsageError(`"${id}" is not a country id: use lower-case letters, digits and dashes, e.g. "kyrgyzstan"`);
  const configFile = resolve(cwd, values.config!);
  const root = dirname(configFile);
  const reader = new InputReader(root);
  const config = readConfig(reader, basename(configFile));
  if (!config) throw new InputError(reader.issues);
  const locales = (values.locales ?? config.sourceLocale).split(',').map((l) => l.trim()).filter(Boolean);
  const bad = locales.filter((l) => !/^[a-z]{2,3}$/.test(l));
  if (bad.length > 0) throw new UsageError(`--locales: ${bad.map((l) => `"${l}"`).join(', ')} is not a locale code like "en"`);
  if (locales[0] !== config.sourceLocale) throw new UsageError(`--locales must start with ${config.sourceLocale}, the language every translation is made from (got ${locales.join(',')})`);
  const documents = (values.documents?.split(',').map((d) => d.trim()) ?? [...config.documents]) as ('acr' | 'brief')[];
  const unknownDocument = documents.find((d) => d !== 'acr' && d !== 'brief');
  if (unknownDocument) throw new UsageError(`--documents: "${unknownDocument}" is not a document; use acr, brief or both`);
  const frameworks = reader.list(`${config.dataDir}/frameworks`, '.yaml').map((f) => basename(f, '.yaml'));
  const frameworkId = values.framework ?? (frameworks.length === 1 ? frameworks[0]! : 'csi-2008-2010');
  if (!frameworks.includes(frameworkId)) throw new UsageError(`there is no framework "${frameworkId}" in ${config.dataDir}/frameworks/ (there are: ${frameworks.join(', ') || 'none'})`);
  const folder = `${config.dataDir}/countries/${id}`;
  if (existsSync(join(root, folder))) throw new UsageError(`${folder} exists already; the skeleton is written only into a new folder`);
  const framework = readFramework(reader, `${config.dataDir}/frameworks/${frameworkId}.yaml`);
  const plans = new Map<'acr' | 'brief', DocumentPlan>();
  for (const document of documents) {
    const plan = readPlan(reader, config.templatesDir, document);
    if (plan) plans.set(document, plan);
  }
  if (!framework || reader.hasErrors()) throw new InputError(reader.issues);
  const files = skeletonFiles({ id, locales, documents, framework, plans, sourceLocale: config.sourceLocale, dataDir: config.dataDir });
  for (const file of files) {
    const path = join(root, folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  console.log(`wrote ${folder}/ (${files.length} files): the inputs of ${id} in ${locales.join(', ')}, for ${documents.join(' and ')}`);
  console.log(`next: csi-report check --country ${id}   lists everything still to write, each with its file`);
  return ExitCode.ok;
}
