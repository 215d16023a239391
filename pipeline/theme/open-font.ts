import { readFileSync } from 'node:fs';
import { create, type Font, type FontCollection } from 'fontkit';
import type { FontMemory } from './font-memory.ts';

/**
 * Parses the font file at `file` with fontkit from bytes read here, and keeps those bytes in
 * `memory` by the parsed font: HarfBuzz shapes the face from the very bytes the PDF embeds
 * (theme/shaping.ts), without reading them out of fontkit.
 */
export function openFont(file: string, memory: FontMemory): Font | FontCollection {
  const bytes = readFileSync(file);
  const font = create(bytes);
  memory.bytes.set(font, bytes);
  if ('glyphForCodePoint' in font) nameGlyphs(font);
  return font;
}

/**
 * fontkit keeps one glyph object per glyph id, and it names the character it was first made
 * for; in the words fontkit shapes (those with a combining mark, theme/shaping.ts) it hides a
 * glyph named after an invisible character. A font commonly draws an invisible character with
 * the glyph of a visible one: a soft hyphen with the hyphen's, a zero-width space or a
 * byte-order mark with the space's. Where a soft hyphen was shaped first, the hyphen glyph
 * carried its name, and every later such word lost its hyphen. The glyphs of the visible
 * Latin-1 characters (space, hyphen and the rest) are made here first, for those characters,
 * so what a word is shaped to does not depend on what was shaped before it.
 */
function nameGlyphs(font: Font): void {
  for (let codePoint = 0; codePoint <= 0xff; codePoint++) {
    if (visible.test(String.fromCharCode(codePoint)) && font.hasGlyphForCodePoint(codePoint)) font.glyphForCodePoint(codePoint);
  }
}

/** A character that is neither a control character nor one shaping hides (a soft hyphen). */
const visible = /^[^\p{Cc}\p{Default_Ignorable_Code_Point}]$/u;
