import type { DataConflict, LocalisedText, RawValue } from './types.ts';
import type { InputReader } from '../input/read.ts';
import { conflictsSchema } from './schemas/content.ts';
import { validateYaml } from '../input/validate.ts';
import { issueAt, type YamlFile } from '../input/yaml-file.ts';

/**
 * Reads the record of values on which the sources disagree and checks it against the data: the
 * value the report says it uses must be one of the recorded values and the one `indicators.yaml`
 * holds, so the note on the data can never describe a choice the scores did not make.
 */
export function readConflicts(reader: InputReader, path: string, values: ReadonlyMap<string, RawValue> | undefined, locales: readonly string[]): DataConflict[] {
  if (!reader.exists(path)) return [];
  const yaml = reader.yaml(path, 'record of conflicting values');
  if (!yaml || !validateYaml(yaml, conflictsSchema, reader.issues, reader.valid)) return [];
  const entries = yaml.value.conflicts;
  const seen = new Map<string, number>();
  return entries.map((entry, index) => {
    const at = (...path: (string | number)[]) => yaml.placeOf(['conflicts', index, ...path]);
    const first = seen.get(entry.indicator);
    if (first !== undefined) {
      reader.issues.push(issueAt(at('indicator'), {
        message: `indicator "${entry.indicator}" is recorded twice`,
        hint: `Keep one entry per indicator; the first is entry ${first + 1}.`,
      }));
    }
    seen.set(entry.indicator, index);
    checkLocales(reader, yaml, ['conflicts', index, 'reason'], entry.reason, locales);
    entry.values.forEach((v, i) => checkLocales(reader, yaml, ['conflicts', index, 'values', i, 'where'], v.where, locales));
    if (!entry.values.some((v) => v.value === entry.used)) {
      reader.issues.push(issueAt(at('used'), {
        message: `the value used, ${entry.used}, is not one of the recorded values (${entry.values.map((v) => v.value).join(', ')})`,
        hint: 'Record where the used value comes from under "values", or correct "used".',
      }));
    }
    const raw = values?.get(entry.indicator);
    if (values && !raw) {
      reader.issues.push(issueAt(at('indicator'), {
        message: `"${entry.indicator}" is not an indicator with a value`,
        hint: 'Name an indicator of indicators.yaml.',
      }));
    } else if (raw && raw.value !== entry.used) {
      reader.issues.push(issueAt(at('used'), {
        message: `the note says indicator "${entry.indicator}" uses ${entry.used}, but the data holds ${raw.value ?? 'a value that is not a single number'}`,
        hint: `Make ${raw.place.file}:${raw.place.line} and "used" agree: the note must describe the value the scores are computed from.`,
      }));
    }
    return { ...entry, place: at() };
  });
}

/** A text the note prints must be there in every language the country is published in. */
function checkLocales(reader: InputReader, yaml: YamlFile, path: (string | number)[], text: LocalisedText, locales: readonly string[]): void {
  const missing = locales.filter((locale) => !text[locale]?.trim());
  if (missing.length === 0) return;
  reader.issues.push(issueAt(yaml.placeOf(path), {
    message: `the text has no ${missing.join(', ')} version`,
    hint: `Add ${missing.map((locale) => `"${locale}: …"`).join(', ')}: the note on the data is printed in every edition.`,
  }));
}
