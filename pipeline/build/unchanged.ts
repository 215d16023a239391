import { join } from 'node:path';
import { cacheKey, type StageCache } from '../cache/key.ts';
import { digestInputs } from '../cache/inputs.ts';
import { FileStamps } from '../cache/stamps.mjs';
import type { InputIssue } from '../errors/errors.ts';
import { outputPath } from '../ingest/output-folder.ts';
import type { InputMemory } from '../input/read.ts';
import type { ChangeReport } from '../publish/changes.ts';
import { outputsIntact } from '../publish/intact.ts';
import { readPublishedState } from '../publish/published.ts';
import { readPreviousManifest } from './publish.ts';

/** What a build request asks of the files: which country, where it publishes, from what. */
export interface BuildTarget {
  /** The country built. */
  country: string;
  /** The output folder. */
  outputDir: string;
  /** The configured data and templates folders, relative to the project root. */
  dataDir: string;
  templatesDir: string;
}

/** Where a build of the request would read and write, and a digest of all it could read. */
export interface BuildInputs extends Pick<BuildTarget, 'country' | 'outputDir'> {
  /** Digest of every file the build could read, the pipeline version and the request. */
  digest: string;
  /** Every file the build could read, relative to the project root with forward slashes, in the order they were digested. */
  files: string[];
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

/**
 * The country a build request builds and the output folder it publishes to; undefined when
 * the configuration cannot be read (ingest then reports why). What the configuration said is
 * kept in the stage cache under the configuration file's digest: while the file is the same,
 * it is not read again, and a build with nothing changed loads neither the YAML parser nor the
 * schema compiler.
 */
export async function buildTarget(request: TargetRequest, stamps: FileStamps, cache: StageCache): Promise<BuildTarget | undefined> {
  const file = join(request.root, request.configPath);
  const configDigest = stamps.digest(file);
  const key = cacheKey('target', request.configPath, request.country ?? null, configDigest ?? null);
  const kept = configDigest ? keptTarget(cache.get(key)) : undefined;
  if (kept) return { ...kept, outputDir: outputPath(request.root, kept) };
  const [{ readConfig }, { InputReader }] = await Promise.all([import('../ingest/config.ts'), import('../input/read.ts')]);
  const config = readConfig(new InputReader(request.root, { memory: request.inputMemory }), request.configPath);
  if (!config) return undefined;
  const target: BuildTarget = { country: request.country ?? config.countries[0]!, outputDir: config.outputDir, dataDir: config.dataDir, templatesDir: config.templatesDir };
  // Kept only when the file read is the one digested: not changed while it was read.
  if (configDigest && stamps.digest(file) === configDigest) cache.set(key, JSON.stringify(target));
  return { ...target, outputDir: outputPath(request.root, config) };
}

/** A kept target (its `outputDir` as configured: relative to the project root, or absolute), if the entry is one. */
function keptTarget(bytes: Uint8Array | undefined): BuildTarget | undefined {
  if (!bytes) return undefined;
  try {
    const kept = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
    return (['country', 'outputDir', 'dataDir', 'templatesDir'] as const).every((field) => typeof kept[field] === 'string') ? (kept as unknown as BuildTarget) : undefined;
  } catch {
    return undefined;
  }
}

/** The target with a digest of everything the build could read; `stamps` remembers the digests of files that did not change. */
export function buildInputs(request: TargetRequest, target: BuildTarget | undefined, version: string, stamps?: FileStamps): BuildInputs | undefined {
  if (!target) return undefined;
  const { country, outputDir, dataDir, templatesDir } = target;
  const { digest, files } = digestInputs(
    request.root,
    [request.configPath, `${dataDir}/frameworks`, `${dataDir}/countries/${country}`, templatesDir],
    [version, country, JSON.stringify(request.locales ?? null), process.env.SOURCE_DATE_EPOCH ?? ''],
    stamps,
  );
  return { country, outputDir, digest, files };
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

/**
 * The previous build's result when nothing changed since and its outputs are intact, else
 * undefined; `stamps` remembers the digests of outputs that did not change.
 */
export function unchangedBuild({ country, outputDir, digest: inputs }: BuildInputs, stamps = new FileStamps(undefined)): UnchangedBuild | undefined {
  const previous = readPreviousManifest(outputDir, country);
  if (!previous || previous.inputsDigest !== inputs || !outputsIntact(outputDir, previous, (path) => stamps.digest(path))) return undefined;
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
