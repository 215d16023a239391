import { formatPlace } from '../errors/errors.ts';
import { UNIT_KINDS } from './status.ts';
import type { LocaleStatus, StateCounts, TranslationStatus, UnitKind, UnitProblem } from './types.ts';

const KIND_LABEL: Readonly<Record<UnitKind, string>> = {
  snippet: 'snippets',
  'list-item': 'list items',
  text: 'generic texts',
  string: 'UI strings',
  'data-text': 'data texts',
};

const COLUMNS = ['units', 'current', 'missing', 'stale', 'unrecorded'] as const;

/**
 * The status for a terminal: per locale a table of counts, then every problem with the file
 * (and line) to open, then what to do next. Plain text, no colours: it goes to CI logs too.
 */
export function renderStatus(status: TranslationStatus): string {
  const out = [`Translations of ${status.country} from "${status.sourceLocale}"`];
  for (const locale of status.locales) out.push('', ...table(locale), ...problems(locale, status.sourceLocale));
  return out.join('\n');
}

function table(status: LocaleStatus): string[] {
  const rows: string[][] = [[status.locale, ...COLUMNS]];
  for (const kind of UNIT_KINDS) if (status.byKind[kind].units > 0) rows.push(countRow(`  ${KIND_LABEL[kind]}`, status.byKind[kind]));
  rows.push(countRow('  total', status.counts));
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd());
}

function countRow(label: string, counts: StateCounts): string[] {
  return [label, ...COLUMNS.map((column) => String(counts[column]))];
}

/** Above this many unrecorded units, they are counted per file: before a first stamp every unit would be listed. */
const UNRECORDED_DETAIL = 20;

function problems(status: LocaleStatus, sourceLocale: string): string[] {
  const lines: string[] = [];
  const grouped = status.counts.unrecorded > UNRECORDED_DETAIL;
  const perFile = new Map<string, number>();
  for (const problem of status.problems) {
    if (!grouped || problem.state !== 'unrecorded') continue;
    // Markdown units are one file each: count them per folder.
    const where = problem.kind === 'snippet' || problem.kind === 'text' ? `${problem.place.file.slice(0, problem.place.file.lastIndexOf('/') + 1)}*.md` : problem.place.file;
    perFile.set(where, (perFile.get(where) ?? 0) + 1);
  }
  const rows = [
    ...status.problems.filter((problem) => !grouped || problem.state !== 'unrecorded').map((problem) => [problem.state, problem.unit, describe(problem, sourceLocale)]),
    ...[...perFile].map(([file, count]) => ['unrecorded', `${count} unit${count === 1 ? '' : 's'}`, `${file}: no source hash recorded`]),
  ];
  if (rows.length === 0) return [`${status.locale}: every translation is current.`];
  lines.push('', `${status.locale}: ${rows.length} to look at`);
  const stateWidth = Math.max(...rows.map((row) => row[0]!.length));
  const unitWidth = Math.max(...rows.map((row) => row[1]!.length));
  for (const [state, unit, where] of rows) lines.push(`  ${state!.padEnd(stateWidth)}  ${unit!.padEnd(unitWidth)}  ${where}`);
  lines.push('', ...advice(status));
  return lines;
}

function describe(problem: UnitProblem, sourceLocale: string): string {
  const where = formatPlace(problem.place);
  switch (problem.state) {
    case 'missing':
      return `${where}: no ${problem.absent === 'file' ? 'file' : problem.absent === 'item' ? 'item' : 'key'}`;
    case 'stale':
      return `${where}: the ${sourceLocale} text changed (${formatPlace(problem.source!)})`;
    case 'unrecorded':
      return `${where}: no source hash recorded`;
    case 'obsolete':
      return `${where}: no ${sourceLocale} text any more`;
  }
}

function advice(status: LocaleStatus): string[] {
  const lines: string[] = [];
  const { missing, stale, unrecorded } = status.counts;
  if (missing + stale > 0) lines.push(`To translate what is missing or stale: csi-report translations export --locale ${status.locale} --pending --out ${status.locale}.xlf`);
  if (unrecorded > 0) lines.push(`Once the unrecorded translations are checked against the English text: csi-report translations stamp --locale ${status.locale}`);
  if (status.problems.some((problem) => problem.state === 'obsolete')) lines.push('Obsolete translations have no English text any more: delete them, or restore the English text.');
  return lines;
}
