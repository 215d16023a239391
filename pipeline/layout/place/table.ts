import type { TableBlock, TableCell as Cell } from '../../document/types.ts';
import type { Line } from '../../typeset/types.ts';
import { columnWidths } from '../columns.ts';
import type { PlacedItem, StructExtras } from '../model.ts';
import type { FlowContext } from './context.ts';
import { flushFigures } from './figure.ts';

/**
 * Places a table across the full width. A short one is kept whole; a long one breaks between
 * rows, never leaving fewer than `breaking.minTableRows` rows on either side of a break, and
 * repeats its caption (marked as continued) and header row on every page it spans.
 */
export function placeTable(context: FlowContext, table: TableBlock): void {
  flushFigures(context);
  const page = context.style;
  const style = page.table;
  const { cellPadding: padding, cellIndent, captionGap } = page.spacing;
  const { minTableRows } = page.breaking;
  const { columns, header, rows, heights, rowHeight, start } = measureTable(context, table);
  const sum = (from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0);
  if (!context.fits(start)) context.newPage(false);

  const tableStruct = context.struct('Table');
  context.anchor(table.anchor);
  const drawCaption = (continued: boolean) => {
    if (!table.caption) return;
    const text = continued ? `${table.caption} ${context.document.labels.continued}` : table.caption;
    const struct = continued ? undefined : context.struct('Caption', tableStruct);
    for (const line of context.textLines(text, page.caption, context.width)) {
      context.push({ kind: 'line', x: context.left, y: context.y, line, style: page.caption, struct });
      context.y += page.caption.leading;
    }
    context.y += captionGap;
  };
  const drawRow = (lines: Line[][], cells: readonly Cell[], role: 'TH' | 'TD', stripe: boolean, repeated: boolean) => {
    const height = rowHeight(lines);
    const fill = role === 'TH' ? page.colors.tableHeader : stripe ? page.colors.tableStripe : undefined;
    if (fill) context.push({ kind: 'rect', x: context.left, y: context.y, width: context.width, height, fill });
    // A repeated header is decoration: it belongs to no struct, so a reader hears it once.
    const tr = repeated ? undefined : context.struct('TR', tableStruct);
    let x = context.left;
    lines.forEach((cell, i) => {
      // Every header cell says what it heads (Matterhorn 15-003): the header row its
      // column, a row header (the matrix's items) its row.
      const rowHeader = role === 'TD' && i === 0 && table.rowHeaders === true;
      const cellRole = rowHeader ? 'TH' : role;
      const more: StructExtras = cellRole === 'TH' ? { scope: rowHeader ? 'Row' : 'Column' } : {};
      const struct = tr === undefined ? undefined : context.struct(cellRole, tr, undefined, more);
      const align = cells[i]?.align ?? 'left';
      const indent = (cells[i]?.indent ?? 0) * cellIndent;
      let y = context.y + padding;
      for (const line of cell) {
        const item: PlacedItem = align === 'right'
          ? { kind: 'line', x: x + padding, y, line, style, struct, alignRight: x + columns[i]! - padding }
          : align === 'center'
            ? { kind: 'line', x: x + padding, y, line, style, struct, centreTo: x + columns[i]! - padding }
            : { kind: 'line', x: x + padding + indent, y, line, style, struct };
        context.push(item);
        y += style.leading;
      }
      x += columns[i]!;
    });
    context.y += height;
    context.push({ kind: 'rect', x: context.left, y: context.y - 0.4, width: context.width, height: 0.4, fill: page.colors.rule });
  };

  drawCaption(false);
  drawRow(header, table.header, 'TH', false, false);
  let onPage = 0;
  rows.forEach((lines, index) => {
    // Break before this row if it does not fit, or if breaking later would carry fewer
    // than minTableRows rows over to the next page; never leave fewer than that behind.
    const left = rows.length - index;
    const restFits = context.fits(sum(index, rows.length));
    const breakHere = !context.fits(heights[index]!) || (!restFits && left === minTableRows && onPage >= minTableRows);
    if (breakHere) {
      onPage = 0;
      context.newPage(false);
      drawCaption(true);
      drawRow(header, table.header, 'TH', false, true);
    }
    drawRow(lines, table.rows[index]!, 'TD', index % 2 === 1, false);
    onPage += 1;
  });
  if (table.note) {
    context.y += page.spacing.noteGap;
    // One paragraph beside the Table (a Table holds only rows and its caption), however many lines it takes.
    const noteStruct = context.struct('P');
    for (const line of context.textLines(table.note, page.small, context.width)) {
      if (!context.fits(page.small.leading)) context.newPage(false);
      context.push({ kind: 'line', x: context.left, y: context.y, line, style: { ...page.small, color: page.colors.muted }, struct: noteStruct });
      context.y += page.small.leading;
    }
  }
  context.y += page.spacing.tableGap;
}

/** A table's cells set in their columns, and the heights that decide where it may break. */
interface MeasuredTable {
  /** Column widths, pt. */
  columns: number[];
  /** The header row's cells as lines. */
  header: Line[][];
  /** Every body row's cells as lines. */
  rows: Line[][][];
  /** Height of every body row, pt. */
  heights: number[];
  /** Height of a row of cells. */
  rowHeight(lines: Line[][]): number;
  /**
   * Height the table needs where it starts: all of it when it is short enough to be kept
   * whole, else its caption, header and the `breaking.minTableRows` rows a page must show.
   */
  start: number;
}

/** Sets a table's cells and measures what it needs where it starts. */
export function measureTable(context: FlowContext, table: TableBlock): MeasuredTable {
  const page = context.style;
  const style = page.table;
  const { cellPadding: padding, cellIndent, captionGap } = page.spacing;
  const { minTableRows, wholeTableRows, wholeTableShare } = page.breaking;
  const columns = columnWidths(table, context.width, style, page.fonts, context.measure, padding);
  const cellLines = (cells: readonly Cell[], bold: boolean) =>
    cells.map((cell, i) => context.lines([{ kind: 'text', text: cell.text, bold: bold || cell.bold }], style, columns[i]! - 2 * padding - (cell.indent ?? 0) * cellIndent));
  const rowHeight = (lines: Line[][]) => Math.max(...lines.map((l) => l.length)) * style.leading + 2 * padding;
  const header = cellLines(table.header, true);
  const headerHeight = rowHeight(header);
  const captionLines = table.caption ? context.textLines(table.caption, page.caption, context.width) : [];
  const captionHeight = captionLines.length * page.caption.leading + (table.caption ? captionGap : 0);
  const rows = table.rows.map((row) => cellLines(row, false));
  const heights = rows.map(rowHeight);
  const sum = (from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0);
  const whole = captionHeight + headerHeight + sum(0, rows.length);
  // A short table is not split at all; a long one starts where its caption, header and
  // the rows a page must show of it (minTableRows) fit.
  const keepWhole = rows.length <= wholeTableRows && whole < (page.height - page.margin.top - page.margin.bottom) * wholeTableShare;
  return { columns, header, rows, heights, rowHeight, start: keepWhole ? whole : captionHeight + headerHeight + sum(0, minTableRows) };
}
