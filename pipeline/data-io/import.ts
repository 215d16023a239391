import { parseDocument } from 'yaml';
import { InputError } from '../errors/errors.ts';
import { frameworkIndicators } from '../ingest/framework-tree.ts';
import { decodeText } from '../input/decode.ts';
import { InputReader } from '../input/read.ts';
import { writeProjectFiles } from '../translate/write.ts';
import { ABOUT_KEYS, SHEETS } from './columns.ts';
import { readCsv } from './csv.ts';
import type { DataInputs } from './inputs.ts';
import { WorkbookError, type SheetProblem } from './problems.ts';
import { readSheetEntries, type RowEntry } from './read-rows.ts';
import type { ReadSheet } from './table.ts';
import { validateEntries } from './validate.ts';
import { readXlsx } from './xlsx-read.ts';
import { writeEntries } from './yaml-edit.ts';

/** What an import did. */
export interface ImportResult {
  /** The file written (project-relative), or undefined when no value changed. */
  written?: string;
  /** Indicators whose entry changed, in framework order. */
  changed: string[];
}

/** A workbook file as the user named it and its bytes. */
export interface WorkbookFile {
  /** The name to show in messages, as the user gave it. */
  name: string;
  /** The file's content. */
  bytes: Uint8Array;
}

/**
 * Imports a filled workbook into the country's indicators.yaml:
 *   1. read the Indicators sheet (xlsx) or the CSV table, every cell typed;
 *   2. read each row into an entry, naming every unreadable cell;
 *   3. write the entries into the current file's YAML document, in place;
 *   4. check the new file with the build's own checks, each problem named by its cell;
 *   5. write it, in one rename, only when there is no problem at all.
 */
export function importWorkbook(inputs: DataInputs, workbook: WorkbookFile): ImportResult {
  // 1.
  const sheet = readSheet(workbook, inputs);
  // 2.
  const { entries: rows, problems } = readSheetEntries(sheet, inputs.framework, inputs.headings);
  // 3.
  const reader = new InputReader(inputs.root);
  const original = reader.exists(inputs.indicatorsFile) ? reader.text(inputs.indicatorsFile, 'indicator values') : 'values: {}\n';
  if (original === undefined) throw new InputError(reader.issues);
  const syntax = parseDocument(original, { uniqueKeys: true }).errors[0];
  if (syntax) {
    throw new InputError([{ place: { file: inputs.indicatorsFile, line: syntax.linePos?.[0].line, column: syntax.linePos?.[0].col }, message: `the file cannot be read as YAML: ${syntax.message.split('\n')[0]}`, hint: 'Correct it (or restore it from version control) and import again; nothing was written.', severity: 'error' }]);
  }
  const order = frameworkIndicators(inputs.framework).map((def) => def.id);
  // A row with an unreadable cell is not written: the file keeps its entry, and the problem is the cell's.
  const unreadable = new Set(problems.map((p) => p.row));
  const readable = new Map([...rows].filter(([, row]) => !unreadable.has(row.row)));
  const edit = editedText(original, readable, order);
  // 4.
  const checked = validateEntries(inputs, edit.text, sheet, readable);
  const found = [...problems, ...checked.problems];
  if (!checked.complete && checked.problems.length > 0) {
    // A wrong shape (a year that is no year) stops the build's checks before the values: they
    // are checked again without the rows found wrong, so one run still names every cell.
    const wrong = new Set(checked.problems.map((p) => p.row));
    const rest = new Map([...readable].filter(([, row]) => !wrong.has(row.row)));
    const again = validateEntries(inputs, editedText(original, rest, order).text, sheet, rest);
    found.push(...again.problems.filter((p) => !wrong.has(p.row)));
  }
  if (found.length > 0 || checked.others.length > 0) throw new WorkbookError(found, checked.others);
  // 5.
  const written = writeProjectFiles(inputs.root, [{ path: inputs.indicatorsFile, text: edit.text }]);
  const changed = order.filter((id) => edit.changed.includes(id));
  return { written: written[0], changed };
}

function readSheet(workbook: WorkbookFile, inputs: DataInputs): ReadSheet {
  const file = { file: workbook.name };
  if (/\.csv$/i.test(workbook.name)) {
    // Spreadsheet programs save CSV in the system's legacy encoding unless told otherwise: named, never guessed.
    const decoded = decodeText(workbook.bytes);
    if ('problem' in decoded) throw new WorkbookError([{ sheet: file, row: decoded.line, message: { message: decoded.problem.message, hint: `${decoded.problem.hint} In a spreadsheet program: save as "CSV UTF-8".` } }]);
    const read = readCsv(workbook.name, decoded.text);
    if ('problem' in read) throw new WorkbookError([{ sheet: file, row: read.row, message: { message: read.problem, hint: 'Save the sheet again as CSV from the spreadsheet program, or correct the line.' } }]);
    return read.sheet;
  }
  const read = readXlsx(workbook.name, workbook.bytes);
  if ('problem' in read) throw new WorkbookError([{ sheet: file, message: { message: read.problem, hint: 'Save the workbook as an Excel workbook (.xlsx), or as CSV (.csv).' } }]);
  const about = read.sheets.find((s) => s.sheet === SHEETS.about);
  if (about) checkBelongs(about, inputs);
  const sheet = read.sheets.find((s) => s.sheet === SHEETS.indicators);
  if (!sheet) {
    throw new WorkbookError([{ sheet: file, message: { message: `the workbook has no sheet "${SHEETS.indicators}"`, hint: `The values are read from the sheet "${SHEETS.indicators}" (the workbook has ${read.sheets.map((s) => `"${s.sheet}"`).join(', ') || 'none'}): rename the sheet, or export the workbook again.` } }]);
  }
  return sheet;
}

/** The file with the rows' entries written in; the original text itself when nothing changed. */
function editedText(original: string, rows: ReadonlyMap<string, RowEntry>, order: readonly string[]): { text: string; changed: string[] } {
  const doc = parseDocument(original, { uniqueKeys: true });
  const changed = writeEntries(doc, new Map([...rows].map(([id, row]) => [id, row.fields])), order);
  return { text: changed.length > 0 ? doc.toString({ lineWidth: 0, flowCollectionPadding: false }) : original, changed };
}

/**
 * Refuses a workbook exported for another country or framework: its indicator ids are the
 * same in every country of a framework, so its values would silently replace this country's.
 * A workbook without the About sheet (a CSV file, or one made by hand) is not checked.
 */
function checkBelongs(about: ReadSheet, inputs: DataInputs): void {
  const problems: SheetProblem[] = [];
  const expected: Record<string, string> = { [ABOUT_KEYS.country]: inputs.country, [ABOUT_KEYS.framework]: inputs.framework.id };
  about.rows.forEach((cells, index) => {
    const key = cells[0]?.kind === 'text' ? cells[0].value : undefined;
    if (key === undefined || !(key in expected)) return;
    const cell = cells[1];
    const value = cell?.kind === 'text' ? cell.value : undefined;
    if (value === expected[key]) return;
    const hint = key === ABOUT_KEYS.country
      ? `Import it into that country (--country ${value ?? '…'}), or export the workbook of ${inputs.country} (csi-report data export --country ${inputs.country}) and enter the values there.`
      : `${inputs.country} is scored with the framework "${inputs.framework.id}": export its workbook again (csi-report data export --country ${inputs.country}) and enter the values there.`;
    problems.push({ sheet: about, row: index + 1, column: 2, message: { message: `the workbook was exported for the ${key} "${value ?? ''}", not "${expected[key]}"`, hint } });
  });
  if (problems.length > 0) throw new WorkbookError(problems);
}
