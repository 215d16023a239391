import type { Framework, IndicatorDef } from '../ingest/types.ts';
import { frameworkIndicators } from '../ingest/framework-tree.ts';
import type { LocaleStrings } from '../format/strings.ts';
import { closest } from '../util/text.ts';
import { INDICATOR_COLUMNS, type ColumnKey } from './columns.ts';
import type { EntryFields } from './entries.ts';
import type { SheetProblem } from './problems.ts';
import { cellAt, type ReadCell, type ReadSheet } from './table.ts';

/** A row of the sheet read as an entry, with where each of its fields came from. */
export interface RowEntry {
  /** Indicator id. */
  id: string;
  /** 1-based row. */
  row: number;
  /** The fields as the row gives them. */
  fields: EntryFields;
  /** The column each field was read from, to name the cell of a problem the validation finds. */
  columns: Partial<Record<ColumnKey, number>>;
}

/** What the sheet says: an entry per indicator row, and every problem found in reading it. */
export interface SheetEntries {
  /** Entries by indicator id, in row order. */
  entries: Map<string, RowEntry>;
  /** Problems of headings, cells and rows. */
  problems: SheetProblem[];
}

/**
 * Reads the Indicators sheet: finds each column by its heading (in any language of the
 * project), then reads every row into an entry of indicators.yaml. A cell of the wrong kind,
 * an unknown or repeated indicator, a missing value or row is a problem at its cell; reading
 * goes on, so one run names them all.
 */
export function readSheetEntries(sheet: ReadSheet, framework: Framework, headings: ReadonlyMap<string, LocaleStrings>): SheetEntries {
  const problems: SheetProblem[] = [];
  const problem = (row: number | undefined, column: number | undefined, message: string, hint: string) => problems.push({ sheet, row, column, message: { message, hint } });
  const columns = findColumns(sheet, headings, problem);
  const entries = new Map<string, RowEntry>();
  const defs = new Map(frameworkIndicators(framework).map((def) => [def.id, def]));
  if (!columns) return { entries, problems };
  const firstRow = new Map<string, number>();
  for (let row = 2; row <= sheet.rows.length; row += 1) {
    const cells = sheet.rows[row - 1] ?? [];
    if (cells.every((cell) => cell === undefined || cell.kind === 'empty')) continue;
    const idCell = cellAt(sheet, columns.indicator!, row);
    const id = idCell.kind === 'text' ? idCell.value.trim() : idCell.kind === 'number' ? String(idCell.value) : '';
    if (id === '') {
      problem(row, columns.indicator, 'the row has no indicator id', 'Write the id (such as 1.4.2) in this cell, or delete the row.');
      continue;
    }
    const def = defs.get(id);
    if (!def) {
      const near = closest(id, [...defs.keys()].filter((known) => !firstRow.has(known)), 1);
      problem(row, columns.indicator, `"${id}" is not an indicator of ${framework.id}`, near ? `Did you mean "${near}"? Each row is one indicator of the framework, by its id.` : 'Each row is one indicator of the framework, by its id; export the workbook again for the list.');
      continue;
    }
    const earlier = firstRow.get(id);
    if (earlier !== undefined) {
      problem(row, columns.indicator, `indicator "${id}" has a second row (the first is row ${earlier})`, 'Keep one row per indicator: delete one of them.');
      continue;
    }
    firstRow.set(id, row);
    entries.set(id, { id, row, fields: readFields(sheet, row, columns, def, problem), columns });
  }
  for (const def of defs.values()) {
    if (!firstRow.has(def.id)) problem(undefined, undefined, `there is no row for indicator "${def.id}" (${def.name.en ?? def.id})`, 'Every indicator needs its row: add it with its id in the indicator column, or export the workbook again.');
  }
  return { entries, problems };
}

type Problem = (row: number | undefined, column: number | undefined, message: string, hint: string) => void;

function findColumns(sheet: ReadSheet, headings: ReadonlyMap<string, LocaleStrings>, problem: Problem): Partial<Record<ColumnKey, number>> | undefined {
  // A heading in any language, or the column's key itself, names the column.
  const known = new Map<string, ColumnKey>();
  for (const column of INDICATOR_COLUMNS) {
    known.set(normalise(column.key), column.key);
    for (const strings of headings.values()) {
      const text = strings.entries.get(`workbook.${column.key}`)?.text;
      if (text) known.set(normalise(text), column.key);
    }
  }
  const found: Partial<Record<ColumnKey, number>> = {};
  const header = sheet.rows[0] ?? [];
  for (let column = 1; column <= header.length; column += 1) {
    const cell = cellAt(sheet, column, 1);
    if (cell.kind === 'empty') continue;
    const text = cell.kind === 'number' ? String(cell.value) : cell.value;
    const key = known.get(normalise(text));
    if (!key) {
      problem(1, column, `"${text}" is not a column of the data-entry sheet`, `Give the column one of the headings of an exported workbook (${INDICATOR_COLUMNS.map((c) => headingIn(headings, c.key)).join(', ')}), or delete it.`);
    } else if (found[key] !== undefined) {
      problem(1, column, `the column "${text}" is there twice`, 'Keep one of them.');
    } else {
      found[key] = column;
    }
  }
  const missing = INDICATOR_COLUMNS.filter((column) => column.required && found[column.key] === undefined);
  for (const column of missing) problem(1, undefined, `the sheet has no column "${headingIn(headings, column.key)}"`, 'Row 1 names the columns: export the workbook again and copy the values into it, or restore the heading.');
  return found.indicator === undefined ? undefined : found;
}

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

