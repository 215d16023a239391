import { drawChart } from '../layout/chart.ts';
import { whileDrawing } from '../errors/errors.ts';
import { createHyphenator, type Hyphenator } from '../hyphenate/index.ts';
import { layoutDocument, type LayoutResult } from '../layout/index.ts';
import { sharedFaces, type SharedFace } from '../theme/shared-face.ts';
import { fontFaces } from '../theme/faces.ts';
import type { FontMemory } from '../theme/font-memory.ts';
import type { BrokenLines } from '../layout/broken-lines.ts';
import { keepPages, keptPages, recordedPagesKey } from '../layout/recorded-pages.ts';
import { cacheKey, noCache, type StageCache } from '../cache/key.ts';
import type { SubsetStore } from '../layout/text.ts';
import { digest } from '../util/digest.ts';
import type { Font } from 'fontkit';
import { openFont } from '../theme/open-font.ts';
import type { Theme } from '../theme/types.ts';
import { jobTitle, type HyphenationSpec, type LayoutJob, type LayoutSetup, type PortableTheme } from './layout-job.ts';

/**
 * Lays out jobs one after another. Hyphenators are made at the first word they split, once
 * per edition language, so a thread that sets no justified paragraph never loads patterns.
 */
export class JobRunner {
  private readonly hyphenators = new Map<string, { name: string; hyphenator: Hyphenator }>();
  /** The theme's faces with their shaping, shared by the documents and charts this runner lays out. */
  private readonly fonts: ReadonlyMap<string, SharedFace>;

  /** What every page's drawing depends on beyond the page, but the fonts' files: the style and the faces the charts' texts take. */
  private readonly drawing: string;

  /** The embedded font files the documents' faces were subset to, kept in the stage cache under the pipeline version. */
  private readonly subsets: SubsetStore;

  /** Whether a document was laid out here already. */
  private laidOut = false;

  /**
   * `lines`: paragraphs broken before, the build's memory; the theme's own memory has its
   * shaped words. `pages`: where each document's pages are kept between builds (a stage cache,
   * under the pipeline version), and how a kept entry that cannot be read is told.
   * `betweenDocuments`: run before each document but the first, to give back the memory of the
   * one before (`MemoryRelease.release`); not after the last, where nothing follows that needs
   * the room.
   */
  constructor(
    private readonly setup: LayoutSetup,
    private readonly lines: BrokenLines,
    private readonly pages: { cache: StageCache; version: string; notice: (message: string) => void },
    private readonly betweenDocuments?: () => Promise<void>,
  ) {
    this.fonts = sharedFaces(fontFaces(setup.theme), setup.theme.memory);
    this.drawing = JSON.stringify([setup.style, Object.entries(setup.theme.font.faces).map(([key, face]) => [key, face.name])]);
    const { cache, version } = pages;
    this.subsets = { get: (key) => cache.get(cacheKey('subset', version, key)), set: (key, file) => cache.set(cacheKey('subset', version, key), file) };
  }

  /** Lays out a job's document, writing the pages it did not change as the last build wrote them, and keeps its pages for the next. */
  async run(job: LayoutJob): Promise<LayoutResult> {
    if (this.laidOut) await this.betweenDocuments?.();
    this.laidOut = true;
    const { style, theme } = this.setup;
    const charts = new Map(job.charts.map((chart) => [chart.id, chart]));
    const { cache, version, notice } = this.pages;
    const key = recordedPagesKey(version, job.document);
    // A build that keeps nothing (--no-cache) records no pages either.
    const pages = cache === noCache ? undefined : keptPages(cache, key, notice);
    const result = await whileDrawing(jobTitle(job), () => layoutDocument({
      document: job.document,
      style,
      fonts: this.fonts,
      lines: this.lines,
      fontsKey: job.fonts,
      charts,
      paintChart: (doc, text, id, x, y, width) => void drawChart(doc, text, charts.get(id)!, x, y, width, theme),
      pages: pages && { store: pages, context: digest(`${this.drawing}|${job.fonts}`) },
      subsets: pages && this.subsets,
      hyphenation: this.hyphenation(job.hyphenation),
    }));
    if (pages) keepPages(cache, key, pages);
    return result;
  }

  private hyphenation(spec: HyphenationSpec): { name: string; hyphenator: Hyphenator } {
    let found = this.hyphenators.get(spec.name);
    if (!found) {
      let made: Hyphenator | undefined;
      found = { name: spec.name, hyphenator: { split: (word) => (made ??= createHyphenator(spec.locale, { unbreakable: spec.unbreakable })).split(word) } };
      this.hyphenators.set(spec.name, found);
    }
    return found;
  }
}

/** The theme with its fonts parsed again from the files the theme was read with, measuring with `memory` (the thread's). */
export function openTheme(theme: PortableTheme, memory: FontMemory): Theme {
  const faces = Object.fromEntries(Object.entries(theme.font.faces).map(([key, face]) => [key, { ...face, font: openFont(face.file, memory) as Font }])) as Theme['font']['faces'];
  return { ...theme, font: { family: theme.font.family, faces }, memory };
}
