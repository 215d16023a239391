/**
 * Shares pdfkit's word shaping between the documents of a process.
 *
 * pdfkit shapes every word through fontkit's OpenType engine (GSUB/GPOS lookups) and caches
 * the result per document only, so a build of six documents shapes the same words six times —
 * most of the layout stage's time. The shaped run of a word depends only on the font file and
 * the word, so it is kept here, keyed by both, and handed to every later document. What pdfkit
 * writes from it (glyph ids, advances, positions, code points) is the same whichever document
 * shaped it first, so the bytes of a PDF do not depend on what was built before it.
 *
 * pdfkit does not export its font class; its prototype is reached through a font instance and
 * patched once. The patch keeps pdfkit's own contract: `layoutCached(text)` returns the run.
 */
interface ShapedRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

interface EmbeddedFontLike {
  font: { postscriptName?: string; numGlyphs?: number; unitsPerEm?: number };
  layoutRun(text: string): ShapedRun;
  layoutCached(text: string): ShapedRun;
}

const runs = new Map<string, ShapedRun>();
let patched = false;

/** Installs the shared cache on the class of `font` (a pdfkit embedded font); idempotent. */
export function shareShaping(font: unknown): void {
  if (patched || !font || typeof font !== 'object' || !('layoutRun' in font)) return;
  const prototype = Object.getPrototypeOf(font) as EmbeddedFontLike;
  prototype.layoutCached = function layoutCached(this: EmbeddedFontLike, text: string): ShapedRun {
    const { postscriptName, numGlyphs, unitsPerEm } = this.font;
    const key = `${postscriptName}|${numGlyphs}|${unitsPerEm}|${text}`;
    let run = runs.get(key);
    if (!run) {
      run = this.layoutRun(text);
      runs.set(key, run);
    }
    return run;
  };
  patched = true;
}
