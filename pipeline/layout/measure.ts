import type { Block, ComposedDocument } from '../document/types.ts';
import type { Measure } from '../typeset/types.ts';
import type { PageStyle } from '../theme/style.ts';

/**
 * The width of the text column: the measure the page style asks for, in characters of the
 * edition's own running text. Russian and Kazakh words are longer and their letters wider
 * than English ones, so one width in points would give each language another measure; the
 * average width of a character of the document's paragraphs, spaces included, turns the
 * measure in characters into points. Kept between the style's bounds and the page.
 */
export function textColumnWidth(document: ComposedDocument, style: PageStyle, measure: Measure, pageWidth: number): number {
  const { characters, min, max } = style.measure;
  let chars = 0;
  let width = 0;
  // Word by word, as the paragraphs will be set: each word is shaped once for both, where a
  // whole paragraph measured as one string would be shaped (and remembered) for this alone.
  for (const text of runningTexts(document.blocks)) {
    // Characters are code points; the words are those between single spaces (white space is
    // collapsed). Counted and measured in place: a report's running text is 100 000 words.
    let lowSurrogates = 0; // second halves of surrogate pairs: one code point with the first
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code >= 0xdc00 && code <= 0xdfff && index > 0 && (text.charCodeAt(index - 1) & 0xfc00) === 0xd800) lowSurrogates += 1;
    }
    chars += text.length - lowSurrogates;
    // Each word with the space after it, as lines are written (`SharedFace.encodeText`) and
    // paragraphs measured: the same shaped words serve all three.
    let start = 0;
    for (let index = text.indexOf(' '); index >= 0; index = text.indexOf(' ', start)) {
      width += measure(text.slice(start, index + 1), style.body.font, style.body.size);
      start = index + 1;
    }
    width += measure(text.slice(start), style.body.font, style.body.size);
  }
  if (chars === 0) return Math.min(max, pageWidth);
  const points = Math.round((characters * width) / chars);
  return Math.min(pageWidth, max, Math.max(min, points));
}

/** The plain text of each paragraph and list item, as set in the body font. */
function* runningTexts(blocks: readonly Block[]): Generator<string> {
  for (const block of blocks) {
    const parts = block.kind === 'paragraph' && (block.style ?? 'body') === 'body' ? [block.inlines] : block.kind === 'list' ? block.items : [];
    for (const inlines of parts) {
      const text = inlines.map((inline) => (inline.kind === 'text' ? inline.text : '')).join('').replace(/\s+/g, ' ').trim();
      if (text) yield text;
    }
  }
}
