import type { Block, HeadingBlock } from '../../document/types.ts';
import type { HeadingSpacing, PageStyle, TextStyle } from '../../theme/style.ts';
import { gridBlockHeight } from '../grid.ts';
import type { FlowContext } from './context.ts';
import { figureHeight, flushFigures } from './figure.ts';
import { measureTable } from './table.ts';

/** A heading level's text style and the space around it. */
export function headingStyle(page: PageStyle, level: number): { style: TextStyle } & HeadingSpacing {
  const spacing = page.spacing.heading;
  switch (level) {
    case 1:
      return { style: page.h1, ...spacing.h1 };
    case 2:
      return { style: page.h2, ...spacing.h2 };
    case 3:
      return { style: page.h3, ...spacing.h3 };
    default:
      return { style: page.h4, ...spacing.h4 };
  }
}

/**
 * Places a heading: on a new page when it opens one, else on this page only when the least
 * of what follows it (`following[next]`, keep-with-next) fits under it too.
 */
export function placeHeading(context: FlowContext, block: HeadingBlock, following: readonly Block[], next: number): void {
  flushFigures(context);
  const page = context.style;
  const { style, before, after } = headingStyle(page, block.level);
  // A part's title spans the page; a section's stands over its text column.
  const x = block.level === 1 ? context.left : context.textLeft;
  const lines = context.textLines(block.text, style, block.level === 1 ? context.width : context.textWidth);
  const height = lines.length * style.leading + after;
  const keep = keptWithHeading(context, following, next);
  if (block.newPage && (context.page.items.length > 0 || context.page.plain)) context.newPage(false);
  else if (!context.atTop()) {
    if (!context.fits(before + height + keep)) context.newPage(false);
    else context.y += before;
  }
  const struct = context.struct(`H${block.level}`);
  context.anchor(block.anchor);
  if (block.inContents) context.addOutline({ title: block.text, level: block.level, anchor: block.anchor });
  for (const line of lines) {
    context.push({ kind: 'line', x, y: context.y, line, style, struct });
    context.y += style.leading;
  }
  if (block.level === 1) {
    const bar = page.spacing.titleBar;
    context.push({ kind: 'rect', x: context.left, y: context.y + bar.offset, width: bar.width, height: bar.height, fill: page.colors.accent });
    context.y += bar.after;
  }
  context.y += after;
}

/**
 * The least of `blocks[at]` that must follow a heading on the same page; for a heading,
 * that heading and the least of what follows it in turn, so a run of headings keeps together
 * with the text they introduce.
 */
export function keptWithHeading(context: FlowContext, blocks: readonly Block[], at: number): number {
  const next = blocks[at];
  if (!next) return 0;
  const page = context.style;
  switch (next.kind) {
    case 'paragraph':
      return 2 * page.body.leading;
    case 'list':
      // Two lines of it, which for a list of one-line items are two items and the gap between.
      return 2 * page.body.leading + page.spacing.itemGap;
    case 'heading': {
      const { style, before, after } = headingStyle(page, next.level);
      return before + style.leading + after + keptWithHeading(context, blocks, at + 1);
    }
    case 'table':
      // What the table needs where it starts: its caption, header and first rows, or all of it.
      return measureTable(context, next).start;
    case 'figure':
      return figureHeight(context, next);
    case 'aside-row':
    case 'box':
      return gridBlockHeight(context, next);
    default:
      return 0;
  }
}
