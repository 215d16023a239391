import { zipSync, strToU8 } from 'fflate';
import { cellRef, columnName } from './cells.ts';

/**
 * Writes an Office Open XML workbook (.xlsx) from plain rows: the few parts a spreadsheet
 * program needs (content types, relationships, workbook, styles, one part per sheet), zipped
 * with fflate. Text is written as inline strings, so no cell holds a formula, whatever it says.
 */

/** How a cell looks: a column heading, a fact to read but not to change, or an entry. */
export type CellStyle = 'heading' | 'given' | 'entry';

/** A cell to write: a number, a text or nothing, and its look. */
export interface WriteCell {
  /** Empty when undefined. */
  value: string | number | undefined;
  /** The look (default: entry). */
  style?: CellStyle;
}

/** A check the spreadsheet program makes while the user types (Excel's data validation). */
export interface CellCheck {
  /** The cells it covers, e.g. "E2 E5:E9". */
  cells: string;
  /** A number between min and max, or one of the values of a range of cells. */
  rule: { kind: 'decimal'; min: number; max: number } | { kind: 'list'; range: string };
  /** What the program says when the value does not fit. */
  message: string;
}

/** A sheet to write. */
export interface WriteSheet {
  /** The tab's name (at most 31 characters, no []:*?/\). */
  name: string;
  /** Column widths in characters, in column order. */
  widths: readonly number[];
  /** Rows from row 1; the first row is kept in view while scrolling. */
  rows: readonly (readonly WriteCell[])[];
  /** Checks made while typing. */
  checks?: readonly CellCheck[];
}

const STYLE_INDEX: Readonly<Record<CellStyle, number>> = { entry: 0, heading: 1, given: 2 };

/** The workbook as the bytes of an .xlsx file; the same sheets always give the same bytes. */
export function writeXlsx(sheets: readonly WriteSheet[]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': xml(contentTypes(sheets.length)),
    '_rels/.rels': xml(`<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${OFFICE_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': xml(workbook(sheets)),
    'xl/_rels/workbook.xml.rels': xml(workbookRels(sheets.length)),
    'xl/styles.xml': xml(STYLES),
  };
  sheets.forEach((sheet, index) => {
    files[`xl/worksheets/sheet${index + 1}.xml`] = xml(worksheet(sheet));
  });
  // A fixed time stamp on every entry: the same workbook is the same bytes.
  return zipSync(files, { level: 6, mtime: new Date(2000, 0, 1) });
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);

function contentTypes(count: number): string {
  const sheets = Array.from({ length: count }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets}</Types>`;
}

function workbook(sheets: readonly WriteSheet[]): string {
  const entries = sheets.map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `<workbook xmlns="${MAIN_NS}" xmlns:r="${OFFICE_REL}"><sheets>${entries}</sheets></workbook>`;
}

function workbookRels(count: number): string {
  const sheets = Array.from({ length: count }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${OFFICE_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return `<Relationships xmlns="${REL_NS}">${sheets}<Relationship Id="rId${count + 1}" Type="${OFFICE_REL}/styles" Target="styles.xml"/></Relationships>`;
}

// Three looks: entries plain, headings bold on a tinted band, given facts grey and wrapped.
const STYLES = `<styleSheet xmlns="${MAIN_NS}"><fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><sz val="11"/><color rgb="FF595959"/><name val="Calibri"/></font></fonts><fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDE6F0"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/></patternFill></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="2" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function worksheet(sheet: WriteSheet): string {
  const cols = sheet.widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('');
  const rows = sheet.rows.map((cells, r) => `<row r="${r + 1}">${cells.map((cell, c) => cellXml(cell, c + 1, r + 1)).join('')}</row>`).join('');
  const checks = sheet.checks && sheet.checks.length > 0 ? `<dataValidations count="${sheet.checks.length}">${sheet.checks.map(checkXml).join('')}</dataValidations>` : '';
  const lastColumn = columnName(Math.max(1, sheet.widths.length));
  return `<worksheet xmlns="${MAIN_NS}" xmlns:r="${OFFICE_REL}"><dimension ref="A1:${lastColumn}${Math.max(1, sheet.rows.length)}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>${rows}</sheetData>${sheet.rows.length > 1 ? `<autoFilter ref="A1:${lastColumn}${sheet.rows.length}"/>` : ''}${checks}</worksheet>`;
}

function cellXml(cell: WriteCell, column: number, row: number): string {
  const style = STYLE_INDEX[cell.style ?? 'entry'];
  const ref = cellRef(column, row);
  const s = style === 0 ? '' : ` s="${style}"`;
  if (cell.value === undefined || cell.value === '') return style === 0 ? '' : `<c r="${ref}"${s}/>`;
  // A workbook has no infinite numbers: such a value (`.inf` in YAML) is shown as the text it is.
  if (typeof cell.value === 'number' && Number.isFinite(cell.value)) return `<c r="${ref}"${s}><v>${cell.value}</v></c>`;
  const text = String(cell.value);
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(encodeEscapes(text))}</t></is></c>`;
}

function checkXml(check: CellCheck): string {
  const message = `showErrorMessage="1" errorTitle="" error="${escapeXml(check.message)}"`;
  if (check.rule.kind === 'list') return `<dataValidation type="list" allowBlank="1" ${message} sqref="${check.cells}"><formula1>${escapeXml(check.rule.range)}</formula1></dataValidation>`;
  return `<dataValidation type="decimal" operator="between" allowBlank="1" ${message} sqref="${check.cells}"><formula1>${check.rule.min}</formula1><formula2>${check.rule.max}</formula2></dataValidation>`;
}

// Characters XML 1.0 cannot carry; a spreadsheet could not hold them either.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"\r]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' })[char]!);
}

/**
 * Spreadsheet programs read `_x0041_` in a text as the character it codes; a text that holds
 * such a sequence itself has its underscore coded (`_x005F_`), so it comes back as written.
 */
function encodeEscapes(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}
