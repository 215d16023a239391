/**
 * Draws one run of text at a point: what pdfkit's `doc.text(text, x, top, { lineBreak: false })`
 * writes, byte for byte, without the work that call does for options this layout never uses.
 * pdfkit shapes such a run three times (to measure it twice and to encode it once), each time
 * gluing its words' glyph arrays together one word at a time; in a 60-page report that was
 * a fifth of the layout stage and much of its garbage. The run is shaped once here, from the
 * shared words of its face (theme/shared-face.ts), and written with pdfkit's own operators. Every PDF of the
 * default editions is byte-identical with what `doc.text` makes (test/layout/text.test.ts).
 */

import { sharedFaceOf } from '../theme/shared-face.ts';

/** The parts of pdfkit's embedded font this module uses. */
interface EmbeddedFont {
  id: string;
  /** The font object it embeds: a fontkit font, or a shared face's (theme/shared-face.ts). */
  font: unknown;
  ascender: number;
  scale: number;
  widths: number[];
  unicode: number[][];
  subset: { includeGlyph(id: number): number };
  ref(): unknown;
  layoutCached(word: string): { glyphs: { id: number; advanceWidth: number; codePoints: number[] }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[] };
}

interface DocumentState {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
}

/** pdfkit's number format for content streams. */
function number(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

type Position = ReturnType<EmbeddedFont['layoutCached']>['positions'][number];

/** A word as one document's font writes it: hex glyph codes, positions, and which glyphs are spaces. */
interface EncodedWord {
  codes: string[];
  positions: Position[];
  spaces: boolean[];
}

/** `word` encoded in `font`: its glyphs added to the font's subset, widths and text map, as pdfkit's `encode` adds them. */
function encodeWord(font: EmbeddedFont, run: ReturnType<EmbeddedFont['layoutCached']>): EncodedWord {
  const encoded: EncodedWord = { codes: [], positions: run.positions, spaces: [] };
  for (let i = 0; i < run.glyphs.length; i++) {
    const glyph = run.glyphs[i]!;
    const gid = font.subset.includeGlyph(glyph.id);
    encoded.codes.push(`0000${gid.toString(16)}`.slice(-4));
    if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
    encoded.spaces.push(glyph.codePoints.length === 1 && glyph.codePoints[0] === 32);
  }
  return encoded;
}

/** Hex glyph codes and positions of `text`, as pdfkit's `font.encode(text)` gives them, and which glyphs are spaces. */
function encode(font: EmbeddedFont, text: string): [string[], Position[], boolean[]] {
  const codes: string[] = [];
  const positions: Position[] = [];
  const spaces: boolean[] = [];
  // A shared face gives its shared runs, which pdfkit's own cache would copy for each
  // document, and keeps each word as this document's font encoded it.
  const shared = sharedFaceOf(font.font);
  // pdfkit splits after each space or tab and shapes each piece, the space with its word.
  let last = 0;
  for (let index = 0; index <= text.length; index++) {
    const end = index === text.length;
    if (end ? last < index : text[index] === ' ' || text[index] === '\t') {
      const word = text.slice(last, index + 1);
      last = index + 1;
      const encoded = shared ? shared.perEmbedding(font, word, () => encodeWord(font, shared.run(word))) : encodeWord(font, font.layoutCached(word));
      for (let i = 0; i < encoded.codes.length; i++) {
        codes.push(encoded.codes[i]!);
        positions.push(encoded.positions[i]!);
        spaces.push(encoded.spaces[i]!);
      }
    }
  }
  return [codes, positions, spaces];
}

/** Writes one line of `text` (no newline: the flow has broken the lines) with the current font, size and colour, its line box's top at `top`. */
export function drawText(doc: PDFKit.PDFDocument, text: string, x: number, top: number): void {
  const state = doc as unknown as DocumentState;
  drawTextOnBaseline(doc, text, x, top + (state._font.ascender / 1000) * state._fontSize, 0);
}

/** How far below the top of its line box the current font at `size` puts the baseline, as `drawText` places it. */
export function ascent(doc: PDFKit.PDFDocument, size: number): number {
  return ((doc as unknown as DocumentState)._font.ascender / 1000) * size;
}

/**
 * Writes one line of `text` with the current font, size and colour on the baseline `baseline`
 * (from the page's top), each space followed by `spacing` pt more: justification that keeps
 * the space characters in the text, which pdfkit's own (dropping them) does not.
 */
export function drawTextOnBaseline(doc: PDFKit.PDFDocument, text: string, x: number, baseline: number, spacing: number): void {
  text = text.replace(/\n/g, '');
  if (text.length === 0) return;
  const state = doc as unknown as DocumentState;
  const font = state._font;
  const size = state._fontSize;
  doc.save();
  doc.transform(1, 0, 0, -1, 0, state.page.height);
  const y = state.page.height - baseline;
  if (state.page.fonts[font.id] == null) state.page.fonts[font.id] = font.ref();
  doc.addContent('BT');
  doc.addContent(`1 0 0 1 ${number(x)} ${number(y)} Tm`);
  doc.addContent(`/${font.id} ${number(size)} Tf`);
  const [encoded, positions, spaces] = encode(font, text);
  const scale = size / 1000;
  // In the text space's units (thousandths of the size), as TJ takes them.
  const extra = spacing / scale;
  const adjustment = (i: number) => positions[i].xAdvance - positions[i].advanceWidth + (spaces[i] ? extra : 0);
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number) => {
    if (last < cur) {
      const hex = encoded.slice(last, cur).join('');
      commands.push(`<${hex}> ${number(-adjustment(cur - 1))}`);
    }
    last = cur;
  };
  const flush = (i: number) => {
    addSegment(i);
    if (commands.length > 0) {
      doc.addContent(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let i = 0;
  let penX = x;
  for (; i < positions.length; i++) {
    const pos = positions[i];
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      doc.addContent(`1 0 0 1 ${number(penX + pos.xOffset * scale)} ${number(y + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        doc.addContent(`1 0 0 1 ${number(penX)} ${number(y)} Tm`);
        hadOffset = false;
      }
      if (adjustment(i) !== 0) addSegment(i + 1);
    }
    penX += (pos.xAdvance + (spaces[i] ? extra : 0)) * scale;
  }
  flush(i);
  doc.addContent('ET');
  doc.restore();
}
