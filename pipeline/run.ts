import { join } from 'node:path';
import type { Chart } from './chart/index.ts';
import { ChartPictures } from './build/chart-files.ts';
import { noCache, type StageCache } from './cache/key.ts';
import { FileStamps } from './cache/stamps.mjs';
import { BuildMemory, LAYOUT_TABLES } from './build/memory.ts';
import { fileCache, pruneCache, removeStrayEntries } from './cache/store.ts';
import { pipelineVersion } from './cache/version.ts';
import type { FrontResult } from './build/front.ts';
import { LayoutStep, type LaidOutDocument } from './build/layout.ts';
import { publishEditions } from './build/publish.ts';
import { buildInputs, buildTarget, unchangedBuild, type BuildTarget } from './build/unchanged.ts';
import { isYamlInput, type PrefetchedYaml } from './input/yaml-prefetch.ts';
import { PARSED_YAML } from './input/parsed-yaml.ts';
import { VALID_INPUTS } from './input/valid-inputs.ts';
import { asEnvironmentError, type InputIssue } from './errors/errors.ts';
import type { Dataset } from './ingest/types.ts';
import type { ChangeReport } from './publish/changes.ts';
import { acquireBuildLock } from './publish/lock.ts';
import { removeStrays } from './publish/strays.ts';
import type { Scores } from './score/index.ts';

/** What a run is asked to do. */
export interface RunRequest {
  /** Project root. */
  root: string;
  /**
   * What earlier builds of this process worked out (a watcher passes the same one to each of
   * its builds); a new one, loaded from the stage cache, when absent.
   */
  memory?: BuildMemory;
  /** Configuration file, relative to the root. */
  configPath: string;
  /** Country to build; the first configured one when absent. */
  country?: string;
  /** Locales to build, of those the country publishes; all of them when absent. */
  locales?: readonly string[];
  /** Build the asked-for locales the country publishes and pass over the others (`build --all --locale …`). */
  lenientLocales?: boolean;
  /** Only validate the input (including composing every document); write nothing. */
  checkOnly?: boolean;
  /** Build everything afresh, ignoring `.cache/` and the previous build. */
  noCache?: boolean;
  /** Collect garbage between documents to keep the peak memory low (default true; watch turns it off). */
  releaseMemory?: boolean;
  /** Stands in for the pipeline's own version (tools embedding the pipeline, tests of the cache). */
  pipelineVersion?: string;
  /** Threads to lay out the documents on, this one included: 1 (when absent) or 2; the csi-report command picks (`layoutThreadsFor`, `--threads`). */
  layoutThreads?: number;
  /** Wait for another build of the same country to finish (default); false: exit 75 at once (`--no-wait`). */
  wait?: boolean;
  /** Told each one-line notice as it happens: waiting for a lock, a damaged cache entry discarded, strays removed. */
  onNotice?: (message: string) => void;
}

/** One PDF of the build. */
export interface Edition {
  /** Locale. */
  locale: string;
  /** Document. */
  document: 'acr' | 'brief';
  /** Number of pages. */
  pages: number;
}

/** What a run did. */
export interface RunResult {
  /** Country built. */
  country: string;
  /** Files written, relative to the output folder. */
  written: string[];
  /** The scores; absent when nothing the build reads changed since the last build, which made these very files. */
  scores?: Scores;
  /** The editions laid out. */
  editions: Edition[];
  /** Warnings that did not stop the build. */
  warnings: InputIssue[];
  /** Milliseconds spent in each stage. */
  timings: StageTimings;
  /** Of the layout stage's time, the milliseconds spent setting paragraphs into lines (breaking, hyphenating). */
  breakingMs: number;
  /** Pages of the editions laid out that were written again as a build before wrote them, not drawn: nothing they depend on changed. */
  reusedPages: number;
  /** What changed since the previous build (absent for `check`). */
  changes?: ChangeReport;
  /** One-line notices of the run (see `RunRequest.onNotice`). */
  notices: string[];
}

/** Milliseconds per stage of one run. */
export type StageTimings = Record<'ingest' | 'score' | 'chart' | 'compose' | 'layout' | 'publish', number>;

