import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../pipeline/publish/open-data.ts';

/** A spreadsheet runs a cell as a formula when its text starts with one of these. */
const formulaStart = /^[=+\-@\t\r]/;

function parseCsvCell(cell: string): string {
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

describe('CSV cells', () => {
  it('can never start a formula, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (text) => !formulaStart.test(parseCsvCell(csvCell(text)))));
    expect(parseCsvCell(csvCell('=HYPERLINK("http://x")'))).toBe(`'=HYPERLINK("http://x")`);
    expect(parseCsvCell(csvCell('-2+3'))).toBe(`'-2+3`);
  });

  it('keeps ordinary text and numbers as they are', () => {
    expect(csvCell('Social membership 1')).toBe('Social membership 1');
    expect(csvCell('mean of 1.1.1, 1.1.2')).toBe('"mean of 1.1.1, 1.1.2"');
    expect(csvCell(-4.5)).toBe('-4.5');
    fc.assert(fc.property(fc.string(), (text) => {
      const back = parseCsvCell(csvCell(text));
      return back === text || back === `'${text}`;
    }));
  });
});
