/**
 * A sheet as the import reads it, whatever file it came from: rows of typed cells, each with
 * its reference, so every problem can be named by sheet and cell.
 */

/** One cell of a read sheet. */
export type ReadCell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  /** A cell the spreadsheet program marked as an error (#DIV/0!, #REF!, …). */
  | { kind: 'error'; value: string }
  /** A formula whose result the file does not hold (never calculated). */
  | { kind: 'formula'; value: string };

/** A sheet of a workbook (or the one table of a CSV file). */
export interface ReadSheet {
  /** The file, as the user named it. */
  file: string;
  /** The sheet's name; absent for a CSV file, which has no sheets. */
  sheet?: string;
  /** Rows from row 1; `rows[r][c]` is the cell of row r + 1, column c + 1 (missing cells are empty). */
  rows: readonly (readonly ReadCell[])[];
  /** Numbers written as text may use a decimal comma (a CSV file saved with semicolons, where the comma is the decimal mark). */
  decimalComma?: boolean;
}

export const EMPTY: ReadCell = { kind: 'empty' };

/** The cell at a 1-based column and row, empty when the file holds none there. */
export function cellAt(sheet: ReadSheet, column: number, row: number): ReadCell {
  return sheet.rows[row - 1]?.[column - 1] ?? EMPTY;
}
