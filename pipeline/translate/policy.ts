import type { InputIssue, SourcePlace } from '../errors/errors.ts';
import type { ListItem, LocaleContent, PipelineConfig, TextFile } from '../ingest/types.ts';
import { tmsg } from './messages.ts';
import { listItemId, snippetId, stringId, textId } from './paths.ts';
import type { TranslationUnit, UnitKind } from './types.ts';

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

/** What a build covers, beyond the locale content: its documents and the texts of its data files. */
export interface PolicyScope {
  /** Documents built; snippets and generic texts of other documents are not looked at. Every document when absent. */
  documents?: readonly ('acr' | 'brief')[];
  /** The localised texts of the data files the build reads, as `translate/data-texts.ts` collects them for the locale. */
  dataTexts?: readonly TranslationUnit[];
}

/**
 * What a locale lacks compared with the source locale, judged by the configured policy
 * (`translation.missing` in pipeline.config.yaml): under `fail` each gap is an error that stops
 * the build; under `fallback` it is a warning, and the build uses the source text with a
 * visible marker (`withFallbacks`). The build applies it to every edition it makes, for every
 * kind of unit: narrative snippets, list items, generic texts, UI strings and data texts.
 * Pure: it reads only the ingested content and the collected data texts.
 */
export function missingTranslations(source: LocaleContent, target: LocaleContent, policy: PipelineConfig['translation']['missing'], scope: PolicyScope = {}): MissingTranslations {
  const units: MissingTranslation[] = [];
  const add = (unit: string, kind: UnitKind, from: SourcePlace, place: SourcePlace = { file: targetPath(from.file, source.locale, target.locale) }) => units.push({ locale: target.locale, unit, kind, place, source: from });
  const documents = scope.documents ?? ['acr', 'brief'];
  for (const [document, files] of [['acr', source.acr], ['brief', source.brief]] as const) {
    if (!documents.includes(document)) continue;
    const translated = document === 'acr' ? target.acr : target.brief;
    for (const [name, file] of files) if (!translated.has(name)) add(snippetId(document, name), 'snippet', { file: file.path });
  }
  for (const [list, items] of source.lists) {
    const translated = new Set((target.lists.get(list) ?? []).map((item) => item.id));
    for (const item of items) if (!translated.has(item.id)) add(listItemId(list.split('.'), item.id), 'list-item', item.place);
  }
  for (const [name, file] of source.partials) {
    const document = documentOf(file.path);
    if (documents.includes(document as 'acr' | 'brief') && !target.partials.has(name)) add(textId(document, name), 'text', { file: file.path });
  }
  for (const [key, entry] of source.strings.entries) {
    if (!target.strings.entries.has(key)) add(stringId(key.split('.')[0]!, key.split('.').slice(1)), 'string', entry.place);
  }
  // A data text's translation is written beside its source, in the same map of the same file.
  for (const unit of scope.dataTexts ?? []) if (!unit.translation) add(unit.id, 'data-text', unit.source.place, { file: unit.target.file, line: unit.source.place.line });
  const severity = policy === 'fail' ? 'error' : 'warning';
  const issues = units.map((unit): InputIssue => ({
    place: unit.place,
    ...(unit.kind === 'data-text' ? tmsg.missingDataText(unit.locale, unit.unit, source.locale, policy === 'fallback') : tmsg.missingTranslation(unit.locale, unit.unit, sourceName(unit), policy === 'fallback')),
    severity,
  }));
  return { units, issues };
}

/**
 * The locale's content with the source text standing in for every missing snippet, generic
 * text and list item, each marked: snippets and list items carry `untranslated`, a generic
 * text opens with `marker` (an italic sentence of its own). UI strings fall back in `Messages`
 * and data texts where they are looked up. What stands in is what `missingTranslations`
 * reported, so the policy's messages and the document agree.
 */
export function withFallbacks(source: LocaleContent, target: LocaleContent, marker: string): LocaleContent {
  if (source.locale === target.locale) return target;
  const snippets = (own: ReadonlyMap<string, TextFile>, from: ReadonlyMap<string, TextFile>) => {
    const merged = new Map(own);
    for (const [name, file] of from) if (!merged.has(name)) merged.set(name, { ...file, untranslated: true });
    return merged;
  };
  const partials = new Map(target.partials);
  for (const [name, file] of source.partials) if (!partials.has(name)) partials.set(name, { ...file, text: `*${marker}*\n\n${file.text}`, untranslated: true });
  const lists = new Map(target.lists);
  for (const [key, items] of source.lists) {
    const own = target.lists.get(key) ?? [];
    const translated = new Map(own.map((item) => [item.id, item]));
    if (items.every((item) => translated.has(item.id))) continue;
    // In the source's order, the translation where there is one; items only the translation has stay at the end.
    const merged: ListItem[] = items.map((item) => translated.get(item.id) ?? { ...item, untranslated: true });
    const known = new Set(items.map((item) => item.id));
    lists.set(key, [...merged, ...own.filter((item) => !known.has(item.id))]);
  }
  return { ...target, acr: snippets(target.acr, source.acr), brief: snippets(target.brief, source.brief), partials, lists };
}

/** Where the text to translate is: a file, or a file and line for a key, item or data text. */
function sourceName(unit: MissingTranslation): string {
  return unit.source.line === undefined ? unit.source.file : `${unit.source.file}:${unit.source.line}`;
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
