import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputIssue } from '../errors/errors.ts';
import type { Correction } from '../ingest/types.ts';
import { DEFAULT_DECIMALS } from '../format/number.ts';
import { numberText, type Manifest } from './manifest.ts';
import { publishedStateName, temporaryName } from '../util/output-names.ts';

/**
 * What a country's builds remember of their publications beyond the edition itself, in
 * `output/.published-<country>.json`. It is not part of the edition: the edition (its
 * manifest included) depends on the input alone, while this depends on what was published
 * before.
 */
export interface PublishedState {
  /** Digest of the inputs of the build that wrote it. */
  inputsDigest: string;
  /** That build's warnings, repeated when a later build finds nothing changed. */
  warnings: InputIssue[];
  /**
   * Indicators whose value was changed with no entry in the corrections log, with the value
   * published before that change: what the next builds compare with, until the change is
   * logged or undone.
   */
  unlogged: Record<string, string>;
}

function stateFile(outputDir: string, country: string): string {
  return join(outputDir, publishedStateName(country));
}

/** The state the last build of the country left, if any. */
export function readPublishedState(outputDir: string, country: string): PublishedState | undefined {
  try {
    const state = JSON.parse(readFileSync(stateFile(outputDir, country), 'utf8')) as PublishedState;
    return typeof state.inputsDigest === 'string' && Array.isArray(state.warnings) && typeof state.unlogged === 'object' ? state : undefined;
  } catch {
    // None yet, or damaged: the unlogged changes of earlier builds are then compared with the previous manifest only.
    return undefined;
  }
}

/** Writes the state whole (a temporary name, then a rename). */
export function writePublishedState(outputDir: string, country: string, state: PublishedState): void {
  const file = stateFile(outputDir, country);
  const temp = temporaryName(file, process.pid);
  try {
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Values that differ from their last published value with no entry in the corrections log.
 * The last published value is the one an earlier unlogged change replaced (kept in the
 * state), else the previous manifest's: so a change is warned about at every build until it
 * is logged or undone, whatever else changes meanwhile.
 */
export function unloggedChanges(current: Manifest, previous: Manifest | undefined, state: PublishedState | undefined, corrections: readonly Correction[], decimalsOf: (id: string) => number | undefined): { unlogged: Record<string, string>; changes: { id: string; old: string; new: string; place: string }[] } {
  const unlogged: Record<string, string> = {};
  const changes: { id: string; old: string; new: string; place: string }[] = [];
  if (!previous) return { unlogged, changes };
  for (const [id, { raw, place }] of Object.entries(current.values)) {
    const published = state?.unlogged[id] ?? previous.values[id]?.raw;
    if (published === undefined || published === raw) continue;
    const decimals = decimalsOf(id) ?? DEFAULT_DECIMALS;
    if (corrections.some((c) => c.indicator === id && numberText(c.new, decimals) === raw)) continue;
    unlogged[id] = published;
    changes.push({ id, old: published, new: raw, place });
  }
  return { unlogged, changes };
}
