import { readFileSync } from 'node:fs';
import { create, type Font, type FontCollection } from 'fontkit';
import type { FontMemory } from './font-memory.ts';

/**
 * Parses the font file at `file` with fontkit from bytes read here, and keeps those bytes in
 * `memory` by the parsed font: HarfBuzz shapes the face from the very bytes pdfkit embeds
 * (theme/shaping.ts), without reading them out of fontkit.
 */
export function openFont(file: string, memory: FontMemory): Font | FontCollection {
  const bytes = readFileSync(file);
  const font = create(bytes);
  memory.bytes.set(font, bytes);
  return font;
}
