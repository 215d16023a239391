import { InputError } from '../errors/errors.ts';
import type { PipelineConfig } from '../ingest/types.ts';
import { closest } from '../util/text.ts';
import { collectUnits } from './collect.ts';
import { sourceHash } from './hash.ts';
import { tmsg } from './messages.ts';
import { updatedRecords } from './records.ts';
import { unitState } from './status.ts';
import { writeProjectFiles } from './write.ts';

/** What a stamp did. */
export interface StampResult {
  /** Locale stamped. */
  locale: string;
  /** Units whose current English hash is now recorded. */
  stamped: string[];
  /** Stamped units that were stale: their translations now count as matching the new English text. */
  refreshed: string[];
  /** Units asked for (or all) that have no translation, so nothing was recorded for them. */
  untranslated: string[];
  /** Project-relative paths of the source-hash files written. */
  written: string[];
}

/**
 * Records the current English hash for translated units of a locale: all of them, or the
 * given unit ids. Run it once a translator has brought the translations up to date by hand;
 * from then on a change of the English text marks them stale. A stale unit stamped counts as
 * current afterwards, so the result names those (`refreshed`) for the caller to show. Throws
 * `InputError` for an unknown unit id, before anything is written.
 */
export function stampTranslations(root: string, config: PipelineConfig, country: string, locale: string, units?: readonly string[]): StampResult {
  const set = collectUnits(root, config, country, locale);
  const byId = new Map(set.units.map((unit) => [unit.id, unit]));
  if (units) {
    const unknown = units.filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      const ids = [...byId.keys()];
      throw new InputError(unknown.map((id) => ({ place: { file: set.records.narrative.file }, ...tmsg.unknownStampUnit(id, closest(id, ids, 4)), severity: 'error' as const })));
    }
  }
  const chosen = units ? units.map((id) => byId.get(id)!) : set.units;
  const updates = new Map<string, string>();
  const untranslated: string[] = [];
  const refreshed: string[] = [];
  for (const unit of chosen) {
    if (!unit.translation) untranslated.push(unit.id);
    else {
      if (unitState(unit, set) === 'stale') refreshed.push(unit.id);
      updates.set(unit.id, sourceHash(unit.source.text));
    }
  }
  const written = writeProjectFiles(root, updatedRecords(set, updates));
  return { locale, stamped: [...updates.keys()], refreshed, untranslated, written };
}
