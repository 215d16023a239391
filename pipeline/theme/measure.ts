import type { Font } from 'fontkit';
import type { FontMemory } from './font-memory.ts';
import { advanceWidth, fontIdentity, type ShapingFont } from './shaping.ts';
import { faceFor, type StyleLike, type WeightLike } from './faces.ts';
import type { Theme } from './types.ts';

export { faceFor, fontFaces, type StyleLike, type WeightLike } from './faces.ts';

/** Advance width of a text in font units, kerning applied; kept per face in the build's font memory (and between builds). */
function advance(font: Font, text: string, memory: FontMemory): number {
  const face = fontIdentity(font as unknown as ShapingFont, memory);
  let cache = memory.advances.get(face);
  if (!cache) {
    cache = new Map();
    memory.advances.set(face, cache);
  }
  let width = cache.get(text);
  if (width === undefined) {
    width = advanceWidth(font as unknown as ShapingFont, text, memory);
    cache.set(text, width);
  }
  return width;
}

/** Width (pt) of a one-line text set in the theme's font at `size` pt. */
export function measureText(theme: Theme, text: string, size: number, weight: WeightLike = 'normal', style: StyleLike = 'normal'): number {
  if (text === '' || size <= 0) return 0;
  const { font } = faceFor(theme, weight, style);
  return (advance(font, text, theme.memory) * size) / font.unitsPerEm;
}

/**
 * The characters of `text` the face cannot draw, each once, in order of appearance. pdfkit
 * prints them as empty boxes without a warning; line breaks and tabs are layout, not glyphs.
 */
export function missingGlyphs(theme: Theme, text: string, weight: WeightLike = 'normal', style: StyleLike = 'normal'): string[] {
  const has = coverage(theme, weight, style);
  const missing = new Set<string>();
  for (const char of text) {
    if (char === '\n' || char === '\r' || char === '\t') continue;
    if (!has(char.codePointAt(0)!)) missing.add(char);
  }
  return [...missing];
}

/** Whether the face can draw every one of `codePoints`, line breaks and tabs aside: whether `missingGlyphs` finds nothing in a text made of them. */
export function drawsAll(theme: Theme, codePoints: Iterable<number>, weight: WeightLike = 'normal', style: StyleLike = 'normal'): boolean {
  const has = coverage(theme, weight, style);
  for (const codePoint of codePoints) if (codePoint !== 10 && codePoint !== 13 && codePoint !== 9 && !has(codePoint)) return false;
  return true;
}

/** Whether the face has a glyph for a code point, remembered by font in the theme's memory. */
function coverage(theme: Theme, weight: WeightLike, style: StyleLike): (codePoint: number) => boolean {
  const { font } = faceFor(theme, weight, style);
  let known = theme.memory.coverage.get(font);
  if (!known) {
    known = new Map();
    theme.memory.coverage.set(font, known);
  }
  const table = known;
  return (codePoint) => {
    let has = table.get(codePoint);
    if (has === undefined) {
      has = font.hasGlyphForCodePoint(codePoint);
      table.set(codePoint, has);
    }
    return has;
  };
}

