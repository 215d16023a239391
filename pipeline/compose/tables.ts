import { formatCount, formatDecimal, formatPercent } from '../format/number.ts';
import type { LocalisedText, TableColumn, TableDef } from '../ingest/types.ts';
import { localised, type ComposeState } from './context.ts';
import type { TableBlock, TableCell } from '../document/types.ts';

type CellValue = LocalisedText | number | null | undefined;

/** A report table as a block: localised text, numbers through the one formatter. */
export function tableBlock(state: ComposeState, table: TableDef): TableBlock {
  const { messages, locale } = state.input;
  // A column of numbers shows them all with the same decimals, so they line up and compare.
  const decimalsOf = (column: TableColumn) =>
    [...table.rows, table.total ?? {}].some((row) => typeof row[column.key] === 'number' && !Number.isInteger(row[column.key])) ? 1 : 0;
  const decimals = new Map(table.columns.map((column) => [column.key, decimalsOf(column)]));
  const cell = (column: TableColumn, value: CellValue, bold = false): TableCell => {
    const align = column.type === 'text' ? 'left' : 'right';
    if (value === null || value === undefined) return { text: '', align };
    if (typeof value === 'number') {
      const places = decimals.get(column.key) ?? 0;
      const text = column.type === 'percent'
        ? formatPercent(value, locale, places)
        : places === 0 ? formatCount(value, locale) : formatDecimal(value, locale, places);
      return { text, align, bold };
    }
    return { text: localised(state, value), align, bold };
  };
  const rows = table.rows.map((row) => table.columns.map((column) => cell(column, row[column.key])));
  if (table.total) rows.push(table.columns.map((column) => cell(column, table.total![column.key], true)));
  let widths = table.columns.map((column) => (column.type === 'text' ? 3 : 1));
  let header: TableCell[] = table.columns.map((column) => ({ text: localised(state, column.label), align: column.type === 'text' ? 'left' : 'right' }));
  // A long, narrow list (numbered countries) is set in three column groups instead of
  // running down two pages with most of the width empty.
  if (table.columns.length <= 2 && rows.length > 15 && !table.total) {
    const groups = 3;
    const perGroup = Math.ceil(rows.length / groups);
    const folded: TableCell[][] = [];
    for (let r = 0; r < perGroup; r += 1) {
      folded.push(Array.from({ length: groups }, (_, g) => rows[g * perGroup + r] ?? table.columns.map(() => ({ text: '' }))).flat());
    }
    rows.splice(0, rows.length, ...folded);
    header = Array.from({ length: groups }, () => header).flat();
    widths = Array.from({ length: groups }, () => widths).flat();
  }
  const notes = (table.notes ?? []).map((note) => localised(state, note));
  const source = sourceText(state, table.source);
  if (source) notes.push(messages.t('document.tableSource', { source }));
  return {
    kind: 'table', id: table.id, anchor: `table-${table.id}`,
    caption: messages.t('document.tableCaption', { id: table.id, caption: localised(state, table.caption) }),
    header, widths, rows, note: notes.length > 0 ? notes.join(' ') : undefined,
  };
}

/** A source given as a citation key or as text, in the edition's language. */
export function sourceText(state: ComposeState, source: string | LocalisedText | undefined): string | undefined {
  if (source === undefined) return undefined;
  if (typeof source !== 'string') return localised(state, source);
  const cited = state.input.dataset.sources.get(source);
  return cited ? localised(state, cited.title) : source;
}
