import type { Dataset } from '../ingest/types.ts';
import { formatDecimal, roundHalfUp } from '../format/number.ts';
import { findNode, frameworkIndicators } from '../ingest/framework-tree.ts';
import type { Scores } from '../score/index.ts';
import { describeRule } from '../ingest/describe-rule.ts';

/** One row of the published indicator matrix. */
export interface MatrixRow {
  /** dimension, subdimension or indicator. */
  level: string;
  /** Framework id. */
  id: string;
  /** Id of the parent, empty for a dimension. */
  parent: string;
  /** Name per locale. */
  name: Readonly<Record<string, string>>;
  /** Unrounded score. */
  score: number;
  /** Score as published (rounded half-up, as text with a dot). */
  published: string;
  /** How the score was derived. */
  rule: string;
  /** Raw value as the source gives it (indicators only). */
  raw?: { value?: number; ratio?: readonly number[]; components?: Readonly<Record<string, { value: number; unit: string }>>; unit?: string; year?: number };
  /** Citation (indicators only). */
  source?: { key: string; title: string; year?: number; author?: string };
  /** Children the score is the weighted mean of (aggregates only). */
  inputs?: readonly { id: string; weight: number }[];
}

/** Builds the full indicator matrix in framework order: every dimension, sub-dimension, indicator. */
export function buildMatrix(dataset: Pick<Dataset, 'framework' | 'sources' | 'config'>, scores: Scores): MatrixRow[] {
  const rows: MatrixRow[] = [];
  const en = dataset.config.sourceLocale;
  const indicators = new Map(frameworkIndicators(dataset.framework).map((d) => [d.id, d]));
  for (const [id, score] of scores.byId) {
    const published = formatDecimal(score.score, 'en-US', score.decimals, false);
    const parent = id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : '';
    if (score.level === 'indicator') {
      const def = indicators.get(id)!;
      const source = dataset.sources.get(score.raw.source);
      rows.push({
        level: 'indicator', id, parent, name: def.name, score: score.score, published,
        rule: describeRule(score.rule),
        raw: { value: score.raw.value, ratio: score.raw.ratio, components: score.raw.components, unit: score.raw.unit, year: score.raw.year },
        source: source && { key: source.key, title: source.title[en] ?? Object.values(source.title)[0]!, year: source.year, author: typeof source.author === 'string' || source.author === undefined ? source.author : (source.author[en] ?? Object.values(source.author)[0]) },
      });
    } else {
      const name = findNode(dataset.framework, id)!.name;
      const weights = score.inputs.map((input) => input.weight);
      const equal = weights.every((w) => w === weights[0]);
      rows.push({
        level: score.level, id, parent, name, score: score.score, published,
        rule: `${equal ? 'mean' : 'weighted mean'} of ${score.inputs.map((input) => input.id).join(', ')}`,
        inputs: score.inputs.map(({ id: inputId, weight }) => ({ id: inputId, weight })),
      });
    }
  }
  return rows;
}

/** The matrix as JSON, stable key order, for `scores.json`. */
export function renderScoresJson(dataset: Pick<Dataset, 'framework' | 'country' | 'config'>, rows: readonly MatrixRow[]): string {
  const document = {
    framework: dataset.framework.id,
    country: dataset.country.id,
    study: dataset.country.study.label,
    edition: dataset.country.edition.published,
    scale: dataset.framework.scale,
    rounding: 'half-up at the published decimals; aggregates are means of unrounded scores',
    scores: rows.map((row) => ({ ...row, score: roundHalfUp(row.score, 10) })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const csvColumns = ['level', 'id', 'parent', 'name', 'score', 'published', 'raw_value', 'raw_unit', 'year', 'rule', 'source', 'source_title'] as const;

/** The matrix as CSV (RFC 4180, UTF-8 with BOM so spreadsheets detect the encoding). */
export function renderScoresCsv(rows: readonly MatrixRow[], locale: string): string {
  const lines = [csvColumns.join(',')];
  for (const row of rows) {
    const raw = row.raw?.value ?? (row.raw?.ratio ? `${row.raw.ratio[0]} of ${row.raw.ratio[1]}` : row.raw?.components ? Object.entries(row.raw.components).map(([k, c]) => `${k}=${c.value}`).join('; ') : '');
    const cells: (string | number)[] = [
      row.level, row.id, row.parent, row.name[locale] ?? '', roundHalfUp(row.score, 10), row.published,
      raw, row.raw?.unit ?? '', row.raw?.year ?? '', row.rule, row.source?.key ?? '', row.source?.title ?? '',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Quotes a cell and defuses spreadsheet formulas: a text starting with = + - @ or a control
 * character gets a leading apostrophe, so no cell can run as a formula when opened. A text
 * that starts with such an apostrophe itself gets one more, so a reader that drops the first
 * apostrophe before one of these (`unquoteCsvText`) gets every text back as it was.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^'*[=+\-@\t\r\n]|^''/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The text a `csvCell` was made from: one apostrophe before a formula character (or another apostrophe) is dropped. */
export function unquoteCsvText(text: string): string {
  return /^'['=+\-@\t\r\n]/.test(text) ? text.slice(1) : text;
}
