import { csvCell, unquoteCsvText } from '../publish/open-data.ts';
import type { ReadCell, ReadSheet } from './table.ts';

/**
 * The workbook's indicator sheet as CSV, written as the published scores.csv is (RFC 4180,
 * UTF-8 with a byte order mark, CRLF, no cell that starts a formula) and read back from what
 * a spreadsheet program saves: comma- or semicolon-separated, with or without the byte order
 * mark, any line end.
 */

/** The rows as CSV text. */
export function renderCsv(rows: readonly (readonly (string | number | undefined)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(dataCell).join(',')).join('\r\n')}\r\n`;
}

/** A cell as scores.csv writes it, and quoted when it holds a semicolon, so the reader never takes the file for semicolon-separated. */
function dataCell(value: string | number | undefined): string {
  const cell = csvCell(value ?? '');
  return !cell.startsWith('"') && cell.includes(';') ? `"${cell}"` : cell;
}

/** The cells of a CSV file, every one a text (the import decides what each column holds), or the first problem found. */
export function readCsv(file: string, text: string): { sheet: ReadSheet } | { problem: string; row: number } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = separatorOf(body);
  const rows: ReadCell[][] = [];
  let row: ReadCell[] = [];
  let i = 0;
  const push = (value: string) => {
    const unquoted = unquoteCsvText(value);
    row.push(unquoted === '' ? { kind: 'empty' } : { kind: 'text', value: unquoted });
  };
  while (i < body.length) {
    let value = '';
    if (body[i] === '"') {
      const start = rows.length + 1;
      i += 1;
      for (;;) {
        if (i >= body.length) return { problem: 'a quoted cell is not closed: a double quote (") is missing', row: start };
        if (body[i] === '"') {
          if (body[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += body[i];
        i += 1;
      }
      if (i < body.length && body[i] !== delimiter && body[i] !== '\r' && body[i] !== '\n') {
        return { problem: `text follows a quoted cell's closing quote: write a quote inside a quoted cell as two ("")`, row: rows.length + 1 };
      }
    } else {
      while (i < body.length && body[i] !== delimiter && body[i] !== '\r' && body[i] !== '\n') {
        value += body[i];
        i += 1;
      }
    }
    push(value);
    if (body[i] === delimiter) {
      i += 1;
      if (i >= body.length) push('');
      continue;
    }
    // A line end: CRLF, LF or a lone CR.
    if (body[i] === '\r') i += 1;
    if (body[i] === '\n') i += 1;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return { sheet: { file, rows, decimalComma: delimiter === ';' } };
}

/**
 * The separator of the file: a comma, or a semicolon where spreadsheets save CSV with a
 * semicolon because the comma is the decimal mark (Russian and Kazakh settings do). The header
 * line decides: it holds no numbers, and its labels no semicolons.
 */
function separatorOf(body: string): ',' | ';' {
  const end = body.search(/[\r\n]/);
  const header = end < 0 ? body : body.slice(0, end);
  const count = (char: string) => header.split('"').filter((_, index) => index % 2 === 0).join('').split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}
