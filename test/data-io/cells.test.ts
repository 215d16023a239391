import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellRef, parseCellRef } from '../../pipeline/data-io/cells.ts';
import { readCsv, renderCsv } from '../../pipeline/data-io/csv.ts';
import type { ReadCell } from '../../pipeline/data-io/table.ts';
import { readXlsx } from '../../pipeline/data-io/xlsx-read.ts';
import { writeXlsx } from '../../pipeline/data-io/xlsx-write.ts';

/** Texts with what breaks naive CSV and XML: separators, quotes, line ends, formula starts, apostrophes. */
const tricky = fc.string({ unit: fc.oneof(fc.constantFrom(',', ';', '"', '\r', '\n', '\r\n', "'", '=', '+', '-', '@', '\t', ' ', 'ё', 'Қ', '_x0041_', '&', '<', '\uFEFF'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });
const cellsOf = (texts: readonly string[]): ReadCell[] => texts.map((text) => (text === '' ? { kind: 'empty' } : { kind: 'text', value: text }));

describe('CSV cells of the data-entry sheet', () => {
  it('come back as they were written, whatever the text', () => {
    fc.assert(fc.property(fc.array(fc.array(tricky, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
      const read = readCsv('t.csv', renderCsv(rows));
      if ('problem' in read) return false;
      expect(read.sheet.rows.map((cells) => cells.map((cell) => cell))).toEqual(rows.map(cellsOf));
      return true;
    }));
  });

  it('never start a formula when a spreadsheet program opens the file', () => {
    fc.assert(fc.property(fc.array(tricky, { minLength: 1, maxLength: 6 }), (row) => {
      // The cells as a spreadsheet program sees them: RFC 4180 unquoted, before any interpretation.
      const line = renderCsv([row]).slice(1).replace(/\r\n$/, '');
      const cells = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!).slice(0, row.length);
      return cells.every((cell) => !/^[=+\-@\t\r\n]/.test(cell));
    }));
  });
});

describe('XLSX cells', () => {
  it('keep every text a workbook can hold, and every finite number', () => {
    const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/;
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('_x0041_', '_x005F_', '&amp;', ' ', '\n', '\r', '<t>', '"'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) }).filter((s) => !forbidden.test(s));
    const value = fc.oneof(text, fc.double({ noNaN: true, min: -1e300, max: 1e300 }).map((n) => Number(n.toPrecision(15))));
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), (values) => {
      const read = readXlsx('t.xlsx', writeXlsx([{ name: 'S', widths: [], rows: [values.map((v) => ({ value: v }))] }]));
      if ('problem' in read) return false;
      const expected = values.map((v): ReadCell => (typeof v === 'number' ? { kind: 'number', value: Object.is(v, -0) ? 0 : v } : v === '' ? { kind: 'empty' } : { kind: 'text', value: v }));
      expect(values.map((_, i) => read.sheets[0]!.rows[0]?.[i] ?? { kind: 'empty' })).toEqual(expected);
      return true;
    }));
  });

  it('are read as spreadsheet programs save them: a formula by its saved result, shared and rich text, error cells', () => {
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const sheet = `<worksheet xmlns="${main}"><sheetData><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><f>1+1</f><v>2</v></c><c r="C2"><f>A1</f><v></v></c><c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2" t="str"><f>A2</f><v>x_x005F_x0041_</v></c><c r="F2"><v>15.199999999999999</v></c></row></sheetData></worksheet>`;
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(`<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Indicators" sheetId="1" r:id="rId7"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="${rel}/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>`),
      'xl/sharedStrings.xml': strToU8(`<sst xmlns="${main}"><si><r><t>1.</t></r><r><t xml:space="preserve">4.2</t></r><rPh><t>ignored</t></rPh></si></sst>`),
      'xl/worksheets/data.xml': strToU8(sheet),
    });
    const read = readXlsx('t.xlsx', bytes);
    if ('problem' in read) throw new Error(read.problem);
    expect(read.sheets[0]!.rows[1]).toEqual([
      { kind: 'text', value: '1.4.2' }, { kind: 'number', value: 2 }, { kind: 'formula', value: '=A1' },
      { kind: 'error', value: '#DIV/0!' }, { kind: 'text', value: 'x_x0041_' }, { kind: 'number', value: 15.2 },
    ]);
  });

  it('are named as spreadsheets name them', () => {
    expect([cellRef(1, 1), cellRef(4, 14), cellRef(26, 2), cellRef(27, 3), cellRef(703, 9)]).toEqual(['A1', 'D14', 'Z2', 'AA3', 'AAA9']);
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), fc.integer({ min: 1, max: 1_048_576 }), (column, row) => {
      expect(parseCellRef(cellRef(column, row))).toEqual({ column, row });
    }));
  });
});
