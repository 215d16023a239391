import type { Block } from '../document/types.ts';
import type { PageModel } from './model.ts';
import { placeGridBlock } from './grid.ts';
import type { FlowInput } from './place/context.ts';
import { placeCover } from './place/cover.ts';
import { flushFigures, placeFigure } from './place/figure.ts';
import { placeHeading } from './place/heading.ts';
import { placeIndex } from './place/index-page.ts';
import { lastPageShortfall, shortenPage } from './place/last-page.ts';
import { placeList } from './place/list.ts';
import { PageCursor } from './place/pages.ts';
import { placeParagraph } from './place/paragraph.ts';
import { placeTable } from './place/table.ts';

export type { FlowInput, LineMemo } from './place/context.ts';
export { indexEntries } from './place/index-page.ts';

/** How many times a chapter is set again to give its last page enough lines. */
const lastPageAttempts = 4;

/**
 * Flows the blocks of a document into pages. Decides every position before anything is
 * drawn, so the contents can give page numbers and the drawing is a plain walk.
 *
 * Rules a typesetter would follow: a heading never ends a page (it is kept with the first
 * lines of what follows); a paragraph leaves no single line alone at the foot or head of a
 * page; a footnote is set on the page that cites it; a figure that does not fit floats to the
 * top of the next page while text fills the rest of this one; a table's header row repeats on
 * every page it spans, with at least `breaking.minTableRows` rows on each side of a break; a
 * chapter's nearly empty last page gets at least `breaking.minLastPageLines` lines. Each block
 * kind has its placer in place/; this function is the loop over chapters and blocks.
 */
export function flowDocument(input: FlowInput): PageModel {
  const cursor = new PageCursor(input);
  const blocks = input.document.blocks;
  // Chapter by chapter (what runs up to the next block that opens a page): a chapter whose
  // last page would hold only a few lines is set again with the page before ending earlier,
  // so that its last page carries enough to look meant.
  for (let start = 0; start < blocks.length; ) {
    let end = start + 1;
    while (end < blocks.length && !opensPage(blocks[end]!)) end += 1;
    const mark = cursor.mark();
    for (let attempt = 0; ; attempt += 1) {
      for (let index = start; index < end; index += 1) placeBlock(cursor, blocks, index);
      const shortfall = lastPageShortfall(cursor, mark);
      if (shortfall.lines === 0 || attempt === lastPageAttempts) break;
      cursor.rewind(mark);
      shortenPage(cursor, shortfall);
    }
    start = end;
  }
  flushFigures(cursor);
  return cursor.finish();
}

/** Places `blocks[index]`; what follows it decides what a heading must keep with it. */
function placeBlock(cursor: PageCursor, blocks: readonly Block[], index: number): void {
  const block = blocks[index]!;
  switch (block.kind) {
    case 'cover':
      return placeCover(cursor, block);
    case 'page-break':
      flushFigures(cursor);
      if (cursor.page.items.length > 0) cursor.newPage(false);
      return;
    case 'heading':
      return placeHeading(cursor, block, blocks, index + 1);
    case 'paragraph':
      return placeParagraph(cursor, block);
    case 'list':
      return placeList(cursor, block);
    case 'table':
      return placeTable(cursor, block);
    case 'figure':
      return placeFigure(cursor, block);
    case 'index':
      return placeIndex(cursor, block.of);
    case 'aside-row':
    case 'box':
      flushFigures(cursor);
      return placeGridBlock(cursor, block);
  }
}

/** Blocks that begin on a page of their own: a chapter begins there. */
function opensPage(block: Block): boolean {
  return (block.kind === 'heading' && Boolean(block.newPage)) || block.kind === 'page-break' || block.kind === 'cover' || (block.kind === 'index' && block.of === 'contents');
}
