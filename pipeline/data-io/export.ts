import { frameworkIndicators } from '../ingest/framework-tree.ts';
import type { IndicatorDef } from '../ingest/types.ts';
import { describeRule } from '../ingest/describe-rule.ts';
import { columnName, cellRef } from './cells.ts';
import { ABOUT_KEYS, columnOf, INDICATOR_COLUMNS, SHEETS, type ColumnKey } from './columns.ts';
import { renderCsv } from './csv.ts';
import { usualUnit, type EntryFields } from './entries.ts';
import type { DataInputs } from './inputs.ts';
import { writeXlsx, type CellCheck, type WriteCell, type WriteSheet } from './xlsx-write.ts';

/** What to export: the country's inputs, its current entries and the language of the names. */
export interface ExportRequest {
  /** The country's framework, sources and headings. */
  inputs: DataInputs;
  /** The entries of indicators.yaml by indicator id (none for a new country). */
  entries: ReadonlyMap<string, EntryFields>;
  /** Language of headings, names and source titles. */
  locale: string;
}

/** The data-entry workbook as .xlsx bytes: the Indicators sheet to fill and the Sources sheet to cite from. */
export function exportXlsx(request: ExportRequest): Uint8Array {
  const { inputs, locale } = request;
  const indicators = indicatorRows(request);
  const sources = [...inputs.sources.values()];
  const heading = (key: string): WriteCell => ({ value: headingOf(request, key), style: 'heading' });
  const sourceSheet: WriteSheet = {
    name: SHEETS.sources,
    widths: [34, 80, 12],
    rows: [
      [heading('source'), heading('sourceTitle'), heading('sourceYear')],
      ...sources.map((source): WriteCell[] => [{ value: source.key }, { value: source.title[locale] ?? source.title[inputs.config.sourceLocale] ?? Object.values(source.title)[0], style: 'given' }, { value: source.year, style: 'given' }]),
    ],
  };
  const sheet: WriteSheet = {
    name: SHEETS.indicators,
    widths: INDICATOR_COLUMNS.map((column) => column.width),
    rows: [
      INDICATOR_COLUMNS.map((column) => heading(column.key)),
      ...indicators.map((row) => INDICATOR_COLUMNS.map((column): WriteCell => ({ value: row.cells[column.key], style: column.given ? 'given' : 'entry' }))),
    ],
    checks: checks(indicators, sources.length),
  };
  // What the workbook belongs to, so that an import into another country is refused.
  const about: WriteSheet = {
    name: SHEETS.about,
    widths: [14, 40],
    rows: [
      [{ value: ABOUT_KEYS.country, style: 'heading' }, { value: inputs.country, style: 'given' }],
      [{ value: ABOUT_KEYS.framework, style: 'heading' }, { value: inputs.framework.id, style: 'given' }],
    ],
  };
  return writeXlsx([sheet, sourceSheet, about]);
}

/** The Indicators sheet as CSV: the same columns and rows. */
export function exportCsv(request: ExportRequest): string {
  const rows = indicatorRows(request);
  return renderCsv([INDICATOR_COLUMNS.map((column) => headingOf(request, column.key)), ...rows.map((row) => INDICATOR_COLUMNS.map((column) => row.cells[column.key]))]);
}

interface IndicatorRow {
  def: IndicatorDef;
  /** The allowed range of a single value, when the rule has one. */
  range?: readonly [number, number];
  cells: Partial<Record<ColumnKey, string | number>>;
}

function indicatorRows({ inputs, entries, locale }: ExportRequest): IndicatorRow[] {
  const { framework, config } = inputs;
  return frameworkIndicators(framework).map((def) => {
    const entry = entries.get(def.id) ?? {};
    const rule = def.rule;
    const range = rule.kind === 'cap-invert' ? undefined : (rule.range ?? ([framework.scale.min, framework.scale.max] as const));
    const parts = rule.kind === 'cap-invert' ? [entry.components?.[rule.numerator], entry.components?.[rule.denominator]] : undefined;
    return {
      def,
      range,
      cells: {
        indicator: def.id,
        name: def.name[locale] ?? def.name[config.sourceLocale],
        rule: describeRule(rule),
        range: range ? `${range[0]}–${range[1]}` : rule.kind === 'cap-invert' ? `${rule.numerator} ≥ 0; ${rule.denominator} > 0` : undefined,
        value: entry.value,
        numerator: parts ? parts[0]?.value : entry.ratio?.[0],
        denominator: parts ? parts[1]?.value : entry.ratio?.[1],
        // A new entry starts with the unit its rule usually has.
        unit: (parts ? parts[0]?.unit : entry.unit) ?? usualUnit(rule),
        year: entry.year,
        source: entry.source,
        decimals: entry.decimals,
        note: entry.note,
      },
    };
  });
}

/** Checks the spreadsheet program makes while typing: a value within its rule's range, a source of the list. */
function checks(rows: readonly IndicatorRow[], sourceCount: number): CellCheck[] {
  const byRange = new Map<string, { range: readonly [number, number]; cells: string[] }>();
  rows.forEach((row, index) => {
    if (!row.range || row.def.rule.kind === 'percentage' && row.cells.numerator !== undefined) return;
    const key = row.range.join(',');
    const group = byRange.get(key) ?? { range: row.range, cells: [] };
    group.cells.push(cellRef(columnOf('value'), index + 2));
    byRange.set(key, group);
  });
  const found: CellCheck[] = [...byRange.values()].map(({ range, cells }) => ({ cells: cells.join(' '), rule: { kind: 'decimal', min: range[0], max: range[1] }, message: `A value from ${range[0]} to ${range[1]}.` }));
  if (sourceCount > 0 && rows.length > 0) {
    const column = columnName(columnOf('source'));
    found.push({ cells: `${column}2:${column}${rows.length + 1}`, rule: { kind: 'list', range: `${SHEETS.sources}!$A$2:$A$${sourceCount + 1}` }, message: `A key of the ${SHEETS.sources} sheet.` });
  }
  return found;
}

function headingOf({ inputs, locale }: ExportRequest, key: string): string {
  const entry = (inputs.headings.get(locale) ?? inputs.headings.get(inputs.config.sourceLocale))?.entries.get(`workbook.${key}`);
  return entry?.text ?? key;
}
