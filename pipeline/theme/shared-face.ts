/**
 * Shares word shaping between the documents of a process, and shapes words with HarfBuzz.
 *
 * pdfkit shapes every word through fontkit's OpenType engine (GSUB/GPOS lookups) and caches
 * the result per document only, so a build of six documents shapes the same words six times —
 * most of the layout stage's time. The shaped run of a word depends only on the font file and
 * the word, so it is kept here, keyed by both, and handed to every later document. What pdfkit
 * writes from it (glyph ids, advances, positions, code points) is the same whichever document
 * shaped it first, so the bytes of a PDF do not depend on what was built before it. Words are
 * shaped by HarfBuzz (theme/shaping.ts), which gives what fontkit gives in a fraction of the time.
 *
 * pdfkit takes, through its public `doc.registerFont(name, font)`, any font object with a
 * fontkit font's `layout` method. A `SharedFace` hands pdfkit such an object (`pdfFont`): the
 * fontkit font itself underneath, its `layout` answering from the shared table. Nothing of
 * pdfkit or fontkit is replaced.
 */
import { registerMemo } from '../cache/memo.ts';
import { fontIdentity, shapeText, type FontGlyph, type GlyphPosition, type ShapingFont } from './shaping.ts';

/** A shaped word: its glyphs, their positions in font units, and the same scaled to a size of 1000 as pdfkit scales them. */
export interface ShapedRun {
  glyphs: FontGlyph[];
  /** Positions in font units, as fontkit's `layout` gives them. */
  units: GlyphPosition[];
  /** Positions scaled as pdfkit's `layoutRun` leaves them, with each glyph's scaled advance width. */
  positions: (GlyphPosition & { advanceWidth: number })[];
  /** Sum of the scaled x advances, added in order as fontkit's `GlyphRun.advanceWidth` adds them. */
  advanceWidth: number;
}

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
  /** What each embedding of this face (one document's font) worked out per word, while it lives. */
  private readonly byEmbedding = new WeakMap<object, Map<string, unknown>>();

  constructor(readonly font: FaceFont) {
    this.scale = 1000 / font.unitsPerEm;
    const face = `${fontIdentity(font)}|${this.scale}`;
    let words = runs.get(face);
    if (!words) {
      words = new Map();
      runs.set(face, words);
    }
    this.words = words;
    this.kept = keptFace(face);
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
      const index = this.kept?.index.get(text);
      run = index !== undefined ? loadRun(text, this.kept!.saved, this.kept!.offsets[index]!, index, this.scale) : shapeRun(this.font, this.scale, text);
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

/** Shaped words by face and scale (`${identity}|${scale}`), then by word. */
const runs = new Map<string, Map<string, ShapedRun>>();

/**
 * What pdfkit's `layoutRun` returns for `text`: shaped by HarfBuzz, or by fontkit where the
 * text is left to it (theme/shaping.ts), positions scaled as pdfkit scales them.
 */
function shapeRun(font: ShapingFont, scale: number, text: string): ShapedRun {
  const shaped = shapeText(font, text);
  return scaledRun(withOwnCodePoints(shaped.glyphs, text), shaped.positions, scale);
}

/** A run with its positions scaled as pdfkit's `layoutRun` scales them. */
function scaledRun(glyphs: FontGlyph[], units: GlyphPosition[], scale: number): ShapedRun {
  let advanceWidth = 0;
  const positions = units.map((p, i) => {
    const position = { xAdvance: p.xAdvance * scale, yAdvance: p.yAdvance * scale, xOffset: p.xOffset * scale, yOffset: p.yOffset * scale, advanceWidth: glyphs[i]!.advanceWidth * scale };
    advanceWidth += position.xAdvance;
    return position;
  });
  return { glyphs, units, positions, advanceWidth };
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
 * The shaped words of a face as saved, in font units, flat so that writing and reading them
 * costs little (a build saves tens of thousands of words): the words in a list, and in
 * `data`, for each word in turn, its glyph count n, n glyph ids, n x advances and a flag —
 * 1 when n triples of y advance, x offset and y offset follow (only where the word has any),
 * 2 when its glyphs' code points are in `codePoints` (only where they are not the word's own
 * characters one by one). A face's glyph advances are saved once, by glyph id.
 */
interface SavedFace {
  advances: Record<number, number>;
  words: string[];
  data: number[];
  codePoints: Record<number, number[][]>;
}

/** A saved face with each word's index and where its entry starts in `data`, made when the face is first asked for. */
interface KeptFace {
  saved: SavedFace;
  index: Map<string, number>;
  offsets: number[];
}

/** Words saved by an earlier build, by face; made into runs when first asked for. */
const saved = new Map<string, SavedFace>();
/** The indexed form of `saved`, by face. */
const kept = new Map<string, KeptFace>();

function keptFace(face: string): KeptFace | undefined {
  let known = kept.get(face);
  if (!known) {
    const entry = saved.get(face);
    if (!entry) return undefined;
    const index = new Map<string, number>();
    const offsets: number[] = [];
    let offset = 0;
    entry.words.forEach((word, i) => {
      index.set(word, i);
      offsets.push(offset);
      offset += entryLength(entry.data, offset);
    });
    known = { saved: entry, index, offsets };
    kept.set(face, known);
  }
  return known;
}

/** Length in `data` of the word entry starting at `offset`. */
function entryLength(data: readonly number[], offset: number): number {
  const n = data[offset]!;
  const flag = data[offset + 1 + 2 * n]!;
  return 2 + 2 * n + (flag & 1 ? 3 * n : 0);
}

/** The name of the table of shaped words. */
export const SHAPED_WORDS = 'shaped-words';
registerMemo({
  name: SHAPED_WORDS,
  size: () => {
    let count = 0;
    for (const [face, words] of runs) {
      count += words.size;
      const old = saved.get(face);
      if (old) for (const word of old.words) if (!words.has(word)) count++;
    }
    for (const [face, old] of saved) if (!runs.has(face)) count += old.words.length;
    return count;
  },
  save: () => {
    const faces: Record<string, SavedFace> = {};
    for (const face of new Set([...saved.keys(), ...runs.keys()])) faces[face] = saveFace(face, runs.get(face) ?? new Map());
    return faces;
  },
  clear: () => {
    runs.clear();
    saved.clear();
    kept.clear();
  },
  load: (entries) => {
    for (const [face, entry] of Object.entries(entries as Record<string, SavedFace>)) {
      saved.set(face, entry);
      kept.delete(face);
    }
  },
});

/** A face's words as saved: those shaped or used in this process, then those only an earlier build saved. */
function saveFace(face: string, words: Map<string, ShapedRun>): SavedFace {
  const out: SavedFace = { advances: {}, words: [], data: [], codePoints: {} };
  const { advances, data } = out;
  for (const [word, run] of words) {
    const { glyphs, units } = run;
    const n = glyphs.length;
    data.push(n);
    for (const glyph of glyphs) data.push(glyph.id);
    let offsets = false;
    for (const p of units) {
      if (p.yAdvance || p.xOffset || p.yOffset) offsets = true;
      data.push(p.xAdvance);
    }
    let plain = n === word.length;
    for (let i = 0; plain && i < n; i++) {
      const c = glyphs[i]!.codePoints;
      plain = c.length === 1 && c[0] === word.charCodeAt(i);
    }
    data.push((offsets ? 1 : 0) | (plain ? 0 : 2));
    if (offsets) for (const p of units) data.push(p.yAdvance, p.xOffset, p.yOffset);
    if (!plain) out.codePoints[out.words.length] = glyphs.map((g) => g.codePoints);
    for (const glyph of glyphs) advances[glyph.id] = glyph.advanceWidth;
    out.words.push(word);
  }
  const old = keptFace(face);
  if (old) {
    const { saved: entry, index: at, offsets } = old;
    for (const [word, index] of at) {
      if (words.has(word)) continue;
      const offset = offsets[index]!;
      const length = entryLength(entry.data, offset);
      const n = entry.data[offset]!;
      for (let i = 0; i < n; i++) {
        const id = entry.data[offset + 1 + i]!;
        advances[id] = entry.advances[id]!;
      }
      if (entry.codePoints[index]) out.codePoints[out.words.length] = entry.codePoints[index]!;
      out.words.push(word);
      for (let i = 0; i < length; i++) data.push(entry.data[offset + i]!);
    }
  }
  return out;
}

/** The run of a saved word, as shaping it would give it. */
function loadRun(word: string, entry: SavedFace, offset: number, index: number, scale: number): ShapedRun {
  const { data, advances } = entry;
  const n = data[offset]!;
  const flag = data[offset + 1 + 2 * n]!;
  const codePoints = flag & 2 ? entry.codePoints[index] : undefined;
  const own = codePoints ? undefined : Array.from(word, (c) => [c.codePointAt(0)!]);
  const glyphs: FontGlyph[] = [];
  const units: GlyphPosition[] = [];
  for (let i = 0; i < n; i++) {
    const id = data[offset + 1 + i]!;
    glyphs.push({ id, advanceWidth: advances[id]!, codePoints: codePoints ? codePoints[i]! : own![i]! });
    const extra = flag & 1 ? offset + 2 + 2 * n + 3 * i : -1;
    units.push({ xAdvance: data[offset + 1 + n + i]!, yAdvance: extra < 0 ? 0 : data[extra]!, xOffset: extra < 0 ? 0 : data[extra + 1]!, yOffset: extra < 0 ? 0 : data[extra + 2]! });
  }
  return scaledRun(glyphs, units, scale);
}

/**
 * Registers a shared face with a document under `name`. pdfkit's `registerFont` takes a font
 * object (anything with fontkit's `layout`) as well as a file or its bytes; @types/pdfkit
 * declares only the latter.
 */
export function registerSharedFace(doc: PDFKit.PDFDocument, name: string, face: SharedFace): void {
  doc.registerFont(name, face.pdfFont as unknown as PDFKit.Mixins.PDFFontSource);
}

/** A shared face for each face of a theme, by the name the PDF registers it under. */
export function sharedFaces(faces: Iterable<{ name: string; font: unknown }>): Map<string, SharedFace> {
  return new Map([...faces].map((face) => [face.name, new SharedFace(face.font as FaceFont)]));
}
