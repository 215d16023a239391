import type { TableBlock, TableCell } from '../document/types.ts';
import type { Measure } from '../typeset/types.ts';
import type { FontSet, TextStyle } from '../theme/style.ts';

/**
 * Column widths of a table from its content, as a browser sizes an automatic table: each
 * column needs at least its longest word and would like its longest cell on one line. When
 * every column can have what it would like, the room left is shared in proportion to it;
 * otherwise each gets its least and the rest is shared in proportion to how much more it
 * would like. A "No." column stays as narrow as its numbers.
 */
export function columnWidths(table: TableBlock, width: number, style: TextStyle, fonts: FontSet, measure: Measure, padding: number): number[] {
  const count = table.header.length;
  const least = new Array<number>(count).fill(0);
  const most = new Array<number>(count).fill(0);
  const visit = (cells: readonly TableCell[], bold: boolean) => {
    cells.forEach((cell, i) => {
      if (i >= count) return;
      const font = bold || cell.bold ? fonts.bold : style.font;
      const extra = 2 * padding + (cell.indent ?? 0) * 10;
      const words = cell.text.split(/\s+/).filter(Boolean);
      const longest = Math.max(0, ...words.map((word) => measure(word, font, style.size)));
      least[i] = Math.max(least[i]!, longest + extra);
      most[i] = Math.max(most[i]!, measure(words.join(' '), font, style.size) + extra);
    });
  };
  visit(table.header, true);
  for (const row of table.rows) visit(row, false);
  const sumMost = most.reduce((a, b) => a + b, 0);
  const sumLeast = least.reduce((a, b) => a + b, 0);
  if (sumMost <= width) return most.map((w) => w + ((width - sumMost) * w) / sumMost);
  if (sumLeast >= width) return least.map((w) => (w * width) / sumLeast);
  const wanting = most.map((w, i) => w - least[i]!);
  const sumWanting = wanting.reduce((a, b) => a + b, 0);
  return least.map((w, i) => w + ((width - sumLeast) * wanting[i]!) / sumWanting);
}
