import { availableParallelism } from 'node:os';
import type { StageCache } from '../cache/key.ts';
import { cacheKey, noCache } from '../cache/key.ts';
import type { BuildMemory } from './memory.ts';
import { innerBlocks } from '../document/blocks.ts';
import type { Block, ComposedDocument } from '../document/types.ts';
import type { Dataset } from '../ingest/types.ts';
import type { LayoutResult } from '../layout/index.ts';
import { fontsKey } from '../layout/broken-lines.ts';
import { unbreakableWords } from '../layout/unbreakable.ts';
import type { FileStamps } from '../cache/stamps.mjs';
import { digest } from '../util/digest.ts';
import type { Charts } from '../chart/index.ts';
import type { JobRunner } from './layout-runner.ts';
import { portableTheme, type HyphenationSpec, type JobChart, type LayoutJob } from './layout-job.ts';
import { LayoutThread } from './layout-thread.ts';
import type { PrefetchedYaml } from '../input/yaml-prefetch.ts';

/** How the layout step works: what it is given before the first document is composed. */
export interface LayoutStepOptions {
  /** What this process remembers of earlier work; the layout thread's tables are added to it. */
  memory: BuildMemory;
  /** The pipeline version, under which the memo tables are kept. */
  version: string;
  /** Where laid-out documents are kept between builds. */
  cache: StageCache;
  /** Collect garbage between documents (`RunRequest.releaseMemory`). */
  releaseMemory?: boolean;
  /** The stage cache's folder, from which a layout thread loads the memo tables; none without cache. */
  cacheDir?: string;
  /** Threads to lay out on, this one included (`lanesFor`). */
  threads?: number;
  /** Told of a kept entry that could not be used. */
  notice: (message: string) => void;
  /** The build's file stamps: the digests of the font files, for the keys. */
  stamps: FileStamps;
}

/** One laid-out document. */
export interface LaidOutDocument {
  /** Locale. */
  locale: string;
  /** The document as composed. */
  document: ComposedDocument;
  /** Its PDF and what the change report needs of it. */
  result: LayoutResult;
  /** The digest of each chart's SVG, by chart id. */
  chartDigests: ReadonlyMap<string, string>;
}

interface StepJob {
  job: LayoutJob;
  key: string;
  result?: LayoutResult;
  /** Laid out by the layout thread, which claimed it. */
  there?: boolean;
}

/**
 * Lays out every document as a tagged PDF; a document laid out before from exactly this input
 * is taken from the cache. With a second thread, each document is laid out there as soon as it
 * is composed, while this thread composes the next (their inputs are independent); when this
 * thread has composed the last, it lays out what the other has not taken (`LayoutThread`).
 * Each thread finishes a document and lets it go before it starts the next, so peak memory is
 * a document's per thread, not six. Then the memo tables that grew — the layout thread's
 * merged into this one's — are kept.
 *
 *   const step = new LayoutStep(options);
 *   step.start();                            // before reading the inputs: the thread starts loading
 *   step.begin(dataset, drawing, count);     // after scoring: the thread is told the style and theme
 *   step.add(locale, charts, document);      // each document as it is composed
 *   const laidOut = await step.finish();     // or, when the build fails, await step.stop()
 */
export class LayoutStep {
  private readonly jobs: StepJob[] = [];
  private dataset: Dataset | undefined;
  private drawing = '';
  private keyStyle: unknown;
  private hyphenationFor: (locale: string) => HyphenationSpec = () => {
    throw new Error('LayoutStep.add before begin');
  };
  private thread: LayoutThread | undefined;
  /** The style's font names and file digests, as layout jobs carry them. */
  private fonts = '';
  /** Each edition's charts as layout jobs carry them. */
  private readonly charts = new Map<Charts, JobChart[]>();

  constructor(private readonly options: LayoutStepOptions) {}

  /**
   * With two threads asked for, starts the layout thread now, before the inputs are read: on a
   * core of its own it parses the YAML files of `yaml` (relative to its root) that this thread
   * does not come to first (input/yaml-prefetch.ts), then loads its code and the memo tables of
   * the last build, and is ready when the first document is composed. Returns what it parses,
   * for this build's readers to take, to be closed once the inputs are read; undefined without
   * a layout thread or files.
   */
  start(yaml?: { root: string; files: string[] }): PrefetchedYaml | undefined {
    if ((this.options.threads ?? 1) < 2 || this.thread) return undefined;
    const { version, cacheDir, releaseMemory, notice, memory } = this.options;
    this.thread = new LayoutThread({ version, cacheDir, releaseMemory }, notice, memory.memos, yaml);
    return this.thread.yamlAhead;
  }

