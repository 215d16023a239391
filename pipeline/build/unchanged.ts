import { digestInputs } from '../cache/inputs.ts';
import type { InputIssue } from '../errors/errors.ts';
import type { PipelineConfig } from '../ingest/types.ts';
import { outputPath, readConfig } from '../ingest/config.ts';
import { InputReader, type InputMemory } from '../input/read.ts';
import type { ChangeReport } from '../publish/changes.ts';
import { outputsIntact } from '../publish/intact.ts';
import { readPublishedState } from '../publish/published.ts';
import { digest } from '../util/digest.ts';
import { readPreviousManifest } from './publish.ts';

/** What a build request asks of the files: which country, where it publishes, from what. */
export interface BuildTarget {
  /** The country built. */
  country: string;
  /** The output folder. */
  outputDir: string;
}

/** Where a build of the request would read and write, and a digest of all it could read. */
export interface BuildInputs extends BuildTarget {
  /** Digest of every file the build could read, the pipeline version and the request. */
  digest: string;
}

/** The part of a build request these functions read. */
export interface TargetRequest {
  /** Project root. */
  root: string;
  /** Configuration file, relative to the root. */
  configPath: string;
  /** Country; the first configured one when absent. */
  country?: string;
  /** Locales asked for. */
  locales?: readonly string[];
  /** What the build remembers of its inputs (the configuration is then known valid without compiling its schema). */
  inputMemory?: InputMemory;
}

/** The country a build request builds and the output folder it publishes to; undefined when the configuration cannot be read (ingest then reports why). */
export function buildTarget(request: TargetRequest): BuildTarget & { config: PipelineConfig } | undefined {
  const config = readConfig(new InputReader(request.root, { memory: request.inputMemory }), request.configPath);
  if (!config) return undefined;
  return { config, country: request.country ?? config.countries[0]!, outputDir: outputPath(request.root, config) };
}

/** The target with a digest of everything the build could read. */
export function buildInputs(request: TargetRequest, target: ReturnType<typeof buildTarget>, version: string): BuildInputs | undefined {
  if (!target) return undefined;
  const { config, country, outputDir } = target;
  return {
    country,
    outputDir,
    digest: digestInputs(
      request.root,
      [request.configPath, `${config.dataDir}/frameworks`, `${config.dataDir}/countries/${country}`, config.templatesDir],
      [version, country, JSON.stringify(request.locales ?? null), process.env.SOURCE_DATE_EPOCH ?? ''],
    ),
  };
}

/** What the last build made, when nothing it could read changed since. */
export interface UnchangedBuild {
  /** The editions the last build published, with their page counts. */
  editions: { locale: string; document: 'acr' | 'brief'; pages: number }[];
  /** The warnings the last build gave for this same input. */
  warnings: InputIssue[];
  /** An empty change report. */
  changes: ChangeReport;
}

/** The previous build's result when nothing changed since and its outputs are intact, else undefined. */
export function unchangedBuild({ country, outputDir, digest: inputs }: BuildInputs): UnchangedBuild | undefined {
  const previous = readPreviousManifest(outputDir, country);
  if (!previous || previous.inputsDigest !== inputs || !outputsIntact(outputDir, previous, digest)) return undefined;
  const state = readPublishedState(outputDir, country);
  const editions = Object.entries(previous.editions).map(([key, record]) => {
    const [locale, document] = key.split('/') as [string, 'acr' | 'brief'];
    return { locale, document, pages: record.pages.length };
  });
  return {
    editions,
    warnings: state?.inputsDigest === inputs ? [...state.warnings] : [],
    changes: { first: false, inputs: [], values: [], scores: [], rankings: [], editions: [] },
  };
}
