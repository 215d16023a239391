import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureConsole } from '../helpers/console.ts';
import { read, tempProject } from '../helpers/project.ts';
import { cellOf, sheetsOf, typeInto } from '../helpers/workbook.ts';
import { readCsv } from '../../pipeline/data-io/csv.ts';

const printed = captureConsole();
const indicators = 'data/countries/kazakhstan/indicators.yaml';

/** Exports the Kazakhstan workbook of a fresh copy of the project. */
async function exported(args: string[] = []): Promise<{ root: string; bytes: Uint8Array }> {
  const root = tempProject('repo');
  expect(await main(['data', 'export', '--out', 'kz.xlsx', ...args], root)).toBe(0);
  return { root, bytes: new Uint8Array(readFileSync(join(root, 'kz.xlsx'))) };
}

async function importBack(root: string, bytes: Uint8Array, name = 'filled.xlsx'): Promise<number> {
  writeFileSync(join(root, name), bytes);
  return main(['data', 'import', name], root);
}

const valuesOf = (root: string) => (parse(read(root, indicators)) as { values: Record<string, Record<string, unknown>> }).values;

describe('csi-report data export', () => {
  it('writes one row per indicator with its localised name, rule, allowed range, value, unit, year and source, and a Sources sheet', async () => {
    const { bytes } = await exported(['--locale', 'ru']);
    const [sheet, sources, about] = sheetsOf(bytes);
    expect(sheet!.sheet).toBe('Indicators');
    expect(sources!.sheet).toBe('Sources');
    expect(about!.rows.map((cells) => cells.map((cell) => (cell.kind === 'text' ? cell.value : '')))).toEqual([['country', 'kazakhstan'], ['framework', 'csi-2008-2010']]);
    expect(sheet!.rows).toHaveLength(66);
    const header = sheet!.rows[0]!.map((cell) => (cell.kind === 'text' ? cell.value : ''));
    expect(header.slice(0, 5)).toEqual(['Индикатор', 'Название', 'Как вычисляется оценка', 'Допустимые значения', 'Значение']);
    const row = (id: string) => sheet!.rows.find((cells) => cells[0]?.kind === 'text' && cells[0].value === id)!.map((cell) => (cell.kind === 'empty' ? undefined : cell.value));
    expect(row('5.1.2').slice(2, 10)).toEqual(['raw × 10 (raw on 0–10)', '0–10', 2.2, undefined, undefined, 'index', 2008, 'ti-cpi-2008']);
    expect(row('4.5.1').slice(4, 7)).toEqual([undefined, 2, 3]);
    expect(row('5.1.4').slice(3, 8)).toEqual(['external-debt ≥ 0; gni > 0', undefined, 96360, 78281, 'usd-million']);
    expect(row('4.2.2')[10]).toBe(2);
    expect(row('1.1.1')[1]).toMatch(/\p{Script=Cyrillic}/u);
    expect(sources!.rows.some((cells) => cells[0]?.kind === 'text' && cells[0].value === 'ti-cpi-2008')).toBe(true);
  });

  it('writes the same columns as CSV: UTF-8 with a byte order mark, CRLF, RFC 4180 quoting', async () => {
    const root = tempProject('repo');
    expect(await main(['data', 'export', '--out', 'kz.csv'], root)).toBe(0);
    const csv = read(root, 'kz.csv');
    expect(csv.startsWith('\uFEFFIndicator,Name,How it is scored,Allowed values,Value,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(67);
    expect(csv).toContain('\r\n5.1.2,Corruption,raw × 10 (raw on 0–10),0–10,2.2,,,index,2008,ti-cpi-2008,,"CPI 2008 on a 0–10 scale');
  });
});

describe('csi-report data import', () => {
  it('gives back the same indicators.yaml, comments and all, for an unchanged workbook (saved as a spreadsheet program saves it)', async () => {
    const { root, bytes } = await exported();
    const before = read(root, indicators);
    expect(await importBack(root, typeInto(bytes, {}))).toBe(0);
    expect(printed.out.join('\n')).toContain('no value changed');
    expect(read(root, indicators)).toBe(before);
  });

  it('changes exactly the value changed in the workbook, keeping every comment and the file\'s order', async () => {
    const { root, bytes } = await exported();
    const before = read(root, indicators);
    expect(await importBack(root, typeInto(bytes, { [cellOf(bytes, '1.4.1', 'value')]: 15.8 }))).toBe(0);
    const after = read(root, indicators);
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual(['    value: 15.8']);
    expect(after.split('\n')).toHaveLength(before.split('\n').length);
    const old = parse(before).values as Record<string, unknown>;
    expect(valuesOf(root)).toEqual({ ...old, '1.4.1': { ...(old['1.4.1'] as object), value: 15.8 } });
    expect(printed.out.join('\n')).toContain('1 entry changed (1.4.1)');
  });

  it('writes a share and the parts of a ratio rule where the file holds them, and a new note in quotes', async () => {
    const { root, bytes } = await exported();
    const edits = { [cellOf(bytes, '4.5.1', 'numerator')]: 3, [cellOf(bytes, '4.5.1', 'denominator')]: 4, [cellOf(bytes, '5.1.4', 'denominator')]: 80000, [cellOf(bytes, '1.1.2', 'note')]: '=SUM(A1) is only text' };
    expect(await importBack(root, typeInto(bytes, edits))).toBe(0);
    const text = read(root, indicators);
    expect(text).toContain('    ratio: [3, 4]\n');
    expect(text).toContain('      gni: {value: 80000, unit: usd-million}\n');
    expect(text).toContain('    source: csi-population-survey\n    note: "=SUM(A1) is only text"\n  "1.1.3":');
    expect(valuesOf(root)['5.1.4']!.components).toEqual({ 'external-debt': { value: 96360, unit: 'usd-million' }, gni: { value: 80000, unit: 'usd-million' } });
  });

  it('names every wrong cell by sheet and cell, with what to do, and writes nothing', async () => {
    const { root, bytes } = await exported();
    const before = read(root, indicators);
    const text = cellOf(bytes, '1.2.1', 'value');
    const range = cellOf(bytes, '5.1.2', 'value');
    const source = cellOf(bytes, '3.1.1', 'source');
    const id = cellOf(bytes, '2.2.1', 'indicator');
    const year = cellOf(bytes, '1.1.1', 'year');
    const edits = { [text]: 'about 40', [range]: 35, [source]: 'no-such-survey', [id]: '2.2.9', [year]: 1850 };
    expect(await importBack(root, typeInto(bytes, edits))).toBe(2);
    const err = printed.err.join('\n');
    const at = (cell: string) => `filled.xlsx: sheet "Indicators", cell ${cell}: error:`;
    expect(err).toContain(`${at(text)} "about 40" is not a number\n  Type a number`);
    expect(err).toContain(`${at(range)} the value 35 of indicator "5.1.2" lies outside 0–10, the range of its rule`);
    expect(err).toContain(`${at(source)} the source "no-such-survey" is not defined\n  Add it to data/countries/kazakhstan/sources.yaml`);
    expect(err).toContain(`${at(id)} "2.2.9" is not an indicator of csi-2008-2010\n  Did you mean "2.2.1"?`);
    expect(err).toContain(`${at(year)} 1850 is out of range`);
    // The row whose id was mistyped leaves its indicator without a row.
    expect(err).toContain('filled.xlsx: sheet "Indicators": error: there is no row for indicator "2.2.1"');
    expect(err).toMatch(/^6 errors in the workbook; nothing was written\.$/m);
    // In the order of the sheet's rows.
    expect(err.indexOf(`cell ${year}`)).toBeLessThan(err.indexOf(`cell ${text}`));
    expect(read(root, indicators)).toBe(before);
  });

  it('says what to type for a command line it cannot follow', async () => {
    const root = tempProject('repo');
    expect(await main(['data', 'import', 'missing.xlsx'], root)).toBe(64);
    expect(printed.err.join('\n')).toContain('csi-report: missing.xlsx: there is no such file');
    expect(await main(['data', 'export', '--locale', 'de'], root)).toBe(64);
    expect(printed.err.join('\n')).toContain('csi-report: --locale: kazakhstan is published in en, ru, kk, not "de"');
    expect(await main(['data'], root)).toBe(64);
    expect(printed.err.join('\n')).toContain('Usage: csi-report data export');
  });

  it('refuses a workbook exported for another country, naming the cell that says so, and writes nothing', async () => {
    const { root, bytes } = await exported();
    expect(await main(['new-country', 'ostland', '--locales', 'en'], root)).toBe(0);
    const theirs = 'data/countries/ostland/indicators.yaml';
    const before = read(root, theirs);
    writeFileSync(join(root, 'kz.xlsx'), typeInto(bytes, { [cellOf(bytes, '1.1.1', 'value')]: 12.5 }));
    expect(await main(['data', 'import', 'kz.xlsx', '--country', 'ostland'], root)).toBe(2);
    const said = printed.err.join('\n');
    expect(said).toContain('kz.xlsx: sheet "About", cell B1: error: the workbook was exported for the country "kazakhstan", not "ostland"');
    expect(said).toContain('csi-report data export --country ostland');
    expect(read(root, theirs)).toBe(before);
    // Into its own country it goes.
    expect(await main(['data', 'import', 'kz.xlsx'], root)).toBe(0);
    expect(valuesOf(root)['1.1.1']!.value).toBe(12.5);
  });

  it('refuses a file that is no workbook, and one without the Indicators sheet, naming the file', async () => {
    const root = tempProject('repo');
    writeFileSync(join(root, 'notes.xlsx'), 'just text');
    expect(await main(['data', 'import', 'notes.xlsx'], root)).toBe(2);
    expect(printed.err.join('\n')).toContain('notes.xlsx: error: the file is not an .xlsx workbook (it is not a zip archive)');
  });

  it('reads the CSV it exports, and one saved with semicolons and decimal commas', async () => {
    const root = tempProject('repo');
    const before = read(root, indicators);
    expect(await main(['data', 'export', '--out', 'kz.csv'], root)).toBe(0);
    expect(await main(['data', 'import', 'kz.csv'], root)).toBe(0);
    expect(read(root, indicators)).toBe(before);
    // As a spreadsheet program set to a decimal comma saves it: semicolons between cells.
    const read_ = readCsv('kz.csv', read(root, 'kz.csv'));
    if ('problem' in read_) throw new Error(read_.problem);
    const quote = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    const lines = read_.sheet.rows.map((cells) => cells.map((cell) => (cell.kind === 'text' ? quote(cell.value.replace(/^(\d+)\.(\d+)$/, '$1,$2')) : '')).join(';'));
    const row = lines.findIndex((line) => line.startsWith('1.4.1;'));
    lines[row] = lines[row]!.replace(';15,5;', ';16,5;');
    writeFileSync(join(root, 'semi.csv'), `${lines.join('\n')}\n`);
    expect(await main(['data', 'import', 'semi.csv'], root)).toBe(0);
    const changed = read(root, indicators).split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual(['    value: 16.5']);
  });

  it('names a CSV row with an unclosed quote', async () => {
    const root = tempProject('repo');
    writeFileSync(join(root, 'broken.csv'), 'Indicator,Value\r\n1.1.1,"36.5\r\n');
    expect(await main(['data', 'import', 'broken.csv'], root)).toBe(2);
    expect(printed.err.join('\n')).toContain('broken.csv: row 2: error: a quoted cell is not closed');
  });
});
