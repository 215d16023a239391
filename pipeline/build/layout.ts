import type { StageCache } from '../cache/key.ts';
import { cacheKey } from '../cache/key.ts';
import { memosToSave, saveMemos } from '../cache/memo.ts';
import type { ComposedDocument } from '../document/types.ts';
import { whileDrawing } from '../errors/errors.ts';
import { createHyphenator, type Hyphenator } from '../hyphenate/index.ts';
import type { Dataset } from '../ingest/types.ts';
import type { LayoutInput, LayoutResult } from '../layout/index.ts';
import { unbreakableWords } from '../layout/unbreakable.ts';
import { digest } from '../util/digest.ts';
import { releaseMemory } from '../util/memory.ts';
import { fileDigest } from './digests.ts';
import type { ComposedEdition } from './front.ts';

/** What the layout step is given. */
export interface LayoutStepInput {
  /** The validated input (page style, theme, the country's names for the hyphenators). */
  dataset: Dataset;
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
 * Lays out every document as a tagged PDF, one at a time, each finished and let go before the
 * next starts (peak memory is then one document's, not six); a document laid out before from
 * exactly this input is taken from the cache. Then the memo tables that grew are kept.
 */
export async function layoutEditions(input: LayoutStepInput): Promise<LaidOutDocument[]> {
  const { dataset, cache } = input;
  // The page style with its font files by content, not by where they lie, for the keys.
  const keyStyle = { ...dataset.page, fontFiles: Object.fromEntries(Object.entries(dataset.page.fontFiles).map(([name, file]) => [name, fileDigest(file)])) };
  const hyphenationFor = hyphenations(dataset);
  const jobs = input.editions.flatMap(({ locale, charts, documents }) => {
    const forLayout = [...charts.values()].map((chart) => ({ id: chart.id, svg: chart.svg, width: chart.width, height: chart.height, digest: digest(chart.svg) }));
    return documents.map((document) => {
      // The hyphenator's name digests the words it keeps whole: a new name there sets lines anew.
      const key = layoutKey(input.drawing, document, { style: keyStyle, hyphenation: hyphenationFor(locale).name }, forLayout);
      return { locale, charts, document, forLayout, key, result: cachedLayoutResult(cache, key, input.notice) };
    });
  });
  const laidOut: LaidOutDocument[] = [];
  let layout: typeof import('../layout/index.ts') | undefined;
  let drawChart: typeof import('../chart/index.ts')['drawChart'] | undefined;
  for (const job of jobs) {
    if (!job.result) {
      // Loaded at the first document to lay out: a rebuild whose layouts are all kept never loads pdfkit.
      layout ??= await import('../layout/index.ts');
      drawChart ??= (await import('../chart/index.ts')).drawChart;
      const paint = drawChart;
      job.result = await whileDrawing(`the ${job.locale} ${job.document.kind === 'acr' ? 'report' : 'brief'}`, () => layout!.layoutDocument({
        document: job.document,
        style: dataset.page,
        charts: new Map(job.forLayout.map((c) => [c.id, c])),
        paintChart: (doc, id, x, y, width) => void paint(doc, job.charts.get(id)!, x, y, width, dataset.theme),
        hyphenation: hyphenationFor(job.locale),
      }));
      storeLayoutResult(cache, job.key, job.result);
      await releaseMemory(input.releaseMemory);
    }
    laidOut.push({ locale: job.locale, document: job.document, result: job.result, chartDigests: new Map(job.forLayout.map((c) => [c.id, c.digest])) });
  }
  // Everything shaped, measured and compiled is known now; kept for the next build, with
  // room made for it first.
  const grown = memosToSave(input.version);
  if (grown.length > 0) {
    await releaseMemory(input.releaseMemory, true);
    saveMemos(cache, input.version, grown);
  }
  return laidOut;
}

/**
 * One hyphenator per language, told the names and acronyms of the country's data; its name is
 * part of the key of remembered lines, so other words set the paragraphs again. It is made at
 * its first word: a rebuild whose layouts are all kept never loads the patterns.
 */
function hyphenations(dataset: Dataset): (locale: string) => NonNullable<LayoutInput['hyphenation']> {
  const known = new Map<string, NonNullable<LayoutInput['hyphenation']>>();
  return (locale) => {
    let found = known.get(locale);
    if (!found) {
      const words = unbreakableWords(dataset, locale);
      let made: Hyphenator | undefined;
      found = { name: `${locale}:${digest(JSON.stringify(words))}`, hyphenator: { split: (word) => (made ??= createHyphenator(locale, { unbreakable: words })).split(word) } };
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
