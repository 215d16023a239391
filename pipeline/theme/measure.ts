import type { Font } from 'fontkit';
import type { FontMemory } from './font-memory.ts';
import { advanceWidth, fontIdentity, type ShapingFont } from './shaping.ts';
import { faceFor, type StyleLike, type WeightLike } from './faces.ts';
import type { Theme } from './types.ts';

export { faceFor, fontFaces, type StyleLike, type WeightLike } from './faces.ts';

/** Advance width of a text in font units, kerning applied; kept per face in the build's font memory (and between builds). */
function advance(font: Font, text: string, memory: FontMemory): number {
  const face = fontIdentity(font as unknown as ShapingFont);
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
  const { font } = faceFor(theme, weight, style);
  let known = theme.memory.coverage.get(font);
  if (!known) {
    known = new Map();
    theme.memory.coverage.set(font, known);
  }
  const missing = new Set<string>();
  for (const char of text) {
    if (char === '\n' || char === '\r' || char === '\t') continue;
    const codePoint = char.codePointAt(0)!;
    let has = known.get(codePoint);
    if (has === undefined) {
      has = font.hasGlyphForCodePoint(codePoint);
      known.set(codePoint, has);
    }
    if (!has) missing.add(char);
  }
  return [...missing];
}