function headingIn(headings: ReadonlyMap<string, LocaleStrings>, key: ColumnKey): string {
  return headings.get('en')?.entries.get(`workbook.${key}`)?.text ?? key;
}

function readFields(sheet: ReadSheet, row: number, columns: Partial<Record<ColumnKey, number>>, def: IndicatorDef, problem: Problem): EntryFields {
  const get = (key: ColumnKey): ReadCell => (columns[key] === undefined ? { kind: 'empty' } : cellAt(sheet, columns[key]!, row));
  const number = (key: ColumnKey): number | undefined => {
    const cell = get(key);
    switch (cell.kind) {
      case 'empty': return undefined;
      case 'number': return cell.value;
      case 'text': {
        const parsed = parseNumber(cell.value, sheet.decimalComma === true);
        if (parsed === undefined) problem(row, columns[key], `"${cell.value}" is not a number`, numberHint(key, sheet.decimalComma === true));
        return parsed;
      }
      case 'error': problem(row, columns[key], `the cell holds the spreadsheet error ${cell.value}`, 'Replace the formula by the number it should give.'); return undefined;
      case 'formula': problem(row, columns[key], `the formula ${cell.value} has never been calculated`, 'Open the file in a spreadsheet program and save it, or type the number.'); return undefined;
    }
  };
  const text = (key: ColumnKey): string | undefined => {
    const cell = get(key);
    if (cell.kind === 'number') return String(cell.value);
    if (cell.kind === 'text') return cell.value.trim() === '' ? undefined : cell.value.trim();
    if (cell.kind === 'error' || cell.kind === 'formula') problem(row, columns[key], `the cell holds ${cell.kind === 'error' ? 'the spreadsheet error ' : 'the uncalculated formula '}${cell.value}`, 'Type the text itself.');
    return undefined;
  };
  const value = number('value');
  const numerator = number('numerator');
  const denominator = number('denominator');
  const unit = text('unit');
  const fields: EntryFields = { year: number('year'), source: text('source'), decimals: number('decimals'), note: text('note') };
  const rule = def.rule;
  const empty = (key: ColumnKey) => get(key).kind === 'empty';
  if (fields.source === undefined) problem(row, columns.source, `indicator "${def.id}" has no source`, 'Give the key of its source: one of the Sources sheet (or of sources.yaml).');
  if (unit === undefined) problem(row, columns.unit, `indicator "${def.id}" has no unit`, 'Give the unit of the value: percent, index, score, usd-million, ratio or count.');
  if (rule.kind === 'cap-invert') {
    // A ratio rule divides two named parts; both are needed, and no single value.
    if (!empty('value')) problem(row, columns.value, `indicator "${def.id}" is computed from two parts, not a single value`, `Leave the value empty: give ${rule.numerator} as the numerator and ${rule.denominator} as the denominator.`);
    for (const [key, name] of [['numerator', rule.numerator], ['denominator', rule.denominator]] as const) {
      if (empty(key)) problem(row, columns[key], `indicator "${def.id}" has no ${name}`, `Give ${name} in this column, in the unit of the unit column.`);
    }
    if (numerator !== undefined && denominator !== undefined) fields.components = { [rule.numerator]: { value: numerator, unit: unit ?? '' }, [rule.denominator]: { value: denominator, unit: unit ?? '' } };
    return fields;
  }
  fields.unit = unit;
  if (!empty('numerator') || !empty('denominator')) {
    // An exact share ("two thirds") is a numerator and a denominator instead of the value.
    if (!empty('value')) problem(row, columns.value, `indicator "${def.id}" has both a value and a numerator or denominator`, 'Give either the value, or the numerator and the denominator of an exact share: clear the others.');
    for (const key of ['numerator', 'denominator'] as const) if (empty(key)) problem(row, columns[key], `indicator "${def.id}" has a ${key === 'numerator' ? 'denominator' : 'numerator'} but no ${key}`, 'An exact share needs both; or clear both and give the value.');
    if (numerator !== undefined && denominator !== undefined) fields.ratio = [numerator, denominator];
    return fields;
  }
  if (empty('value')) problem(row, columns.value, `indicator "${def.id}" has no value`, 'Type the raw value as its source gives it; every indicator needs one.');
  fields.value = value;
  return fields;
}

/** A number written as text: digits with a decimal point (or, in a semicolon-separated file, a decimal comma). */
function parseNumber(text: string, decimalComma: boolean): number | undefined {
  const trimmed = text.trim();
  const normal = decimalComma && /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  return /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(normal) ? Number(normal) : undefined;
}

function numberHint(key: ColumnKey, decimalComma: boolean): string {
  const what = key === 'year' ? 'the year as four digits, such as 2009' : key === 'decimals' ? 'a whole number of decimals, such as 2' : `a number, such as 36.5${decimalComma ? ' or 36,5' : ''}, without units or words`;
  return `Type ${what}; leave words for the note column.`;
}
