import { digest } from '../util/digest.ts';
import type { ComposedDocument } from '../compose/types.ts';
import { createPdf, drawPages, type ChartPainter } from './draw.ts';
import { fontIdentity, type ShapingFont } from '../theme/simple-shaping.ts';
import { readFileSync, statSync } from 'node:fs';
import { registerMemo, registerNumberTable } from '../memo.ts';
import { shareShaping } from './shaping.ts';
import { flowDocument, type LineMemo } from './flow.ts';
import type { ChartBox } from './model.ts';
import type { Hyphenator, Line, Measure } from './lines.ts';
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
  /** Natural sizes of the charts, by id. */
  charts: ReadonlyMap<string, ChartBox>;
  /** Draws a chart as vectors. */
  paintChart: ChartPainter;
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
  /** A digest of each page's content (text, positions, charts), for the change report. */
  pageDigests: string[];
  /** Milliseconds spent setting paragraphs into lines (Knuth–Plass and hyphenation), remembered lines apart. */
  breakingMs: number;
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
  const { measure, touch } = measureWith(doc);
  const clock = { breakingMs: 0 };
  const lineMemo: LineMemo = { fonts: fontsKey(input.style), get: knownLines, set: (key, lines) => void brokenLines.set(key, lines), touch };
  const model: PageModel = flowDocument({ document: input.document, style: input.style, measure, charts: input.charts, lineMemo, hyphenation: input.hyphenation, clock });
  drawPages(doc, model, input.document, input.style, input.paintChart);
  doc.end();
  await ended;
  const anchorPages = new Map([...model.anchorPages].map(([anchor, index]) => [anchor, index + 1]));
  const pageDigests = model.pages.map((page) => digest(JSON.stringify(page.items.map((item) => (item.kind === 'chart' ? { ...item, digest: input.charts.get(item.chart)?.digest } : item))) + page.footnotes.join(',')));
  return { bytes: new Uint8Array(Buffer.concat(chunks)), pageCount: model.pages.length, anchorPages, pageDigests, breakingMs: clock.breakingMs };
}

/** Widths of measured texts by face and size (`${identity}|${size}`), then by text, for every document of the process. */
const widths = new Map<string, Map<string, number>>();
registerNumberTable('text-widths', widths);

/**
 * Text measurement by the registered fonts themselves. The flow asks often and the same
 * texts recur in every document, so widths are kept for the whole process, by the face's
 * identity (the font file's content, not its path) and size. pdfkit numbers a document's
 * fonts in the order it first selects them, so each document still selects a font at its
 * first measurement, as it did when every document measured afresh: its bytes do not depend
 * on what was measured before it.
 */
function measureWith(doc: PDFKit.PDFDocument): { measure: Measure; touch: (font: string) => void } {
  const tables = new Map<string, Map<string, number>>();
  const selected = new Set<string>();
  const current = () => (doc as unknown as { _font: { font: ShapingFont } })._font;
  const touch = (font: string) => {
    if (selected.has(font)) return;
    selected.add(font);
    doc.font(font);
  };
  const measure: Measure = (text, font, size) => {
    const slot = `${font}|${size}`;
    let table = tables.get(slot);
    if (!table) {
      selected.add(font);
      doc.font(font);
      shareShaping(current());
      const key = `${fontIdentity(current().font)}|${size}`;
      table = widths.get(key);
      if (!table) {
        table = new Map();
        widths.set(key, table);
      }
      tables.set(slot, table);
    }
    let width = table.get(text);
    if (width === undefined) {
      width = doc.font(font).fontSize(size).widthOfString(text);
      table.set(text, width);
    }
    return width;
  };
  return { measure, touch };
}

/** Paragraphs broken into lines, by `LineMemo` key; and those an earlier build saved, as it saved them. */
const brokenLines = new Map<string, Line[]>();
let savedLines: Record<string, Line[]> = {};
registerMemo({
  name: 'broken-lines',
  size: () => brokenLines.size + Object.keys(savedLines).filter((key) => !brokenLines.has(key)).length,
  save: () => ({ ...savedLines, ...Object.fromEntries(brokenLines) }),
  clear: () => {
    brokenLines.clear();
    savedLines = {};
  },
  load: (entries) => {
    savedLines = entries as Record<string, Line[]>;
  },
});

function knownLines(key: string): Line[] | undefined {
  const lines = brokenLines.get(key) ?? (Object.hasOwn(savedLines, key) ? savedLines[key] : undefined);
  if (lines) brokenLines.set(key, lines);
  return lines;
}

/**
 * What the lines of a paragraph depend on besides its text, width and size: the font names of
 * the style and the content of each font file (a digest, once per file and modification).
 */
function fontsKey(style: PageStyle): string {
  return `${JSON.stringify(style.fonts)}|${Object.entries(style.fontFiles).map(([name, file]) => `${name}=${fileDigest(file)}`).join(',')}`;
}

const fileDigests = new Map<string, string>();

function fileDigest(file: string): string {
  const { size, mtimeMs } = statSync(file);
  const key = `${file}|${size}|${mtimeMs}`;
  let known = fileDigests.get(key);
  if (!known) {
    known = digest(readFileSync(file));
    fileDigests.set(key, known);
  }
  return known;
}