/**
 * Builds one country's editions:
 *
 *   config, data, templates ─► ingest ─► score ─► chart ─► compose ─► layout ─► publish
 *                              Dataset   Scores   Charts   Document   PDF bytes  output/<country>/
 *
 * Steps 1–4 find every input problem of every locale before anything is laid out; nothing is
 * written unless every step of every edition succeeded.
 */
export async function runPipeline(request: RunRequest): Promise<RunResult> {
  const notices: string[] = [];
  const notice = (message: string) => {
    notices.push(message);
    request.onNotice?.(message);
  };
  // The whole build of a country — reading, comparing with the last edition, publishing —
  // runs under its lock, so a second build waits and then builds on what the first published.
  const version = request.pipelineVersion ?? pipelineVersion();
  const cacheDir = join(request.root, '.cache');
  // Which inputs earlier builds found valid, before the configuration is read: a rebuild with
  // nothing changed then compiles no schema (nor loads the compiler).
  const cache = request.noCache || request.checkOnly ? noCache : whileReading(cacheDir, () => fileCache(cacheDir, notice));
  const memory = request.memory ?? new BuildMemory();
  if (request.releaseMemory !== false) memory.heap.watch();
  whileReading(cacheDir, () => memory.memos.load(cache, version, notice, [VALID_INPUTS]));
  // The digests of inputs and outputs that did not change since an earlier build looked at
  // them are remembered with each file's stamp (cache/stamps.mjs), so this costs a stat a file.
  const stamps = new FileStamps(request.noCache || request.checkOnly ? undefined : join(cacheDir, 'stamps.json'));
  const target = request.checkOnly ? undefined : await buildTarget({ ...request, inputMemory: memory.input }, stamps, cache);
  const lock = target ? await acquireBuildLock(target.outputDir, target.country, { wait: request.wait, onWait: notice }) : undefined;
  try {
    if (target) {
      const strays = removeStrays(target.outputDir, target.country);
      if (strays.length > 0) notice(`removed what a stopped build left in ${target.outputDir}: ${strays.join(', ')}`);
      const entries = removeStrayEntries(join(request.root, '.cache'));
      if (entries.length > 0) notice(`removed ${entries.length} unfinished entr${entries.length === 1 ? 'y' : 'ies'} a stopped build left in .cache/`);
    }
    return { ...(await buildLocked(request, target, { version, cache, cacheDir, memory, stamps }, notice)), notices };
  } catch (error) {
    throw asEnvironmentError(error, { path: target?.outputDir });
  } finally {
    // A build that failed leaves no entry half-written behind it in a process that goes on (watch).
    await cache.flush().catch(() => undefined);
    lock?.release();
    memory.heap.stop();
  }
}

