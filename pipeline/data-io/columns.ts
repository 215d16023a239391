/**
 * The columns of the data-entry sheet, in order. Each is named by a key; its heading is the
 * UI string `workbook.<key>` of the edition's language. `given` columns repeat what the
 * framework says, for the person typing; the import reads only the others.
 */

/** What a column holds. */
export interface Column {
  /** Key: the heading's UI string is `workbook.<key>`. */
  key: ColumnKey;
  /** Width in characters. */
  width: number;
  /** Read-only facts from the framework; the import ignores them. */
  given?: boolean;
  /** The import needs this column. */
  required?: boolean;
}

export type ColumnKey = 'indicator' | 'name' | 'rule' | 'range' | 'value' | 'numerator' | 'denominator' | 'unit' | 'year' | 'source' | 'decimals' | 'note';

export const INDICATOR_COLUMNS: readonly Column[] = [
  { key: 'indicator', width: 10, required: true },
  { key: 'name', width: 44, given: true },
  { key: 'rule', width: 30, given: true },
  { key: 'range', width: 22, given: true },
  { key: 'value', width: 10, required: true },
  { key: 'numerator', width: 14, required: true },
  { key: 'denominator', width: 14, required: true },
  { key: 'unit', width: 12, required: true },
  { key: 'year', width: 8, required: true },
  { key: 'source', width: 30, required: true },
  { key: 'decimals', width: 10, required: true },
  { key: 'note', width: 60, required: true },
];

/** The sheet the import reads, and the sheet listing the sources a value may cite. */
export const SHEETS = { indicators: 'Indicators', sources: 'Sources', about: 'About' } as const;

/** The About sheet's rows: what the workbook was exported for, key in column A, value in column B. */
export const ABOUT_KEYS = { country: 'country', framework: 'framework' } as const;

/** The 1-based column of a key in the exported sheet. */
export function columnOf(key: ColumnKey): number {
  return INDICATOR_COLUMNS.findIndex((column) => column.key === key) + 1;
}
