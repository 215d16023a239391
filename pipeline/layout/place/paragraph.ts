import type { Block } from '../../document/types.ts';
import type { Line } from '../../typeset/types.ts';
import type { TextStyle } from '../../theme/style.ts';
import type { Page } from '../model.ts';
import type { FlowContext } from './context.ts';

/** Colour of a paragraph marked for the editor's attention (a value the data lacks). */
const markerColour = '#b3261e';

/** Sets a paragraph of running text in the text column, justified unless it asks to be ragged. */
export function placeParagraph(context: FlowContext, block: Extract<Block, { kind: 'paragraph' }>): void {
  const page = context.style;
  const style = block.style === 'small' ? page.small : block.style === 'marker' ? { ...page.body, color: markerColour } : page.body;
  const struct = context.struct('P');
  const lines = context.lines(block.inlines, style, context.textWidth, block.ragged ? 'ragged' : 'justify');
  placeLines(context, lines, style, context.textLeft, struct);
  context.y += page.paragraphGap;
}

/**
 * Places lines, breaking pages where needed: never one line alone at the foot (orphan) or
 * head (widow) of a page when the paragraph has more, and a footnote on its citing page.
 * Returns where the first line went.
 */
export function placeLines(context: FlowContext, lines: readonly Line[], style: TextStyle, x: number, struct: number, options: { alignRight?: number; firstX?: number } = {}): { page: Page; y: number } | undefined {
  // The notes first: a figure that floats onto the next page while the lines are placed must
  // not come between the text and its notes.
  context.declareNotes(lines, struct);
  let first: { page: Page; y: number } | undefined;
  let index = 0;
  while (index < lines.length) {
    const count = linesThatFit(context, lines.slice(index), style);
    const take = linesToTake(count, lines.length - index, index === 0);
    if (take === 0) {
      if (!context.atTop()) {
        context.newPage(false);
        continue;
      }
    }
    // A page that cannot hold even one line takes one anyway.
    const placed = take === 0 ? Math.max(1, count) : take;
    for (let i = 0; i < placed; i += 1) {
      const line = lines[index + i]!;
      const lineX = index + i === 0 && options.firstX !== undefined ? options.firstX : x;
      first ??= { page: context.page, y: context.y };
      context.push({ kind: 'line', x: lineX, y: context.y, line, style, struct, alignRight: options.alignRight });
      context.page.footnotes.push(...line.footnotes);
      context.y += style.leading;
    }
    index += placed;
    if (index < lines.length) context.newPage(false);
  }
  return first;
}

/**
 * How many of the `remaining` lines of a paragraph to set on this page, when `fit` of them
 * fit: all that fit, less one so the next page does not open with the paragraph's last line
 * alone (widow), or none so this page does not end with its first line alone (orphan).
 */
export function linesToTake(fit: number, remaining: number, opening: boolean): number {
  let take = fit;
  if (take < remaining) {
    if (remaining - take === 1 && take > 1) take -= 1; // widow: bring a second line along
    if (take === 1 && opening) take = 0; // orphan: move the opening line on
  }
  return take;
}

/** How many of `lines` fit on the current page, with the notes they cite at its foot. */
function linesThatFit(context: FlowContext, lines: readonly Line[], style: TextStyle): number {
  let y = context.y;
  const notes: number[] = [];
  let count = 0;
  for (const line of lines) {
    notes.push(...line.footnotes);
    if (y + style.leading > context.bottom(notes) + 0.01) break;
    y += style.leading;
    count += 1;
  }
  return count;
}
