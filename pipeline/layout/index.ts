import { createHash } from 'node:crypto';
import type { ComposedDocument } from '../compose/types.ts';
import { createPdf, drawPages, type ChartPainter } from './draw.ts';
import { shareShaping } from './shaping.ts';
import { flowDocument, type ChartBox } from './flow.ts';
import type { Measure } from './lines.ts';
import type { PageModel } from './model.ts';
import type { PageStyle } from './style.ts';

export type { PageStyle } from './style.ts';
export type { ChartPainter } from './draw.ts';

/** What the layout stage needs. */
export interface LayoutInput {
  /** The composed document. */
  document: ComposedDocument;
  /** Page geometry, fonts and text styles. */
  style: PageStyle;
  /** Natural sizes of the charts, by id. */
  charts: ReadonlyMap<string, ChartBox>;
  /** Draws a chart as vectors. */
  paintChart: ChartPainter;
}

/** The laid-out PDF. */
export interface LayoutResult {
  /** The PDF file. */
  bytes: Uint8Array;
  /** Number of pages. */
  pageCount: number;
  /** Page (1-based) of every heading, figure and table anchor. */
  anchorPages: ReadonlyMap<string, number>;
  /** A digest of each page's content (text, positions, charts), for the change report. */
  pageDigests: string[];
}

/**
 * Lays out a composed document as a tagged PDF: flows the blocks into pages (measuring text
 * with the embedded fonts), then draws the pages.
 */
export async function layoutDocument(input: LayoutInput): Promise<LayoutResult> {
  const doc = createPdf(input.document, input.style);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const model: PageModel = flowDocument({ document: input.document, style: input.style, measure: measureWith(doc, input.style), charts: input.charts });
  drawPages(doc, model, input.document, input.style, input.paintChart);
  doc.end();
  await ended;
  const anchorPages = new Map([...model.anchorPages].map(([anchor, index]) => [anchor, index + 1]));
  const pageDigests = model.pages.map((page) => digest(JSON.stringify(page.items.map((item) => (item.kind === 'chart' ? { ...item, digest: input.charts.get(item.chart)?.digest } : item))) + page.footnotes.join(',')));
  return { bytes: new Uint8Array(Buffer.concat(chunks)), pageCount: model.pages.length, anchorPages, pageDigests };
}

/**
 * Text measurement by the registered fonts themselves, cached per document: the flow asks
 * often. Not shared between documents: pdfkit numbers fonts in the order they are first
 * used, so a cache warmed by another document would change the bytes of this one.
 */
function measureWith(doc: PDFKit.PDFDocument, style: PageStyle): Measure {
  const cache = new Map<string, number>();
  return (text, font, size) => {
    const key = `${style.fontFiles[font] ?? font}|${size}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      doc.font(font);
      shareShaping((doc as unknown as { _font: unknown })._font);
      width = doc.fontSize(size).widthOfString(text);
      cache.set(key, width);
    }
    return width;
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
