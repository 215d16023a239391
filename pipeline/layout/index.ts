import { digest } from '../util/digest.ts';
import type { ComposedDocument } from '../document/types.ts';
import { createPdf, drawPages, type ChartPainter, type PageStore } from './draw.ts';
import type { PdfText, SubsetStore } from './text.ts';
import type { BrokenLines } from './broken-lines.ts';
import type { SharedFace } from '../theme/shared-face.ts';
import { flowDocument, type LineMemo } from './flow.ts';
import type { ChartBox } from './model.ts';
import type { Hyphenator, Measure } from '../typeset/types.ts';
import type { PageModel } from './model.ts';
import type { PageStyle } from '../theme/style.ts';

export type { PageStyle } from '../theme/style.ts';
export type { ChartPainter } from './draw.ts';

/** What the layout stage needs. */
export interface LayoutInput {
  /** The composed document. */
  document: ComposedDocument;
  /** Page geometry, fonts and text styles. */
  style: PageStyle;
  /** The shaping of each font of `style.fontFiles`, by its name there: measures the text and is what the PDF embeds. */
  fonts: ReadonlyMap<string, SharedFace>;
  /** Paragraphs broken before: the build's memory. */
  lines: BrokenLines;
  /** The style's font names and file digests (`fontsKey`): remembered lines are kept under them. */
  fontsKey: string;
  /** Natural sizes of the charts, by id. */
  charts: ReadonlyMap<string, ChartBox>;
  /** Draws a chart as vectors. */
  paintChart: ChartPainter;
  /**
   * Pages written before, and a digest of what every page's drawing depends on beyond the
   * page (the style, the fonts' files, the faces the charts' texts take): a page whose
   * drawing depends on nothing that changed is written from there, and every page drawn is
   * kept there. Without it, every page is drawn.
   */
  pages?: { store: PageStore; context: string };
  /** Embedded font files made before, by face and glyphs; without it, each is made anew. */
  subsets?: SubsetStore;
  /**
   * Where words of the edition's language may be hyphenated in justified text, and a name for
   * that (the locale and anything else that changes the pieces) to key remembered lines by.
   * Without it, no word is hyphenated.
   */
  hyphenation?: { name: string; hyphenator: Hyphenator };
}

/** The laid-out PDF. */
export interface LayoutResult {
  /** The PDF file. */
  bytes: Uint8Array;
  /** Number of pages. */
  pageCount: number;
  /** Page (1-based) of every heading, figure and table anchor. */
  anchorPages: ReadonlyMap<string, number>;
  /** A digest of what each page shows (its text, positions, charts, notes, running head and number), for the change report. */
  pageDigests: string[];
  /** Milliseconds spent setting paragraphs into lines (Knuth–Plass and hyphenation), remembered lines apart. */
  breakingMs: number;
  /** Pages written again as they were kept, not drawn (`LayoutInput.pages`). */
  reusedPages: number;
}

/**
 * Lays out a composed document as a tagged PDF: flows the blocks into pages (measuring text
 * with the embedded fonts), then draws the pages.
 */
export async function layoutDocument(input: LayoutInput): Promise<LayoutResult> {
  const { doc, text } = createPdf(input.document, input.style, input.fonts, input.subsets);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const measure = measureWith(text);
  const clock = { breakingMs: 0 };
  // Lines are kept by a digest of their key: the key holds the paragraph's inlines and the
  // fonts' names and digests, which would otherwise make up half of what is saved.
  const { lines } = input;
  const lineMemo: LineMemo = { fonts: input.fontsKey, get: (key) => lines.get(digest(key)), set: (key, broken) => lines.set(digest(key), broken) };
  const model: PageModel = flowDocument({ document: input.document, style: input.style, measure, charts: input.charts, lineMemo, hyphenation: input.hyphenation, clock });
  const drawn = drawPages(doc, text, model, input.document, input.style, input.paintChart, (id) => input.charts.get(id)?.digest, input.pages);
  text.embed();
  doc.end();
  await ended;
  const anchorPages = new Map([...model.anchorPages].map(([anchor, index]) => [anchor, index + 1]));
  return { bytes: new Uint8Array(Buffer.concat(chunks)), pageCount: model.pages.length, anchorPages, pageDigests: drawn.digests, breakingMs: clock.breakingMs, reusedPages: drawn.reused };
}

/** Text measurement by the faces the document embeds: what drawing the text takes. */
function measureWith(text: PdfText): Measure {
  return (content, font, size) => text.widthOf(font, size, content);
}
