/**
 * Shares word shaping between the documents of a build, and shapes words with HarfBuzz.
 *
 * The shaped run of a word depends only on the font file and the word, so it is kept in the
 * build's font memory (theme/font-memory.ts), keyed by both, and handed to every document and
 * chart that sets the word: a build of six documents shapes each word once. Words are shaped
 * by HarfBuzz (theme/shaping.ts), which gives fontkit's glyphs, advances and positions in a
 * fraction of the time. The PDF's text writer (layout/text.ts) writes a word by its glyph ids,
 * so a word's encoding (`encodeText`) is the same in every document and is kept here too.
 */
import type { FontMemory } from './font-memory.ts';
import type { KeptFace, RunParts, ShapedRun } from './shaped-words.ts';
import { fontIdentity, shapeText, type FontGlyph, type Shapers, type ShapingFont } from './shaping.ts';

export type { ShapedRun } from './shaped-words.ts';

/** The part of a fontkit font a shared face needs besides shaping. */
export type FaceFont = ShapingFont & { unitsPerEm: number; ascent: number };

/**
 * A word as the PDF's text writer writes it: each glyph's code (its glyph id, four hex
 * digits), position (in thousandths of the size) and whether it is a space, and the glyphs,
 * for the font's widths and ToUnicode map.
 */
export interface EncodedWord {
  codes: string[];
  positions: ShapedRun['positions'];
  spaces: boolean[];
  glyphs: FontGlyph[];
}

/**
 * One font face's shaping, shared by every document and chart of a build that uses it: the
 * words shaped so far (with those an earlier build saved) and their encodings.
 */
export class SharedFace {
  /** The scale from font units to thousandths of the size (PDF text space). */
  readonly scale: number;
  /** The ascender in thousandths of the size. */
  readonly ascender: number;
  /** The face's key in the table of shaped words: its identity and scale. */
  private readonly face: string;
  private readonly words: Map<string, ShapedRun>;
  private readonly kept: KeptFace | undefined;
  /** The glyph and position objects this face's runs share. */
  private readonly parts: RunParts;
  private readonly shapers: Shapers;
  /** Each word as the PDF's text writer writes it, by word (with its trailing space or tab). */
  private readonly encodings = new Map<string, EncodedWord>();
  /** The advance width of each word an earlier build saved that was measured but not yet written, by word. */
  private readonly keptAdvances = new Map<string, number>();

  /** `memory`: the build's font memory, whose table of shaped words this face reads and adds to. */
  constructor(
    readonly font: FaceFont,
    private readonly memory: FontMemory,
  ) {
    this.scale = 1000 / font.unitsPerEm;
    this.ascender = font.ascent * this.scale;
    this.face = `${fontIdentity(font, memory)}|${this.scale}`;
    this.words = memory.words.wordsOf(this.face);
    this.kept = memory.words.keptFace(this.face);
    this.parts = memory.words.partsOf(this.face, this.scale);
    this.shapers = memory;
  }

  /** The shaped run of `text` (a word with the space after it). Shared: not to be changed. */
  run(text: string): ShapedRun {
    let run = this.words.get(text);
    if (!run) {
      run = this.memory.words.keptRun(this.kept, text, this.parts) ?? this.shape(text);
      this.words.set(text, run);
    }
    return run;
  }

  /**
   * The run of `text` shaped by HarfBuzz, or by fontkit where the text is left to it
   * (theme/shaping.ts), each glyph naming its own character, positions scaled to thousandths
   * of the size; added to the table of shaped words.
   */
  private shape(text: string): ShapedRun {
    const shaped = shapeText(this.font, text, this.shapers);
    return this.memory.words.shaped(this.face, text, withOwnCodePoints(shaped.glyphs, text), shaped.positions, this.parts);
  }

  /**
   * The words of `text` as the PDF's text writer writes them, split after each space or tab
   * and each shaped with the space after it, as `widthOf` measures them (`eachWord`). Shared:
   * not to be changed.
   */
  encodeText(text: string): EncodedWord[] {
    const words: EncodedWord[] = [];
    eachWord(text, (word) => words.push(this.encoded(word)));
    return words;
  }

  private encoded(word: string): EncodedWord {
    let encoded = this.encodings.get(word);
    if (!encoded) {
      const { glyphs, positions } = this.run(word);
      encoded = {
        codes: glyphs.map((glyph) => glyph.id.toString(16).padStart(4, '0')),
        positions,
        spaces: glyphs.map((glyph) => glyph.codePoints.length === 1 && glyph.codePoints[0] === 32),
        glyphs,
      };
      this.encodings.set(word, encoded);
    }
    return encoded;
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
    eachWord(text, (word) => {
      advance += this.advanceOf(word);
    });
    return ((advance * (size / 1000) + 0 * (text.length - 1)) * 100) / 100;
  }

  /**
   * The advance width of `word`'s run. A word an earlier build saved is measured from what was
   * saved, and its run is made only when it is written: most words a rebuild measures (the
   * column's measure, a paragraph whose lines were kept) it never writes.
   */
  private advanceOf(word: string): number {
    const run = this.words.get(word);
    if (run) return run.advanceWidth;
    const known = this.keptAdvances.get(word);
    if (known !== undefined) return known;
    const kept = this.memory.words.keptAdvance(this.kept, word, this.scale);
    if (kept === undefined) return this.run(word).advanceWidth;
    this.keptAdvances.set(word, kept);
    return kept;
  }
}

/**
 * Calls `visit` with each word of `text` in order, with the space or tab after it: the pieces
 * pdfkit shapes, which measuring (`widthOf`) and writing (`encodeText`) both take.
 */
function eachWord(text: string, visit: (word: string) => void): void {
  let last = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9) {
      visit(text.slice(last, index + 1));
      last = index + 1;
    }
  }
  if (last < text.length) visit(text.slice(last));
}

/**
 * The glyphs of a run, each naming the character it was made from. fontkit keeps one glyph
 * object per glyph id and it names the character it was first made for, so where two
 * characters share a glyph (a space and a no-break space) what the PDF's text layer says
 * would depend on what was shaped before; a glyph per character of the word makes it
 * depend on the word alone. A run that is not one glyph per character (a ligature) is kept.
 */
function withOwnCodePoints(glyphs: FontGlyph[], text: string): FontGlyph[] {
  const codePoints = Array.from(text, (c) => c.codePointAt(0)!);
  if (codePoints.length !== glyphs.length) return glyphs;
  return glyphs.map((glyph, i) => (glyph.codePoints.length === 1 && glyph.codePoints[0] === codePoints[i] ? glyph : { id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [codePoints[i]] }));
}

/** A shared face for each face of a theme, by the face's name in the page style, its words in `memory`. */
export function sharedFaces(faces: Iterable<{ name: string; font: unknown }>, memory: FontMemory): Map<string, SharedFace> {
  return new Map([...faces].map((face) => [face.name, new SharedFace(face.font as FaceFont, memory)]));
}