async function buildLocked(request: RunRequest, target: BuildTarget | undefined, { version, cache, cacheDir, memory, stamps }: { version: string; cache: StageCache; cacheDir: string; memory: BuildMemory; stamps: FileStamps }, notice: (message: string) => void): Promise<Omit<RunResult, 'notices'>> {
  const timings: StageTimings = { ingest: 0, score: 0, chart: 0, compose: 0, layout: 0, publish: 0 };
  let clock = performance.now();
  const lap = (stage: keyof StageTimings) => {
    const now = performance.now();
    timings[stage] += now - clock;
    clock = now;
  };
  // 0. Nothing to do when no input changed since the last successful build and its outputs
  //    are intact: the previous build already made exactly these files.
  const inputs = buildInputs(request, target, version, stamps);
  const unchanged = !request.checkOnly && !request.noCache && inputs ? unchangedBuild(inputs, stamps) : undefined;
  stamps.save();
  if (unchanged) return { country: inputs!.country, written: [], ...unchanged, timings: { ...timings, ingest: performance.now() - clock }, breakingMs: 0, reusedPages: 0 };
  // 5. Layout: each document as a tagged PDF, from the cache when laid out before, started
  //    as soon as it is composed when a second thread lays out. That thread is started first,
  //    and loads while this one reads the inputs.
  const layout = new LayoutStep({ memory, version, cache, cacheDir: cache === noCache ? undefined : cacheDir, threads: request.layoutThreads, releaseMemory: request.releaseMemory, notice, stamps });
  // 1–4. Ingest, score, chart and compose every edition; the PNGs are drawn off the main
  //      thread while the documents are composed and laid out.
  const pictures = new ChartPictures(cache);
  const onChart = request.checkOnly ? undefined : (locale: string, chart: Chart, made: { dataset: Dataset; drawing: string }) => pictures.add(locale, chart, made);
  let laidOut: LaidOutDocument[];
  let front: FrontResult;
  try {
    // The YAML files no earlier build kept are parsed on the layout thread too, while this
    // thread reads them, each by whichever comes to it first (input/yaml-prefetch.ts); this
    // build's readers find the thread's parses in the table of parsed files.
    let yamlAhead: PrefetchedYaml | undefined;
    if (!request.checkOnly) {
      memory.memos.load(cache, version, notice, [PARSED_YAML]);
      yamlAhead = layout.start(inputs && { root: request.root, files: inputs.files.filter((file) => isYamlInput(file) && !memory.input.yaml.holds(file)) });
      memory.input.yaml.parseAheadWith(yamlAhead);
    }
    // The front end, loaded only now: a rebuild with nothing changed loads neither the YAML
    // parser nor the schema compiler, Vega nor pdfkit; the layout's modules come with the first
    // document laid out here (`LayoutStep.finish`), so `check` never loads them. Then what
    // earlier builds of this pipeline version worked out and kept (cache/memo.ts), but the
    // layout's tables, which `LayoutStep.finish` loads.
    const { composeEditions } = await import('./build/front.ts');
    memory.memos.load(cache, version, notice, { except: LAYOUT_TABLES });
    try {
      front = await composeEditions({ ...request, memory, stamps, version, cache, lap, onChart, onDocuments: request.checkOnly ? undefined : layout });
    } finally {
      memory.input.yaml.parseAheadWith(undefined);
      yamlAhead?.close();
      // Every picture of the build is asked for now (or none will be, the input being wrong).
      pictures.allAsked();
    }
    if (front.editions.length === 0) return { country: front.dataset.country.id, written: [], scores: front.scores, editions: [], warnings: [nothingToBuild(front.dataset, request.locales)], timings, breakingMs: 0, reusedPages: 0 };
    if (request.checkOnly) return { country: front.dataset.country.id, written: [], scores: front.scores, editions: [], warnings: front.warnings, timings, breakingMs: 0, reusedPages: 0 };
    laidOut = await layout.finish();
  } finally {
    await layout.stop();
  }
  const { scores, warnings } = front;
  lap('layout');
  const files = await pictures.written();
  lap('chart');
  // 6. Publish: compare with the previous edition and what was published before it, record
  //    this build, and move every file into place together (the lock is held since the start).
  const { written, changes } = publishEditions({ root: request.root, dataset: front.dataset, scores, version, inputsDigest: inputs?.digest ?? '', laidOut, pictures: files, warnings });
  // The entries the build kept were written while it worked; pruning counts them once all are in place.
  await cache.flush();
  if (cache !== noCache) pruneCache(cacheDir);
  lap('publish');
  const breakingMs = laidOut.reduce((sum, { result }) => sum + result.breakingMs, 0);
  const reusedPages = laidOut.reduce((sum, { result }) => sum + result.reusedPages, 0);
  const pages = laidOut.map(({ locale, document, result }) => ({ locale, document: document.kind, pages: result.pageCount }));
  return { country: front.dataset.country.id, written, scores, editions: pages, warnings, timings, breakingMs, reusedPages, changes };
}

/** Runs `work`, a refusal of the machine (a full disk, a read-only folder) reported as such. */
function whileReading<T>(path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asEnvironmentError(error, { path });
  }
}

/** The warning of a build asked only for locales the country does not publish. */
function nothingToBuild(dataset: Dataset, asked: readonly string[] | undefined): InputIssue {
  return {
    place: { file: `${dataset.config.dataDir}/countries/${dataset.country.id}/country.yaml` },
    message: `"${dataset.country.id}" publishes none of the locales asked for (${(asked ?? []).join(', ')}); nothing was built`,
    hint: `Its editions are ${dataset.editions.published.join(', ')}.`,
    severity: 'warning',
  };
}
