import type { Message } from '../errors/messages.ts';

const list = (items: readonly string[]): string => items.map((item) => `"${item}"`).join(', ');

/**
 * The messages of the translation workflow, each with what to do about it. They follow the
 * wording of `errors/messages.ts`; places (file:line) are added by the caller.
 */
export const tmsg = {
  // ── source-hash files ───────────────────────────────────────────────────────────────
  recordsShape: (): Message => ({
    message: 'this is not a map from unit ids to source hashes',
    hint: 'This file is written by `csi-report translations stamp`; delete it and stamp again.',
  }),
  badRecordedHash: (unit: string): Message => ({
    message: `the recorded source hash of "${unit}" is not 16 hex digits`,
    hint: 'Remove the line and run `csi-report translations stamp` for the locale to record it again.',
  }),

  // ── the XLIFF file as XML ─────────────────────────────────────────────────────────────
  xliffMissing: (): Message => ({
    message: 'the XLIFF file does not exist',
    hint: 'Give the path of the translated file, relative to the current folder.',
  }),
  xmlMalformed: (detail: string): Message => ({
    message: `this is not well-formed XML: ${detail}`,
    hint: 'Fix the XML at this place, or export the file again from your translation tool.',
  }),
  notXliff: (found: string): Message => ({
    message: `the root element is <${found}>, not an XLIFF 2.0 <xliff>`,
    hint: 'Import an XLIFF 2.0 file (namespace urn:oasis:names:tc:xliff:document:2.0), as `csi-report translations export` writes it.',
  }),
  xliffVersion: (found: string): Message => ({
    message: `the XLIFF version is "${found}", not 2.0`,
    hint: 'Save the file from your translation tool as XLIFF 2.0.',
  }),
  sourceLanguage: (found: string, expected: string): Message => ({
    message: `the source language is "${found}", not "${expected}"`,
    hint: `Translations are made from the "${expected}" texts; export them with \`csi-report translations export\`.`,
  }),
  targetLanguage: (found: string, known: readonly string[]): Message => ({
    message: found ? `the target language "${found}" is not a locale this project translates into` : 'the file names no target language (trgLang)',
    hint: `Set trgLang on <xliff> to one of ${list(known)}.`,
  }),
  targetLangMismatch: (found: string, trgLang: string): Message => ({
    message: `this target is marked as "${found}", but the file translates into "${trgLang}"`,
    hint: `Correct xml:lang on <target>, or remove it.`,
  }),
  countryMismatch: (found: string, country: string): Message => ({
    message: `the file was exported for "${found}", but the country is "${country}"`,
    hint: `Import it with --country ${found}, or export the file for "${country}".`,
  }),
  localeMismatch: (trgLang: string, asked: string): Message => ({
    message: `the file translates into "${trgLang}", but --locale ${asked} was given`,
    hint: 'Import the file meant for that locale, or leave out --locale.',
  }),
  unitWithoutId: (): Message => ({
    message: 'this <unit> has no id',
    hint: 'Every unit keeps the id it was exported with.',
  }),
  duplicateUnit: (unit: string, firstLine: number): Message => ({
    message: `the unit "${unit}" appears twice (first at line ${firstLine})`,
    hint: 'Keep one of them.',
  }),
  unknownUnit: (unit: string, near: string | undefined): Message => ({
    message: `"${unit}" is not a unit of this project`,
    hint: near ? `Did you mean "${near}"? Unit ids must stay as exported.` : 'The English text may have been removed since the export; export again and carry the translation over.',
  }),
  unknownPlaceholder: (unit: string, id: string): Message => ({
    message: `unit "${unit}": the placeholder <ph id="${id}"> is not in the source`,
    hint: 'Use only the placeholders of the source segment; remove this one.',
  }),
  unsupportedCode: (unit: string, element: string): Message => ({
    message: `unit "${unit}": the target contains <${element}>, which the source does not have`,
    hint: 'The exported files use only <ph/> placeholders; turn this code back into text or remove it.',
  }),

  // ── placeholders and syntax of a translation ────────────────────────────────────────
  placeholderMissing: (unit: string, code: string): Message => ({
    message: `unit "${unit}": the placeholder ${code} is missing from the translation`,
    hint: 'Copy the placeholder from the source into the translation, where the sentence needs it.',
  }),
  placeholderAdded: (unit: string, code: string): Message => ({
    message: `unit "${unit}": the placeholder ${code} is not in the source`,
    hint: 'Remove it; a translation uses the placeholders of the source, no others.',
  }),
  placeholderChanged: (unit: string, from: string, to: string): Message => ({
    message: `unit "${unit}": the placeholder ${from} was changed to ${to}`,
    hint: `Restore ${from} exactly as in the source.`,
  }),
  badHandlebars: (unit: string, detail: string): Message => ({
    message: `unit "${unit}": the translation is not valid Handlebars: ${detail}`,
    hint: 'Keep every {{#if …}} with its {{else}} and {{/if}} in the order of the source.',
  }),
  badIcu: (unit: string, detail: string): Message => ({
    message: `unit "${unit}": the translation is not valid ICU MessageFormat: ${detail}`,
    hint: 'Check the braces: {name}, {count, plural, one {…} other {…}}.',
  }),
  pluralMissing: (unit: string, argument: string, missing: readonly string[], locale: string, allowed: readonly string[]): Message => ({
    message: `unit "${unit}": the plural of {${argument}} has no ${list(missing)} form, which "${locale}" needs`,
    hint: `Give every category of "${locale}": ${list(allowed)} (e.g. Russian: one {# год} few {# года} many {# лет} other {# года}).`,
  }),
  pluralKeyword: (unit: string, keyword: string, locale: string, allowed: readonly string[]): Message => ({
    message: `unit "${unit}": "${keyword}" is not a plural category of "${locale}"`,
    hint: `Use ${list(allowed)} or an exact value like =0.`,
  }),

  // ── notices of an import ─────────────────────────────────────────────────────────────
  partlyTranslated: (unit: string): Message => ({
    message: `unit "${unit}" is only partly translated; it was not imported`,
    hint: 'Translate every segment of the unit and import the file again.',
  }),
  sourceChanged: (unit: string): Message => ({
    message: `the English text of "${unit}" changed after this file was exported`,
    hint: 'The translation was imported and stays marked stale; export again to see the new English text.',
  }),

  // ── the command line, stamp and the build's policy ──────────────────────────────────
  sourceIsNotTranslated: (locale: string): Message => ({
    message: `"${locale}" is the source locale: it is translated from, not into`,
    hint: 'Name one of the other configured locales with --locale.',
  }),
  unknownStampUnit: (unit: string, near: string | undefined): Message => ({
    message: `"${unit}" is not a unit of this project`,
    hint: near ? `Did you mean "${near}"?` : 'Run `csi-report translations status` to see the unit ids.',
  }),
  missingTranslation: (locale: string, unit: string, source: string, fallback: boolean): Message => ({
    message: `the ${locale} translation of "${unit}" is missing`,
    hint: fallback
      ? `The English text (${source}) is used, marked as untranslated. \`csi-report translations export --locale ${locale}\` writes what is left to translate.`
      : `Translate ${source}; \`csi-report translations export --locale ${locale}\` writes what is left to translate. Or set translation.missing: fallback in pipeline.config.yaml.`,
  }),
  missingDataText: (locale: string, unit: string, sourceLocale: string, fallback: boolean): Message => ({
    message: `the ${locale} translation of "${unit}" is missing`,
    hint: `Add "${locale}: …" beside "${sourceLocale}:" in this map.${fallback ? ` Until then the ${sourceLocale} text is used, marked as untranslated.` : ' Or set translation.missing: fallback in pipeline.config.yaml.'}`,
  }),
} as const;
