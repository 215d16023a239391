// fontkit ships no type declarations; this covers the part the theme uses.
declare module 'fontkit' {
  /** One shaped glyph. */
  export interface Glyph {
    /** Glyph id; 0 is the font's "missing glyph" box. */
    id: number;
  }
  /** The result of shaping a text. */
  export interface GlyphRun {
    /** Total advance in font units, kerning applied. */
    advanceWidth: number;
    /** The glyphs, in order. */
    glyphs: Glyph[];
  }
  /** A single font face. */
  export interface Font {
    familyName: string;
    subfamilyName: string;
    postscriptName: string;
    /** The name table; `preferredFamily` is the typographic family (name id 16). */
    name?: { records?: { preferredFamily?: Record<string, string> } };
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** The glyph the font maps a character to (fontkit keeps one glyph object per glyph id). */
    glyphForCodePoint(codePoint: number): Glyph;
    layout(text: string): GlyphRun;
  }
  /** A subset of a font's glyphs, to embed (`Font.createSubset`). */
  export interface Subset {
    /** Adds a glyph by its id in the font; returns its id in the subset. */
    includeGlyph(id: number): number;
    /** The subset as a font file. */
    encode(): Uint8Array;
  }
  /** The tables and metrics of a TrueType face that embedding it in a PDF reads. */
  export interface SubsetFont extends Font {
    createSubset(): Subset;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    italicAngle: number;
    capHeight: number;
    xHeight: number;
    'OS/2'?: { sFamilyClass?: number };
    post: { isFixedPitch: number | boolean };
    head: { macStyle: { italic: boolean } };
  }
  /** A font file holding several faces (TTC, DFONT). */
  export interface FontCollection {
    fonts: Font[];
  }
  export function openSync(path: string, postscriptName?: string): Font | FontCollection;
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
