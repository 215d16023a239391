import type { Page } from '../model.ts';
import type { FlowMark, PageCursor } from './pages.ts';
import { flushFigures } from './figure.ts';

/** Lines the last page of a chapter lacks, and the page before it that must give them. */
export interface LastPageShortfall {
  /** Body lines to move onto the last page; 0, none. */
  lines: number;
  /** Index of the page before the last. */
  before: number;
}

/**
 * What the last page of the chapter set since `mark` lacks: nothing when the chapter fits on
 * one page, when its last page is at least `breaking.nearlyEmptyPage` full, or when it holds
 * `breaking.minLastPageLines` lines. Figures still waiting for room are placed first, as the
 * next chapter's heading would place them.
 */
export function lastPageShortfall(cursor: PageCursor, mark: FlowMark): LastPageShortfall {
  flushFigures(cursor);
  const page = cursor.style;
  const before = cursor.pageCount - 2;
  if (cursor.pageCount === mark.pages) return { lines: 0, before };
  const top = page.margin.top;
  const fill = (cursor.y - top) / (page.height - page.margin.bottom - top);
  if (fill >= page.breaking.nearlyEmptyPage) return { lines: 0, before };
  return { lines: Math.max(0, page.breaking.minLastPageLines - linesOn(cursor.page)), before };
}

/** Lines as a reader counts them: a bullet and its item's first line are one. */
export function linesOn(page: Page): number {
  return new Set(page.items.flatMap((item) => (item.kind === 'line' ? [Math.round(item.y)] : []))).size;
}

/** Ends page `before` earlier by `lines` body lines, so that they move on to the page after it. */
export function shortenPage(cursor: PageCursor, shortfall: LastPageShortfall): void {
  cursor.shorten(shortfall.before, shortfall.lines * cursor.style.body.leading);
}
