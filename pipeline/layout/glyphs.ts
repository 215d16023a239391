import type { InputIssue, SourcePlace } from '../errors/errors.ts';
import type { Block, ComposedDocument, Inline } from '../document/types.ts';
import { innerBlocks } from '../document/blocks.ts';
import { drawsAll, missingGlyphs, type Theme } from '../theme/index.ts';

/** A text that will be drawn, with where it comes from. */
interface DrawnText {
  text: string;
  place: SourcePlace;
}

/**
 * Checks every string the document will draw against the embedded fonts. pdfkit draws a
 * character the font lacks as an empty box, silently, and it drops out of the extracted
 * text; this makes it a build error naming the character, the text and its file.
 */
export function checkGlyphs(document: ComposedDocument, chartTexts: readonly DrawnText[], theme: Theme, generatedFrom: string): InputIssue[] {
  const texts: DrawnText[] = [...chartTexts];
  const generated: SourcePlace = { file: generatedFrom };
  const inlineText = (inlines: readonly Inline[]) => inlines.map((i) => (i.kind === 'text' ? i.text : String(i.number))).join('');
  const add = (text: string, block: Block | undefined) => texts.push({ text, place: block?.source ?? generated });
  add(document.meta.runningHead, undefined);
  for (const label of Object.values(document.labels)) add(label, undefined);
  const visit = (block: Block): void => {
    switch (block.kind) {
      case 'heading': add(block.text, block); break;
      case 'paragraph': add(inlineText(block.inlines), block); break;
      case 'list': for (const item of block.items) add(inlineText(item), block); break;
      case 'table':
        add(block.caption, block);
        for (const cell of [...block.header, ...block.rows.flat()]) add(cell.text, block);
        if (block.note) add(block.note, block);
        break;
      case 'figure': add(block.caption, block); add(block.description ?? '', block); add(block.note ?? '', block); break;
      case 'cover': for (const text of [block.title, block.subtitle, block.country, block.edition, ...block.credits]) add(text, block); break;
      case 'aside-row':
        for (const item of block.side) add(item.kind === 'pullout' ? `${item.value} ${item.label}` : inlineText(item.inlines), block);
        break;
      case 'box': add(block.title, block); break;
      default: break;
    }
    innerBlocks(block).forEach(visit);
  };
  document.blocks.forEach(visit);
  for (const body of document.footnotes.values()) add(inlineText(body), undefined);

  // Each character once against each face: a document's texts are a million characters, of a
  // few hundred kinds. Only when a face lacks one are the texts gone through for where it is.
  const codePoints = new Set<number>();
  for (const { text } of texts) {
    for (let index = 0; index < text.length; index++) {
      const codePoint = text.codePointAt(index)!;
      codePoints.add(codePoint);
      if (codePoint > 0xffff) index += 1;
    }
  }
  if (FACES.every((face) => drawsAll(theme, codePoints, weightOf(face), styleOf(face)))) return [];

  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  for (const { text, place } of texts) {
    for (const face of FACES) {
      for (const char of missingGlyphs(theme, text, weightOf(face), styleOf(face))) {
        const key = `${char}|${place.file}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        issues.push({
          place,
          message: `the character "${char}" (${code}) in "${excerpt(text, char)}" is not in the font ${theme.font.family} (${face})`,
          hint: 'It would print as an empty box. Replace it with a character the font has, or choose a font that covers it in templates/theme.yaml.',
          severity: 'error',
        });
      }
    }
  }
  return issues;
}

/** The faces a document's text is set in. */
const FACES = ['regular', 'bold', 'italic', 'semibold'] as const;

function weightOf(face: (typeof FACES)[number]): 400 | 600 | 700 {
  return face === 'bold' ? 700 : face === 'semibold' ? 600 : 400;
}

function styleOf(face: (typeof FACES)[number]): 'italic' | 'normal' {
  return face === 'italic' ? 'italic' : 'normal';
}

/** The words around a character, for the message. */
function excerpt(text: string, char: string): string {
  const at = text.indexOf(char);
  const start = Math.max(0, at - 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, at + 30)}${at + 30 < text.length ? '…' : ''}`;
}

/** The texts of a chart's SVG, for the same check. */
export function svgTexts(svg: string, place: SourcePlace): DrawnText[] {
  const out: DrawnText[] = [];
  for (const match of svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) {
    const text = match[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
    if (text.trim()) out.push({ text, place });
  }
  return out;
}
