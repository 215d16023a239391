import { IntlMessageFormat } from 'intl-messageformat';
import type { InputIssue, SourcePlace } from '../errors/errors.ts';
import type { InputReader } from '../input/read.ts';
import { issueAt } from '../input/yaml-file.ts';
import { pluralGaps } from '../format/plurals.ts';
import type { LocaleStrings, StringEntry } from '../format/strings.ts';

/**
 * Reads `templates/locales/<locale>/*.yaml`. Each file is a namespace (`chart.yaml` gives keys
 * `chart.…`), so people can work on different parts without touching the same file. Every
 * text is checked to be valid ICU MessageFormat.
 */
export function readLocaleStrings(reader: InputReader, templatesDir: string, locale: string): LocaleStrings {
  const entries = new Map<string, StringEntry>();
  for (const file of reader.list(`${templatesDir}/locales/${locale}`, '.yaml')) {
    const yaml = reader.yaml(file, 'locale strings');
    if (!yaml || yaml.value === undefined) continue;
    const namespace = file.split('/').pop()!.replace(/\.yaml$/, '');
    // A file whose every string was found valid for this locale before (in this process or a
    // build before it: the reader's inputs known valid) is not checked again, string by string.
    const validKey = reader.valid.checkKey(`icu-strings:${locale}`, yaml.value);
    const known = reader.valid.has(validKey);
    const issuesBefore = reader.issues.length;
    flatten(yaml.value, [namespace], (path, text) => {
      const key = path.join('.');
      const place = yaml.placeOf(path.slice(1));
      if (known) {
        entries.set(key, { key, text: text as string, place });
        return;
      }
      if (typeof text !== 'string') {
        reader.issues.push(issueAt(place, { message: `the string "${key}" is not a text`, hint: 'Write the text in quotes.' }));
        return;
      }
      let format: IntlMessageFormat;
      try {
        format = new IntlMessageFormat(text, locale);
      } catch (error) {
        reader.issues.push(issueAt(place, {
          message: `the string "${key}" is not valid ICU MessageFormat: ${(error as Error).message}`,
          hint: 'Check the braces: {name}, {count, plural, one {…} other {…}}.',
        }));
        return;
      }
      const gaps = pluralGaps(format.getAst() as Parameters<typeof pluralGaps>[0], locale);
      for (const gap of gaps) {
        reader.issues.push(issueAt(place, {
          message: `the plural of {${gap.argument}} in "${key}" has no ${gap.missing.map((c) => `"${c}"`).join(', ')} form, which "${locale}" needs`,
          hint: `Give every category of "${locale}": ${gap.categories.map((c) => `${c} {…}`).join(' ')}.`,
        }));
      }
      if (gaps.length > 0) return;
      entries.set(key, { key, text, place });
    });
    if (!known && reader.issues.length === issuesBefore) reader.valid.add(validKey);
  }
  return { locale, entries };
}

function flatten(value: unknown, path: string[], visit: (path: string[], value: unknown) => void): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, [...path, key], visit);
  } else {
    visit(path, value);
  }
}

/** Checks that a translation has every key of the source locale; issues name the missing key. */
export function missingStrings(source: LocaleStrings, target: LocaleStrings, severity: 'error' | 'warning', templatesDir: string): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const [key, entry] of source.entries) {
    if (target.entries.has(key)) continue;
    const file = `${templatesDir}/locales/${target.locale}/${key.split('.')[0]}.yaml`;
    issues.push({
      place: { file },
      message: `the ${target.locale} string "${key}" is missing`,
      hint: `Translate "${entry.text}" (${entry.place.file}:${entry.place.line}) and add it under "${key.split('.').slice(1).join('.')}".`,
      severity,
    });
  }
  return issues;
}
