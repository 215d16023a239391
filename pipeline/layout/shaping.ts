/** A pdfkit embedded font, as far as measuring reads it: its per-document cache of shaped words. */
export interface ShapedFace {
  layoutCached(text: string): { advanceWidth: number };
}

/**
 * Width (pt) of `text` in `font` at `size`, exactly as pdfkit's `doc.widthOfString(text)`
 * computes it with that font and size selected: the text is shaped a word at a time, each
 * word with the space or tab after it, the runs' advances are added in order, scaled to the
 * size, and put through the same (neutral) character spacing and horizontal scaling. Same
 * operations in the same order give the same floating-point number. The words' shapes come
 * from the font's shared runs (theme/shared-font.ts), through pdfkit's own cache.
 */
export function widthOfText(font: ShapedFace, text: string, size: number): number {
  let advance = 0;
  let last = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9) {
      advance += font.layoutCached(text.slice(last, index + 1)).advanceWidth;
      last = index + 1;
    }
  }
  if (last < text.length) advance += font.layoutCached(text.slice(last)).advanceWidth;
  return ((advance * (size / 1000) + 0 * (text.length - 1)) * 100) / 100;
}
