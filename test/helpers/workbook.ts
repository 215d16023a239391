import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { cellRef, parseCellRef } from '../../pipeline/data-io/cells.ts';
import { columnOf, type ColumnKey } from '../../pipeline/data-io/columns.ts';
import type { ReadSheet } from '../../pipeline/data-io/table.ts';
import { readXlsx } from '../../pipeline/data-io/xlsx-read.ts';
import { writeXlsx, type WriteCell } from '../../pipeline/data-io/xlsx-write.ts';

/** The sheets of an .xlsx file, failing the test when it cannot be read. */
export function sheetsOf(bytes: Uint8Array): ReadSheet[] {
  const read = readXlsx('test.xlsx', bytes);
  if ('problem' in read) throw new Error(read.problem);
  return read.sheets;
}

/** The reference of an indicator's cell in a column of the Indicators sheet, e.g. ("1.4.1", "value") → "E9". */
export function cellOf(bytes: Uint8Array, id: string, column: ColumnKey): string {
  const sheet = sheetsOf(bytes).find((s) => s.sheet === 'Indicators')!;
  const row = sheet.rows.findIndex((cells) => cells[0]?.kind === 'text' && cells[0].value === id);
  if (row < 0) throw new Error(`no row for ${id}`);
  return cellRef(columnOf(column), row + 1);
}

/**
 * Types into cells of the Indicators sheet as a user would, and saves the workbook the way
 * spreadsheet programs do: texts in a shared-string table, not inline.
 */
export function typeInto(bytes: Uint8Array, edits: Readonly<Record<string, string | number | undefined>>): Uint8Array {
  const sheets = sheetsOf(bytes).map((sheet) => {
    const rows: WriteCell[][] = sheet.rows.map((cells) => cells.map((cell) => ({ value: cell.kind === 'empty' ? undefined : cell.value })));
    if (sheet.sheet === 'Indicators') {
      for (const [ref, value] of Object.entries(edits)) {
        const { column, row } = parseCellRef(ref)!;
        const cells = (rows[row - 1] ??= []);
        for (let c = cells.length; c < column; c += 1) cells[c] = { value: undefined };
        cells[column - 1] = { value };
      }
    }
    return { name: sheet.sheet!, widths: [], rows };
  });
  return withSharedStrings(writeXlsx(sheets));
}

/** Rewrites inline strings as a shared-string table, as Excel and LibreOffice save a workbook. */
export function withSharedStrings(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const strings: string[] = [];
  for (const name of Object.keys(parts).filter((n) => n.startsWith('xl/worksheets/'))) {
    const xml = strFromU8(parts[name]!).replace(/<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is><t(?: xml:space="preserve")?>([\s\S]*?)<\/t><\/is><\/c>/g, (_, ref: string, style: string, text: string) => {
        strings.push(text);
        return `<c r="${ref}"${style} t="s"><v>${strings.length - 1}</v></c>`;
      });
    parts[name] = strToU8(xml);
  }
  parts['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`);
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']!);
  parts['xl/_rels/workbook.xml.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'));
  return zipSync(parts);
}
