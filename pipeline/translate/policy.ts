import type { InputIssue, SourcePlace } from '../errors/errors.ts';
import type { LocaleContent, PipelineConfig } from '../ingest/types.ts';
import { tmsg } from './messages.ts';
import { listItemId, snippetId, stringId, textId } from './paths.ts';
import type { UnitKind } from './types.ts';

/** A unit of the source locale that a locale has no translation of. */
export interface MissingTranslation {
  /** The locale that lacks it. */
  locale: string;
  /** Unit id, as the status report and XLIFF files name it. */
  unit: string;
  /** What it is. */
  kind: UnitKind;
  /** Where the translation should be written. */
  place: SourcePlace;
  /** Where the source text is. */
  source: SourcePlace;
}

/** The missing translations of a locale and what the policy makes of them. */
export interface MissingTranslations {
  /** Every missing unit, in source order. */
  units: readonly MissingTranslation[];
  /** One issue per missing unit: an error under `fail`, a warning under `fallback`. */
  issues: readonly InputIssue[];
}

/**
 * What a locale lacks compared with the source locale, judged by the configured policy
 * (`translation.missing` in pipeline.config.yaml): under `fail` each gap is an error that stops
 * the build; under `fallback` it is a warning, and the build uses the source text with a
 * visible marker. Pure: it reads only the ingested content.
 */
export function missingTranslations(source: LocaleContent, target: LocaleContent, policy: PipelineConfig['translation']['missing']): MissingTranslations {
  const units: MissingTranslation[] = [];
  const add = (unit: string, kind: UnitKind, from: SourcePlace) => units.push({ locale: target.locale, unit, kind, place: { file: targetPath(from.file, source.locale, target.locale) }, source: from });
  for (const [document, files] of [['acr', source.acr], ['brief', source.brief]] as const) {
    const translated = document === 'acr' ? target.acr : target.brief;
    for (const [name, file] of files) if (!translated.has(name)) add(snippetId(document, name), 'snippet', { file: file.path });
  }
  for (const [list, items] of source.lists) {
    const translated = new Set((target.lists.get(list) ?? []).map((item) => item.id));
    for (const item of items) if (!translated.has(item.id)) add(listItemId(list.split('.'), item.id), 'list-item', item.place);
  }
  for (const [name, file] of source.partials) {
    if (!target.partials.has(name)) add(textId(documentOf(file.path), name), 'text', { file: file.path });
  }
  for (const [key, entry] of source.strings.entries) {
    if (!target.strings.entries.has(key)) add(stringId(key.split('.')[0]!, key.split('.').slice(1)), 'string', entry.place);
  }
  const severity = policy === 'fail' ? 'error' : 'warning';
  const issues = units.map((unit): InputIssue => ({ place: unit.place, ...tmsg.missingTranslation(unit.locale, unit.unit, unit.source.file, policy === 'fallback'), severity }));
  return { units, issues };
}

/** The same path in another locale: the last folder named after the source locale is swapped. */
function targetPath(file: string, sourceLocale: string, locale: string): string {
  const parts = file.split('/');
  const at = parts.lastIndexOf(sourceLocale);
  if (at >= 0) parts[at] = locale;
  return parts.join('/');
}

/** `templates/acr/text/en/x.md` → `acr`. */
function documentOf(path: string): string {
  const parts = path.split('/');
  return parts[parts.lastIndexOf('text') - 1] ?? 'acr';
}
