/**
 * Shapes words with HarfBuzz (`harfbuzzjs`, the HarfBuzz project's own WebAssembly build)
 * instead of fontkit's OpenType engine, with the same result.
 *
 * pdfkit and the chart measurements shape text through fontkit, which runs every GSUB and GPOS
 * lookup of the script over each word in JavaScript: 50–100 µs a word. HarfBuzz gives the same
 * glyphs, advances and offsets in a fraction of that. test/theme/shaping.test.ts compares the
 * two for every word of the data and templates in every face of the theme, with and without the
 * space pdfkit shapes a word with, and for random strings of the three languages' letters,
 * digits, punctuation and the characters shaping treats specially.
 *
 * Where the two engines could disagree, the word is left to fontkit: text with a combining
 * mark, a default-ignorable character (a soft hyphen, a zero-width space, a variation selector)
 * or the fraction slash; a run where HarfBuzz finds no glyph for a character; and a run in
 * which one character became several glyphs, whose code points fontkit assigns its own way.
 */
import * as hb from 'harfbuzzjs';

/** A glyph as fontkit returns it; pdfkit reads these three fields. */
export interface FontGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A glyph position in font units, as fontkit's GlyphPosition. */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** The part of a fontkit font this module reads. */
export interface ShapingFont {
  postscriptName?: string;
  numGlyphs?: number;
  unitsPerEm?: number;
  head?: { checkSumAdjustment?: number };
  layout(text: string, features?: string[], script?: string): { glyphs: FontGlyph[]; positions: GlyphPosition[]; script?: string };
  getGlyph(id: number, codePoints?: number[]): FontGlyph;
}

/** A shaped run in font units. */
export interface Shaped {
  glyphs: FontGlyph[];
  positions: GlyphPosition[];
}

/** Text HarfBuzz and fontkit may treat differently: combining marks, default-ignorable characters, the fraction slash. */
const leftToFontkit = /[\p{M}\p{Default_Ignorable_Code_Point}\u2044]/u;

/** One face shaped by HarfBuzz, its glyphs' advance widths taken from fontkit's own glyphs. */
export class HarfBuzzShaper {
  readonly font: ShapingFont;
  private readonly face: hb.Font;
  private readonly buffer = new hb.Buffer();
  private readonly advances = new Map<number, number>();

  constructor(font: ShapingFont, bytes: Uint8Array) {
    this.font = font;
    this.face = new hb.Font(new hb.Face(new hb.Blob(bytes), 0));
  }

  /** The run fontkit's `layout(text)` gives, or undefined where the text is left to fontkit. */
  shape(text: string): Shaped | undefined {
    if (text === '' || leftToFontkit.test(text)) return undefined;
    const { buffer } = this;
    buffer.clearContents();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    hb.shape(this.face, buffer);
    const infos = buffer.getGlyphInfos();
    const places = buffer.getGlyphPositions();
    const glyphs: FontGlyph[] = [];
    const positions: GlyphPosition[] = [];
    for (let i = 0; i < infos.length; i++) {
      const { codepoint: id, cluster } = infos[i]!;
      const next = i + 1 < infos.length ? infos[i + 1]!.cluster : text.length;
      // No glyph for a character, or a character made into several glyphs: fontkit's to do.
      if (id === 0 || next <= cluster) return undefined;
      const first = text.codePointAt(cluster)!;
      const codePoints = next - cluster === (first > 0xffff ? 2 : 1) ? [first] : Array.from(text.slice(cluster, next), (c) => c.codePointAt(0)!);
      glyphs.push({ id, advanceWidth: this.advanceOf(id), codePoints });
      const { xAdvance, yAdvance, xOffset, yOffset } = places[i]!;
      positions.push({ xAdvance, yAdvance, xOffset, yOffset });
    }
    return { glyphs, positions };
  }

  private advanceOf(id: number): number {
    let advance = this.advances.get(id);
    if (advance === undefined) {
      advance = this.font.getGlyph(id).advanceWidth;
      this.advances.set(id, advance);
    }
    return advance;
  }
}

/**
 * What tells one font file from another: its PostScript name, its glyph count and units per
 * em, and the checksum of the whole file that its head table carries. With `memory` (the
 * build's font memory), worked out once per font object: it reads four of fontkit's tables.
 */
export function fontIdentity(font: ShapingFont, memory?: { readonly identities: WeakMap<object, string> }): string {
  let identity = memory?.identities.get(font);
  if (identity === undefined) {
    identity = `${font.postscriptName}|${font.numGlyphs}|${font.unitsPerEm}|${font.head?.checkSumAdjustment}`;
    memory?.identities.set(font, identity);
  }
  return identity;
}

/** What shaping reads of a build's font memory (theme/font-memory.ts). */
export interface Shapers {
  /** HarfBuzz shapers by face identity. */
  readonly shapers: Map<string, HarfBuzzShaper>;
  /** Each parsed font's identity, once worked out. */
  readonly identities: WeakMap<object, string>;
  /** The bytes each parsed font was read from. */
  readonly bytes: WeakMap<object, Uint8Array>;
}

/**
 * The one HarfBuzz shaper of a font face in `memory`: each reading of the theme opens its own
 * instance of each font file; one shaper per face, made from the first instance whose bytes
 * the reading kept, serves them all. Undefined for a font read without keeping its bytes
 * (then fontkit shapes it).
 */
export function shaperFor(font: ShapingFont, memory: Shapers): HarfBuzzShaper | undefined {
  const identity = fontIdentity(font, memory);
  let shaper = memory.shapers.get(identity);
  if (shaper === undefined) {
    const bytes = memory.bytes.get(font);
    if (!bytes) return undefined;
    shaper = new HarfBuzzShaper(font, bytes);
    memory.shapers.set(identity, shaper);
  }
  return shaper;
}

/** The run of `text` in `font`: by HarfBuzz, or by fontkit where the text is left to it. */
export function shapeText(font: ShapingFont, text: string, shapers: Shapers): Shaped {
  return shaperFor(font, shapers)?.shape(text) ?? font.layout(text);
}

/** Advance width of `text` in font units, as fontkit's layout gives it. */
export function advanceWidth(font: ShapingFont, text: string, shapers: Shapers): number {
  let width = 0;
  for (const position of shapeText(font, text, shapers).positions) width += position.xAdvance;
  return width;
}
