import { InputError, formatIssue, type InputIssue } from '../errors/errors.ts';
import type { Message } from '../errors/messages.ts';
import { cellRef } from './cells.ts';
import type { ReadSheet } from './table.ts';

/** A problem of a workbook, at its sheet and cell (a row, or the whole sheet, when no one cell is meant). */
export interface SheetProblem {
  /** The sheet, or the CSV file. */
  sheet: Pick<ReadSheet, 'file' | 'sheet'>;
  /** 1-based row, absent for the whole sheet. */
  row?: number;
  /** 1-based column, absent for a whole row. */
  column?: number;
  /** What is wrong and what to do. */
  message: Message;
}

/** Where a problem is, as the user looks for it: `file.xlsx: sheet "Indicators", cell D14`. */
export function describePlace({ sheet, row, column }: Omit<SheetProblem, 'message'>): string {
  const parts = [sheet.sheet !== undefined ? `sheet "${sheet.sheet}"` : undefined, row === undefined ? undefined : column === undefined ? `row ${row}` : `cell ${cellRef(column, row)}`].filter(Boolean);
  return parts.length > 0 ? `${sheet.file}: ${parts.join(', ')}` : sheet.file;
}

/** The problem as an input issue (its place is the file with sheet and cell). */
export function problemIssue(problem: SheetProblem): InputIssue {
  return { place: { file: describePlace(problem) }, ...problem.message, severity: 'error' };
}

/**
 * Every problem of a workbook, in the order of its sheets' rows and columns (the base class
 * orders by file name, which would put cell D14 before D9).
 */
export class WorkbookError extends InputError {
  constructor(problems: readonly SheetProblem[], others: readonly InputIssue[] = []) {
    const sorted = [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    const issues = [...sorted.map(problemIssue), ...others];
    super(issues);
    const count = issues.length;
    this.message = `${issues.map(formatIssue).join('\n')}\n${count} error${count === 1 ? '' : 's'} in the workbook; nothing was written.`;
  }
}
