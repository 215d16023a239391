import { setParagraph } from '../typeset/paragraph.ts';
import type { FontSet } from '../theme/style.ts';
import { measureText, type WeightLike } from '../theme/measure.ts';
import type { Theme } from '../theme/types.ts';

/**
 * Breaks a label into lines no wider than `maxWidth` (pt), measured with the theme's font, by
 * the paragraph breaker of the documents' text (typeset/paragraph.ts): the Unicode break
 * opportunities (spaces, after hyphens and dashes), the fewest lines, and among those the
 * most even: "Difference in tolerance between / members and non-members", not a long line
 * and a stub. A word wider than the limit keeps its own line: a label is never cut.
 */
export function wrapLines(theme: Theme, text: string, size: number, maxWidth: number, weight: WeightLike = 'normal'): string[] {
  const face = String(weight);
  const fonts: FontSet = { regular: face, italic: face, bold: face, boldItalic: face, semibold: face };
  const measure = (line: string, font: string, points: number) => measureText(theme, line, points, font as WeightLike);
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const lines = setParagraph([{ kind: 'text', text: trimmed }], maxWidth, { font: face, size, leading: size, color: '' }, fonts, measure, { mode: 'ragged', keepWords: true, balance: true });
  return lines.map((line) => line.runs.map((run) => run.text).join('').trimEnd()).filter((line) => line !== '');
}

/** The width of the widest line (pt). */
export function widestLine(theme: Theme, lines: readonly string[], size: number, weight: WeightLike = 'normal'): number {
  return Math.max(0, ...lines.map((line) => measureText(theme, line, size, weight)));
}
