import type { Correction, RawValue } from './types.ts';
import type { InputReader } from '../input/read.ts';
import { correctionsSchema } from './schemas/content.ts';
import { validateYaml } from '../input/validate.ts';
import { issueAt } from '../input/yaml-file.ts';
import { DEFAULT_DECIMALS, formatMeasured } from '../format/number.ts';

/**
 * Reads the corrections log and checks it against the data: a logged new value that the data
 * does not hold is an error, so the published record can never claim a correction that was
 * not made.
 */
export function readCorrections(reader: InputReader, path: string, values: ReadonlyMap<string, RawValue> | undefined): Correction[] {
  if (!reader.exists(path)) return [];
  const yaml = reader.yaml(path, 'corrections log');
  if (!yaml || !validateYaml(yaml, correctionsSchema, reader.issues, reader.valid)) return [];
  const entries = yaml.value.corrections;
  const corrections = entries.map((entry, index) => ({ ...entry, place: yaml.placeOf(['corrections', index]) }));
  corrections.forEach((correction, index) => {
    const raw = values?.get(correction.indicator);
    if (values && !raw) {
      reader.issues.push(issueAt(yaml.placeOf(['corrections', index, 'indicator']), {
        message: `"${correction.indicator}" is not an indicator with a value`,
        hint: 'Name the indicator whose raw value was corrected, as in indicators.yaml.',
      }));
      return;
    }
    const later = corrections.slice(index + 1).some((c) => c.indicator === correction.indicator);
    if (raw && !later && raw.value !== correction.new) {
      reader.issues.push(issueAt(yaml.placeOf(['corrections', index, 'new']), {
        message: `the log says indicator "${correction.indicator}" was corrected to ${formatMeasured(correction.new, 'en-US', raw.decimals ?? DEFAULT_DECIMALS, false)}, but the data holds ${raw.value !== undefined ? formatMeasured(raw.value, 'en-US', raw.decimals ?? DEFAULT_DECIMALS, false) : 'a composite value'}`,
        hint: `Change the value in ${raw.place.file}:${raw.place.line} to ${formatMeasured(correction.new, 'en-US', raw.decimals ?? DEFAULT_DECIMALS, false)}, or correct this entry.`,
      }));
    }
  });
  return corrections.sort((a, b) => a.date.localeCompare(b.date));
}
