/**
 * Shares word shaping between the documents of a build, and shapes words with HarfBuzz.
 *
 * pdfkit shapes every word through fontkit's OpenType engine (GSUB/GPOS lookups) and caches
 * the result per document only, so a build of six documents shapes the same words six times —
 * most of the layout stage's time. The shaped run of a word depends only on the font file and
 * the word, so it is kept in the build's font memory (theme/font-memory.ts), keyed by both,
 * and handed to every later document. What pdfkit writes from it (glyph ids, advances,
 * positions, code points) is the same whichever document shaped it first, so the bytes of a
 * PDF do not depend on what was built before it. Words are shaped by HarfBuzz
 * (theme/shaping.ts), which gives what fontkit gives in a fraction of the time.
 *
 * pdfkit takes, through its public `doc.registerFont(name, font)`, any font object with a
 * fontkit font's `layout` method. A `SharedFace` hands pdfkit such an object (`pdfFont`): the
 * fontkit font itself underneath, its `layout` answering from the shared table. Nothing of
 * pdfkit or fontkit is replaced.
 */
import type { FontMemory } from './font-memory.ts';
import { scaledRun, type KeptFace, type ShapedRun } from './shaped-words.ts';
import { fontIdentity, shapeText, type FontGlyph, type GlyphPosition, type Shapers, type ShapingFont } from './shaping.ts';

export type { ShapedRun } from './shaped-words.ts';

/** The part of a fontkit font a shared face needs besides shaping. */
export type FaceFont = ShapingFont & { unitsPerEm: number };

/**
 * What pdfkit's `EmbeddedFont.layoutRun` gets from `font.layout(text)`: fresh positions in
 * font units (pdfkit scales them in place) and a run whose advance width sums them as they
 * are when read, as fontkit's `GlyphRun` does.
 */
class PdfRun {
  constructor(
    readonly glyphs: FontGlyph[],
    readonly positions: GlyphPosition[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/** Marks the font objects `SharedFace` gives pdfkit, and leads back to their face. */
const faceOfPdfFont = Symbol('shared face');

/**
 * One font face's shaping, shared by every document and chart of a build that uses it: the
 * words shaped so far (with those an earlier build saved) and the font object pdfkit embeds.
 */
export class SharedFace {
  /** pdfkit's scale from font units to a size of 1000. */
  readonly scale: number;
  /**
   * The font to register with pdfkit (`doc.registerFont(name, face.pdfFont)`): an object whose
   * prototype is the fontkit font, so pdfkit reads the font's tables, glyphs and subsets as
   * always, with a `layout` of its own that answers from the shared words.
   */
  readonly pdfFont: object;
  private readonly words: Map<string, ShapedRun>;
  private readonly kept: KeptFace | undefined;
  private readonly shapers: Shapers;
  /** What each embedding of this face (one document's font) worked out per word, while it lives. */
  private readonly byEmbedding = new WeakMap<object, Map<string, unknown>>();

  /** `memory`: the build's font memory, whose table of shaped words this face reads and adds to. */
  constructor(
    readonly font: FaceFont,
    private readonly memory: FontMemory,
  ) {
    this.scale = 1000 / font.unitsPerEm;
    const face = `${fontIdentity(font)}|${this.scale}`;
    this.words = memory.words.wordsOf(face);
    this.kept = memory.words.keptFace(face);
    this.shapers = memory;
    const layout = (text: string, features?: unknown) => {
      if (features !== undefined && features !== null) return font.layout(text, features as string[]);
      const run = this.run(text);
      return new PdfRun(run.glyphs, run.units.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })));
    };
    this.pdfFont = Object.create(font, { layout: { value: layout }, [faceOfPdfFont]: { value: this } });
  }

  /** The shaped run of `text` (a word with the space after it, as pdfkit splits text). Shared: not to be changed. */
  run(text: string): ShapedRun {
    let run = this.words.get(text);
    if (!run) {
      run = this.memory.words.keptRun(this.kept, text, this.scale) ?? shapeRun(this.font, this.scale, text, this.shapers);
      this.words.set(text, run);
    }
    return run;
  }

