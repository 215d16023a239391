import type { Font } from 'fontkit';
import { registerNumberTable } from '../cache/memo.ts';
import { advanceWidth, fontIdentity, type ShapingFont } from './shaping.ts';
import { faceFor, type StyleLike, type WeightLike } from './faces.ts';
import type { Theme } from './types.ts';

export { faceFor, fontFaces, type StyleLike, type WeightLike } from './faces.ts';

/** Advances by face identity, then text; kept between builds too (memo.ts). */
const advances = new Map<string, Map<string, number>>();
registerNumberTable('chart-text-advances', advances);

/** Advance width of a text in font units, kerning applied; memoised per face. */
function advance(font: Font, text: string): number {
  const face = fontIdentity(font as unknown as ShapingFont);
  let cache = advances.get(face);
  if (!cache) {
    cache = new Map();
    advances.set(face, cache);
  }
  let width = cache.get(text);
  if (width === undefined) {
    width = advanceWidth(font as unknown as ShapingFont, text);
    cache.set(text, width);
  }
  return width;
}

/** Width (pt) of a one-line text set in the theme's font at `size` pt. */
export function measureText(theme: Theme, text: string, size: number, weight: WeightLike = 'normal', style: StyleLike = 'normal'): number {
  if (text === '' || size <= 0) return 0;
  const { font } = faceFor(theme, weight, style);
  return (advance(font, text) * size) / font.unitsPerEm;
}

/**
 * The characters of `text` the face cannot draw, each once, in order of appearance. pdfkit
 * prints them as empty boxes without a warning; line breaks and tabs are layout, not glyphs.
 */
export function missingGlyphs(theme: Theme, text: string, weight: WeightLike = 'normal', style: StyleLike = 'normal'): string[] {
  const { font } = faceFor(theme, weight, style);
  let known = coverage.get(font);
  if (!known) {
    known = new Map();
    coverage.set(font, known);
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

const coverage = new WeakMap<Font, Map<number, boolean>>();