  /**
   * Starts the step for a build of `dataset`, which will compose at most `count` documents; the
   * layout thread, if started, is told the style and theme (with one document only, it stops).
   */
  begin(dataset: Dataset, drawing: string, count: number): void {
    this.dataset = dataset;
    this.drawing = drawing;
    // The page style with its font files by content, not by where they lie, for the keys.
    const fontDigests = Object.fromEntries(Object.entries(dataset.page.fontFiles).map(([name, file]) => [name, this.options.stamps.digest(file) ?? '']));
    this.keyStyle = { ...dataset.page, fontFiles: fontDigests };
    this.fonts = fontsKey(dataset.page, fontDigests);
    this.hyphenationFor = hyphenations(dataset);
    this.start();
    if (lanesFor(count, this.options.threads) > 1) this.thread!.begin(dataset.page, portableTheme(dataset.theme), count);
    else void this.stop();
  }

  /** A composed document, laid out from the cache when it was before, else offered to the layout thread. */
  add(locale: string, charts: Charts, document: ComposedDocument): void {
    // An edition's documents share its charts: digested once.
    let forLayout = this.charts.get(charts);
    if (!forLayout) {
      forLayout = [...charts.values()].map((chart) => ({ id: chart.id, svg: chart.svg, width: chart.width, height: chart.height, digest: digest(chart.svg) }));
      this.charts.set(charts, forLayout);
    }
    const job: LayoutJob = { locale, document, charts: forLayout, hyphenation: this.hyphenationFor(locale), fonts: this.fonts };
    // The hyphenator's name digests the words it keeps whole: a new name there sets lines anew.
    const key = layoutKey(this.drawing, document, { style: this.keyStyle, hyphenation: job.hyphenation.name }, forLayout);
    const result = cachedLayoutResult(this.options.cache, key, this.options.notice);
    this.jobs.push({ job, key, result });
    if (!result) this.thread?.offer(this.jobs.length - 1, job);
  }

  /** Lays out here every document the layout thread has not claimed, waits for the others, and keeps what the memo tables learned. */
  async finish(): Promise<LaidOutDocument[]> {
    const { cache, memory, version } = this.options;
    const keep = (entry: StepJob, result: LayoutResult) => {
      entry.result = result;
      storeLayoutResult(cache, entry.key, result);
    };
    try {
      // The layout's kept tables (`LAYOUT_TABLES`), which the build left unread while it
      // composed; before this thread lays out, and before the layout thread's are merged in.
      memory.memos.load(cache, version, this.options.notice);
      // Every document is offered: the layout thread ends once it has laid out those it takes.
      this.thread?.noMore();
      let runner: JobRunner | undefined;
      // The longest first: the layout thread takes the others in the order they were composed,
      // so the two threads end close together, not this one alone on a report.
      for (const index of longestFirst(this.jobs.map(({ job }) => job.document))) {
        const entry = this.jobs[index]!;
        if (entry.result) continue;
        if (this.thread && !this.thread.claim(index)) {
          entry.there = true;
          continue;
        }
        // Loaded at the first document to lay out: a rebuild whose layouts are all kept never loads pdfkit.
        runner ??= new (await import('./layout-runner.ts')).JobRunner({ style: this.dataset!.page, theme: this.dataset!.theme }, memory.lines, { cache, version, notice: this.options.notice }, () => memory.heap.release(this.options.releaseMemory));
        keep(entry, await runner.run(entry.job));
      }
      for (const [index, entry] of this.jobs.entries()) if (entry.there) keep(entry, await this.thread!.result(index));
      await this.thread?.done();
    } finally {
      await this.stop();
    }
    // Everything shaped, measured and compiled is known now; kept for the next build (not for
    // a build that keeps nothing: --no-cache), with room made for it first when the heap has
    // grown past the budget (util/memory.ts). What this process worked out for earlier builds
    // and this one did not use goes first: a watcher's memory does not grow with every
    // correction.
    memory.memos.sweep();
    const grown = cache === noCache ? [] : memory.memos.toSave(version);
    if (grown.length > 0) {
      await memory.heap.release(this.options.releaseMemory);
      memory.memos.save(cache, version, grown);
    }
    return this.jobs.map(({ job, result }) => ({ locale: job.locale, document: job.document, result: result!, chartDigests: new Map(job.charts.map((c) => [c.id, c.digest])) }));
  }

