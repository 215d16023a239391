import type { InputIssue } from '../errors/errors.ts';
import { InputReader } from '../input/read.ts';
import type { YamlFile } from '../input/yaml-file.ts';
import type { Dataset } from '../ingest/types.ts';
import { collectDataTexts } from './data-texts.ts';
import { missingTranslations, withFallbacks } from './policy.ts';
import type { LocaleContent } from '../ingest/types.ts';
import { snippetId } from './paths.ts';
import { tmsg } from './messages.ts';
import { briefTextNames } from '../compose/brief-texts.ts';
import type { Scores } from '../score/index.ts';

/** The translation policy applied to the editions of one build. */
export interface PolicyOutcome {
  /** Missing units under `fail`, one error each, naming the file to write. */
  errors: InputIssue[];
  /** Missing units under `fallback`, one warning each. */
  warnings: InputIssue[];
  /** Per locale built: the dataset its documents are composed from, missing units filled in and marked. */
  datasets: Map<string, Dataset>;
}

/**
 * The build's one translation policy (`translation.missing`): `missingTranslations` finds what
 * each edition lacks — snippets and generic texts of the documents built, list items, UI
 * strings, and the texts of the data files it reads — and `withFallbacks` gives the documents
 * the source text in its place, marked. Under `fail` the gaps are errors, so a document with a
 * stand-in is never published; under `fallback` they are warnings.
 */
export function translationPolicy(root: string, dataset: Dataset, scores: Scores, locales: readonly string[], parsed: Map<string, YamlFile | undefined> = new Map()): PolicyOutcome {
  const { config } = dataset;
  const source = dataset.content.get(config.sourceLocale);
  const outcome: PolicyOutcome = { errors: [], warnings: [], datasets: new Map() };
  if (!source) {
    for (const locale of locales) outcome.datasets.set(locale, dataset);
    return outcome;
  }
  const read = new Set(dataset.files);
  // Each language goes over the same data files, which the ingest read too (`parsed`): each is parsed once.
  const reader = new InputReader(root, { parsed });
  const marker = source.strings.entries.get('document.untranslated')?.text ?? '';
  for (const locale of locales) {
    const target = dataset.content.get(locale)!;
    if (locale === config.sourceLocale) {
      outcome.datasets.set(locale, dataset);
      continue;
    }
    // Only the data files this build reads: the country's framework and its own files.
    const dataTexts = collectDataTexts(reader, config, dataset.country.id, locale).units.filter((unit) => read.has(unit.target.file));
    const { issues } = missingTranslations(source, target, config.translation.missing, { documents: dataset.editions.documents, dataTexts });
    for (const issue of [...issues, ...unwrittenBriefTexts(dataset, scores, source, target)]) (issue.severity === 'error' ? outcome.errors : outcome.warnings).push(issue);
    const ownMarker = target.strings.entries.get('document.untranslated')?.text ?? marker;
    const content = new Map(dataset.content).set(locale, withFallbacks(source, target, ownMarker));
    outcome.datasets.set(locale, { ...dataset, content });
  }
  return outcome;
}

/**
 * The brief's texts (summary, a problem statement per priority issue, call to action, method)
 * when neither the source nor the translation has them yet: the source's gap is an error of
 * compose, and the translation is named here too, so a new country learns both files in one check.
 */
function unwrittenBriefTexts(dataset: Dataset, scores: Scores, source: LocaleContent, target: LocaleContent): InputIssue[] {
  if (!dataset.editions.documents.includes('brief')) return [];
  const dir = (locale: string) => `${dataset.config.dataDir}/countries/${dataset.country.id}/narrative/${locale}/brief`;
  const policy = dataset.config.translation.missing;
  return briefTextNames(dataset, scores)
    .filter((name) => !source.brief.has(name) && !target.brief.has(name))
    .map((name) => ({
      place: { file: `${dir(target.locale)}/${name}.md` },
      ...tmsg.missingTranslation(target.locale, snippetId('brief', name), `${dir(source.locale)}/${name}.md`, policy === 'fallback'),
      severity: policy === 'fail' ? ('error' as const) : ('warning' as const),
    }));
}