  /**
   * What `make` works out for `word` in one embedding of this face (a document's font, whose
   * glyph numbering is its own), made the first time that embedding asks for the word.
   */
  perEmbedding<T>(embedding: object, word: string, make: () => T): T {
    let words = this.byEmbedding.get(embedding);
    if (!words) {
      words = new Map();
      this.byEmbedding.set(embedding, words);
    }
    let known = words.get(word) as T | undefined;
    if (known === undefined) {
      known = make();
      words.set(word, known);
    }
    return known;
  }

  /**
   * Width (pt) of `text` at `size`, exactly as pdfkit's `doc.widthOfString(text)` computes it
   * with this face and size selected: the text is shaped a word at a time, each word with the
   * space or tab after it, the runs' advances are added in order, scaled to the size, and put
   * through the same (neutral) character spacing and horizontal scaling. Same operations in the
   * same order give the same floating-point number.
   */
  widthOf(text: string, size: number): number {
    let advance = 0;
    let last = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 32 || code === 9) {
        advance += this.run(text.slice(last, index + 1)).advanceWidth;
        last = index + 1;
      }
    }
    if (last < text.length) advance += this.run(text.slice(last)).advanceWidth;
    return ((advance * (size / 1000) + 0 * (text.length - 1)) * 100) / 100;
  }
}

/** The shared face behind a font object pdfkit embeds (`EmbeddedFont.font`), if it is one `SharedFace` made. */
export function sharedFaceOf(font: unknown): SharedFace | undefined {
  return font !== null && typeof font === 'object' && faceOfPdfFont in font ? (font as { [faceOfPdfFont]: SharedFace })[faceOfPdfFont] : undefined;
}

/**
 * What pdfkit's `layoutRun` returns for `text`: shaped by HarfBuzz, or by fontkit where the
 * text is left to it (theme/shaping.ts), positions scaled as pdfkit scales them.
 */
function shapeRun(font: ShapingFont, scale: number, text: string, shapers: Shapers): ShapedRun {
  const shaped = shapeText(font, text, shapers);
  return scaledRun(withOwnCodePoints(shaped.glyphs, text), shaped.positions, scale);
}

/**
 * The glyphs of a run, each naming the character it was made from. fontkit keeps one glyph
 * object per glyph id and it names the character it was first made for, so where two
 * characters share a glyph (a space and a no-break space) what pdfkit writes to the text
 * layer would depend on what was shaped before; a glyph per character of the word makes it
 * depend on the word alone. A run that is not one glyph per character (a ligature) is kept.
 */
function withOwnCodePoints(glyphs: FontGlyph[], text: string): FontGlyph[] {
  const codePoints = Array.from(text, (c) => c.codePointAt(0)!);
  if (codePoints.length !== glyphs.length) return glyphs;
  return glyphs.map((glyph, i) => (glyph.codePoints.length === 1 && glyph.codePoints[0] === codePoints[i] ? glyph : { id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [codePoints[i]] }));
}

/**
 * Registers the shared faces of `names` with a document, each under its name (an error names
 * one `fonts` lacks). pdfkit's `registerFont` takes a font
 * object (anything with fontkit's `layout`) as well as a file or its bytes; @types/pdfkit
 * declares only the latter.
 */
export function registerSharedFaces(doc: PDFKit.PDFDocument, names: Iterable<string>, fonts: ReadonlyMap<string, SharedFace>): void {
  for (const name of names) {
    const face = fonts.get(name);
    if (!face) throw new Error(`the font "${name}" has no shaping among the document's fonts (${[...fonts.keys()].join(', ')})`);
    doc.registerFont(name, face.pdfFont as unknown as PDFKit.Mixins.PDFFontSource);
  }
}

/** A shared face for each face of a theme, by the name the PDF registers it under, its words in `memory`. */
export function sharedFaces(faces: Iterable<{ name: string; font: unknown }>, memory: FontMemory): Map<string, SharedFace> {
  return new Map([...faces].map((face) => [face.name, new SharedFace(face.font as FaceFont, memory)]));
}