  /** Stops the layout thread, if any (a build that failed after `begin`). */
  async stop(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    await thread?.stop();
  }
}

/**
 * The indices of `documents`, those with the most blocks first (a report's sixty pages before
 * a brief's four), in their order among equals.
 */
export function longestFirst(documents: readonly ComposedDocument[]): number[] {
  const blocks = documents.map((document) => countBlocks(document.blocks));
  return documents.map((_, index) => index).sort((a, b) => blocks[b]! - blocks[a]! || a - b);
}

function countBlocks(blocks: readonly Block[]): number {
  let count = 0;
  for (const block of blocks) count += 1 + countBlocks(innerBlocks(block));
  return count;
}

/** The most threads the documents are laid out on: this one and one layout thread. */
export const MAX_LAYOUT_THREADS = 2;

/**
 * The threads a command lays out on: those asked for (`--threads`), else two for one
 * country's `build` on a machine of two cores or more. There the second thread lays out while
 * this one composes, and builds were faster by a few per cent (cold and after a correction,
 * alternating builds on the two-core benchmark machine; docs/performance.md). A watcher lays out
 * on one: its own thread has long been compiled and optimised for the work, a new layout
 * thread at each rebuild would not be. `--all` lays out each country on one: each has two cores
 * (`batchLanes`), the second for its PNG thread; with two layout threads each, two countries one
 * after the other took longer and more memory on the two-core machine (10.1–11.3 s and
 * 398–413 MiB, against 9.9–11.0 s and 346–361 MiB).
 */
export function layoutThreadsFor(command: string, all: boolean, asked: number | undefined, cores = availableParallelism()): number {
  if (asked !== undefined) return asked;
  return command === 'build' && !all && cores >= 2 ? MAX_LAYOUT_THREADS : 1;
}

/**
 * How many threads lay out `count` documents: as many as asked (`--threads`), one by default,
 * at most `MAX_LAYOUT_THREADS`, and never more than there are documents.
 */
export function lanesFor(count: number, asked = 1): number {
  return Math.max(1, Math.min(count, asked, MAX_LAYOUT_THREADS));
}

/**
 * One hyphenation per language, told the names and acronyms of the country's data; its name is
 * part of the key of remembered lines, so other words set the paragraphs again.
 */
function hyphenations(dataset: Dataset): (locale: string) => HyphenationSpec {
  const known = new Map<string, HyphenationSpec>();
  return (locale) => {
    let found = known.get(locale);
    if (!found) {
      const unbreakable = unbreakableWords(dataset, locale);
      found = { name: `${locale}:${digest(JSON.stringify(unbreakable))}`, locale, unbreakable };
      known.set(locale, found);
    }
    return found;
  };
}

/** The cache key of a laid-out document: everything its PDF depends on. */
function layoutKey(drawing: string, document: ComposedDocument, style: unknown, charts: readonly { id: string; digest: string; width: number; height: number }[]): string {
  const { warnings: _warnings, ...content } = document;
  return cacheKey('layout', drawing, content, style, charts.map(({ id, digest: d, width, height }) => [id, d, width, height]));
}

/** The PDF laid out last time from exactly this input, if kept (the store verified both entries). */
function cachedLayoutResult(cache: StageCache, key: string, notice: (message: string) => void): LayoutResult | undefined {
  const meta = cache.get(`${key}.json`);
  const bytes = cache.get(`${key}.pdf`);
  if (!meta || !bytes) return undefined;
  try {
    // A kept layout cost no breaking in this run.
    const saved = JSON.parse(Buffer.from(meta).toString('utf8')) as { pageCount: number; anchorPages: [string, number][]; pageDigests: string[] };
    if (!Number.isInteger(saved.pageCount) || !Array.isArray(saved.anchorPages) || !Array.isArray(saved.pageDigests)) throw new Error('fields missing');
    return { bytes: new Uint8Array(bytes), pageCount: saved.pageCount, anchorPages: new Map(saved.anchorPages), pageDigests: saved.pageDigests, breakingMs: 0, reusedPages: 0 };
  } catch {
    notice(`.cache/${key}.json: not a layout record; laid out again`);
    return undefined;
  }
}

function storeLayoutResult(cache: StageCache, key: string, result: LayoutResult): void {
  cache.set(`${key}.pdf`, result.bytes);
  cache.set(`${key}.json`, JSON.stringify({ pageCount: result.pageCount, anchorPages: [...result.anchorPages], pageDigests: result.pageDigests }));
}
