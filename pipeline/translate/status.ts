import type { PipelineConfig } from '../ingest/types.ts';
import { collectUnits } from './collect.ts';
import { sourceHash } from './hash.ts';
import type { LocaleStatus, StateCounts, TranslationStatus, TranslationUnit, UnitKind, UnitProblem, UnitSet, UnitState } from './types.ts';

/** Unit kinds in the order the status table shows them. */
export const UNIT_KINDS: readonly UnitKind[] = ['snippet', 'list-item', 'text', 'string', 'data-text'];

/**
 * What is missing, stale or unrecorded in each translated locale of a country. `locales`
 * narrows the report; by default every configured locale except the source is reported.
 * Throws `InputError` when a file cannot be read.
 */
export function statusReport(root: string, config: PipelineConfig, country: string, locales?: readonly string[]): TranslationStatus {
  const targets = locales ?? config.locales.filter((locale) => locale !== config.sourceLocale);
  return { country, sourceLocale: config.sourceLocale, locales: targets.map((locale) => localeStatus(collectUnits(root, config, country, locale))) };
}

/** The state of one unit, given the recorded hashes of its locale. */
export function unitState(unit: TranslationUnit, set: UnitSet): UnitState {
  if (!unit.translation) return 'missing';
  const recorded = set.records[unit.scope].hashes.get(unit.id);
  if (recorded === undefined) return 'unrecorded';
  return recorded === sourceHash(unit.source.text) ? 'current' : 'stale';
}

/** True when a status should fail a CI gate: something is missing or stale somewhere. */
export function needsWork(status: TranslationStatus): boolean {
  return status.locales.some((locale) => locale.counts.missing > 0 || locale.counts.stale > 0);
}

function localeStatus(set: UnitSet): LocaleStatus {
  const counts = emptyCounts();
  const byKind = Object.fromEntries(UNIT_KINDS.map((kind) => [kind, emptyCounts()])) as Record<UnitKind, StateCounts>;
  const problems: UnitProblem[] = [];
  for (const unit of set.units) {
    const state = unitState(unit, set);
    for (const tally of [counts, byKind[unit.kind]]) {
      tally.units += 1;
      tally[state] += 1;
    }
    if (state !== 'current') problems.push(problemOf(unit, state, set));
  }
  for (const unit of set.obsolete) problems.push({ unit: unit.id, kind: unit.kind, state: 'obsolete', place: unit.place });
  return { locale: set.locale, counts, byKind, problems };
}

function problemOf(unit: TranslationUnit, state: Exclude<UnitState, 'current'>, set: UnitSet): UnitProblem {
  const problem: UnitProblem = { unit: unit.id, kind: unit.kind, state, place: unit.translation?.place ?? { file: unit.target.file }, source: unit.source.place };
  if (state === 'missing') problem.absent = absence(unit, set);
  if (state === 'stale') {
    problem.recorded = set.records[unit.scope].hashes.get(unit.id);
    problem.current = sourceHash(unit.source.text);
  }
  return problem;
}

/** Whether a missing translation lacks its whole file, or only a key or item in a file that exists. */
function absence(unit: TranslationUnit, set: UnitSet): UnitProblem['absent'] {
  if (unit.target.kind === 'file') return 'file';
  if (!set.files.has(unit.target.file)) return 'file';
  return unit.target.kind === 'list-item' ? 'item' : 'key';
}

function emptyCounts(): StateCounts {
  return { units: 0, current: 0, missing: 0, stale: 0, unrecorded: 0 };
}
