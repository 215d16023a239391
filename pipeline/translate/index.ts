/**
 * The translation workflow: what is missing or stale in each locale, XLIFF 2.0 for translators'
 * tools, and the policy the build applies to a missing translation. Units are the narrative
 * snippets, list items, generic texts, UI strings and localised texts of the data files.
 *
 *   English texts + translations + <locale>.sources.yaml
 *     ─► collectUnits ─┬─► statusReport ─► renderStatus     (csi-report translations status)
 *                      └─► renderXliff ─► .xlf              (… export)
 *   .xlf ─► readXliff ─► checkTranslation ─► applyTranslations + source hashes   (… import)
 *   translations ─► stampTranslations ─► source hashes      (… stamp)
 *   ingested content ─► missingTranslations ─► issues        (the build's policy)
 */
export { collectUnits } from './collect.ts';
export { checkTranslation, type CheckProblem } from './check.ts';
export { runTranslationsCommand, TranslationExit } from './cli.ts';
export { sourceHash } from './hash.ts';
export { missingTranslations, type MissingTranslation, type MissingTranslations } from './policy.ts';
export { renderStatus } from './render-status.ts';
export { stampTranslations, type StampResult } from './stamp.ts';
export { needsWork, statusReport, unitState } from './status.ts';
export { exportXliff, renderXliff, type ExportOptions, type XliffExport } from './xliff-export.ts';
export { importXliff, type ImportOptions, type ImportResult } from './xliff-import.ts';
export type * from './types.ts';
