import { formatCount, formatDecimal, formatPercent } from '../format/number.ts';
import type { LocalisedText, TableColumn, TableDef } from '../ingest/types.ts';
import { localised, type ComposeState } from './context.ts';
import type { TableBlock, TableCell } from './types.ts';

type CellValue = LocalisedText | number | null | undefined;

/** A report table as a block: localised text, numbers through the one formatter. */
export function tableBlock(state: ComposeState, table: TableDef): TableBlock {
  const { messages, locale } = state.input;
  const cell = (column: TableColumn, value: CellValue, bold = false): TableCell => {
    const align = column.type === 'text' ? 'left' : 'right';
    if (value === null || value === undefined) return { text: '', align };
    if (typeof value === 'number') {
      const text = column.type === 'percent'
        ? formatPercent(value, locale, Number.isInteger(value) ? 0 : 1)
        : Number.isInteger(value) ? formatCount(value, locale) : formatDecimal(value, locale, 1);
      return { text, align, bold };
    }
    return { text: localised(state, value), align, bold };
  };
  const rows = table.rows.map((row) => table.columns.map((column) => cell(column, row[column.key])));
  if (table.total) rows.push(table.columns.map((column) => cell(column, table.total![column.key], true)));
  const widths = table.columns.map((column) => (column.type === 'text' ? 3 : 1));
  const notes = (table.notes ?? []).map((note) => localised(state, note));
  const source = sourceText(state, table.source);
  if (source) notes.push(messages.t('document.tableSource', { source }));
  return {
    kind: 'table', id: table.id, anchor: `table-${table.id}`,
    caption: messages.t('document.tableCaption', { id: table.id, caption: localised(state, table.caption) }),
    header: table.columns.map((column) => ({ text: localised(state, column.label), align: column.type === 'text' ? 'left' : 'right' })),
    widths, rows, note: notes.length > 0 ? notes.join(' ') : undefined,
  };
}

/** A source given as a citation key or as text, in the edition's language. */
export function sourceText(state: ComposeState, source: string | LocalisedText | undefined): string | undefined {
  if (source === undefined) return undefined;
  if (typeof source !== 'string') return localised(state, source);
  const cited = state.input.dataset.sources.get(source);
  return cited ? localised(state, cited.title) : source;
}
