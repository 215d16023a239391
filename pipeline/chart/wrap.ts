import { measureText, type WeightLike } from '../theme/measure.ts';
import type { Theme } from '../theme/types.ts';

type Measure = (text: string) => number;

/** A piece that stays on one line, and what joins it to the piece before on the same line. */
interface Piece {
  /** The piece. */
  text: string;
  /** A space between words, nothing after a hyphen. */
  glue: ' ' | '';
}

/**
 * Breaks a label into lines no wider than `maxWidth` (pt), measured with the theme's font, and
 * evens them out: "Difference in tolerance between / members and non-members", not a long
 * line and a stub. Lines break at spaces; a word wider than the limit breaks after one of its
 * hyphens, or else keeps its own line: a label is never cut.
 */
export function wrapLines(theme: Theme, text: string, size: number, maxWidth: number, weight: WeightLike = 'normal'): string[] {
  const measure: Measure = (line) => measureText(theme, line, size, weight);
  const pieces = text.trim().split(/\s+/).flatMap((word, w): Piece[] => {
    const glue = w === 0 ? '' : ' ';
    if (measure(word) <= maxWidth) return [{ text: word, glue }];
    return word.split(/(?<=[^-]-)(?=[^-])/).map((part, p) => ({ text: part, glue: p === 0 ? glue : '' }));
  });
  const greedy = fill(pieces, maxWidth, measure);
  if (greedy.length < 2) return greedy;
  // The narrowest width that still needs no more lines gives the most even lines.
  let low = 0;
  let high = maxWidth;
  while (high - low > 0.5) {
    const mid = (low + high) / 2;
    if (fill(pieces, mid, measure).length <= greedy.length) high = mid;
    else low = mid;
  }
  return fill(pieces, high, measure);
}

/** Greedy filling: as many pieces on a line as fit. */
function fill(pieces: readonly Piece[], maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const candidate = `${line}${piece.glue}${piece.text}`;
    if (line !== '' && measure(candidate) > maxWidth) {
      lines.push(line);
      line = piece.text;
    } else {
      line = line === '' ? piece.text : candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The width of the widest line (pt). */
export function widestLine(theme: Theme, lines: readonly string[], size: number, weight: WeightLike = 'normal'): number {
  return Math.max(0, ...lines.map((line) => measureText(theme, line, size, weight)));
}
