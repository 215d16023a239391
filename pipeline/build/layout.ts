import type { StageCache } from '../cache/key.ts';
import { cacheKey } from '../cache/key.ts';
import type { BuildMemory } from './memory.ts';
import type { ComposedDocument } from '../document/types.ts';
import type { Dataset } from '../ingest/types.ts';
import type { LayoutResult } from '../layout/index.ts';
import { unbreakableWords } from '../layout/unbreakable.ts';
import { digest } from '../util/digest.ts';
import { releaseMemory } from '../util/memory.ts';
import { fileDigest } from './digests.ts';
import type { ComposedEdition } from './front.ts';
import { portableTheme, type HyphenationSpec, type LayoutJob } from './layout-job.ts';
import { LayoutThread } from './layout-thread.ts';

/** What the layout step is given. */
export interface LayoutStepInput {
  /** The validated input (page style, theme, the country's names for the hyphenators). */
  dataset: Dataset;
  /** What this process remembers of earlier work; the layout threads' tables are added to it. */
  memory: BuildMemory;
  /** The composed editions. */
  editions: readonly ComposedEdition[];
  /** The pipeline version with the theme's digest (`FrontResult.drawing`). */
  drawing: string;
  /** The pipeline version, under which the memo tables are kept. */
  version: string;
  /** Where laid-out documents are kept between builds. */
  cache: StageCache;
  /** Collect garbage between documents (`RunRequest.releaseMemory`). */
  releaseMemory?: boolean;
  /** The stage cache's folder, from which a layout thread loads the memo tables; none without cache. */
  cacheDir?: string;
  /** Threads to lay out on, this one included (`lanesFor`); one by default. */
  threads?: number;
  /** Told of a kept entry that could not be used. */
  notice: (message: string) => void;
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

/**
 * Lays out every document as a tagged PDF; a document laid out before from exactly this input
 * is taken from the cache. The others are shared between this thread and, on a machine with
 * more than one core, a layout thread (`LayoutThread`): their inputs are independent, and each
 * thread finishes a document and lets it go before it starts the next (peak memory is then a
 * document's per thread, not six). Then the memo tables that grew — the layout thread's merged
 * into this one's — are kept.
 */
export async function layoutEditions(input: LayoutStepInput): Promise<LaidOutDocument[]> {
  const { dataset, cache } = input;
  // The page style with its font files by content, not by where they lie, for the keys.
  const keyStyle = { ...dataset.page, fontFiles: Object.fromEntries(Object.entries(dataset.page.fontFiles).map(([name, file]) => [name, fileDigest(file)])) };
  const hyphenationFor = hyphenations(dataset);
  const jobs = input.editions.flatMap(({ locale, charts, documents }) => {
    const forLayout = [...charts.values()].map((chart) => ({ id: chart.id, svg: chart.svg, width: chart.width, height: chart.height, digest: digest(chart.svg) }));
    return documents.map((document) => {
      const job: LayoutJob = { locale, document, charts: forLayout, hyphenation: hyphenationFor(locale) };
      // The hyphenator's name digests the words it keeps whole: a new name there sets lines anew.
      const key = layoutKey(input.drawing, document, { style: keyStyle, hyphenation: job.hyphenation.name }, forLayout);
      return { job, key, result: cachedLayoutResult(cache, key, input.notice) };
    });
  });
  const pending = jobs.flatMap((job, index) => (job.result ? [] : [{ index, job: job.job }]));
  const [here, there] = shareOut(pending, lanesFor(pending.length, input.threads));
  const setup = { style: dataset.page, theme: dataset.theme };
  const thread = there.length > 0
    ? new LayoutThread({ style: setup.style, theme: portableTheme(setup.theme), version: input.version, cacheDir: input.cacheDir, releaseMemory: input.releaseMemory }, there, input.notice, input.memory.memos)
    : undefined;
  const keep = (index: number, result: LayoutResult) => {
    jobs[index]!.result = result;
    storeLayoutResult(cache, jobs[index]!.key, result);
  };
  try {
    if (here.length > 0) {
      // Loaded at the first document to lay out: a rebuild whose layouts are all kept never loads pdfkit.
      const runner = new (await import('./layout-runner.ts')).JobRunner(setup, input.memory.lines);
      for (const { index, job } of here) {
        keep(index, await runner.run(job));
        await releaseMemory(input.releaseMemory);
      }
    }
    for (const { index } of there) keep(index, await thread!.result(index));
    await thread?.done();
  } finally {
    await thread?.stop();
  }
  // Everything shaped, measured and compiled is known now; kept for the next build, with
  // room made for it first.
  const { memos } = input.memory;
  const grown = memos.toSave(input.version);
  if (grown.length > 0) {
    await releaseMemory(input.releaseMemory, true);
    memos.save(cache, input.version, grown);
  }
  return jobs.map(({ job, result }) => ({ locale: job.locale, document: job.document, result: result!, chartDigests: new Map(job.charts.map((c) => [c.id, c.digest])) }));
}

/** The most threads the documents are laid out on: this one and one layout thread. */
export const MAX_LAYOUT_THREADS = 2;

/**
 * How many threads lay out `count` documents: as many as asked (`--threads`), one by default,
 * at most `MAX_LAYOUT_THREADS`, and never more than there are editions to share out. One is the
 * default because a second was measured slower on a two-core machine (the PNG thread and the
 * collector already take most of the second core; see the README's benchmark).
 */
export function lanesFor(count: number, asked = 1): number {
  return Math.max(1, Math.min(count, asked, MAX_LAYOUT_THREADS));
}

/**
 * Shares the documents between `lanes` threads so that they finish about together, an
 * edition's documents kept on one thread, where they share shaped words, broken lines and a
 * hyphenator: the largest edition first, each to the thread with the least work so far (by the
 * size of its composed content). The first share is this thread's; each keeps build order.
 */
export function shareOut<T extends { index: number; job: LayoutJob }>(jobs: readonly T[], lanes: number): [T[], T[]] {
  if (lanes < 2) return [[...jobs], []];
  const editions = new Map<string, { jobs: T[]; size: number }>();
  for (const job of jobs) {
    const edition = editions.get(job.job.locale) ?? { jobs: [], size: 0 };
    edition.jobs.push(job);
    edition.size += JSON.stringify(job.job.document.blocks).length;
    editions.set(job.job.locale, edition);
  }
  const loads = [0, 0];
  const shares: [T[], T[]] = [[], []];
  for (const edition of [...editions.values()].sort((a, b) => b.size - a.size || a.jobs[0]!.index - b.jobs[0]!.index)) {
    const lane = loads[1]! < loads[0]! ? 1 : 0;
    loads[lane] += edition.size;
    shares[lane].push(...edition.jobs);
  }
  for (const share of shares) share.sort((a, b) => a.index - b.index);
  return shares;
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
    return { bytes: new Uint8Array(bytes), pageCount: saved.pageCount, anchorPages: new Map(saved.anchorPages), pageDigests: saved.pageDigests, breakingMs: 0 };
  } catch {
    notice(`.cache/${key}.json: not a layout record; laid out again`);
    return undefined;
  }
}

function storeLayoutResult(cache: StageCache, key: string, result: LayoutResult): void {
  cache.set(`${key}.pdf`, result.bytes);
  cache.set(`${key}.json`, JSON.stringify({ pageCount: result.pageCount, anchorPages: [...result.anchorPages], pageDigests: result.pageDigests }));
}
