import type { InputIssue } from '../errors/errors.ts';
import { GRAMMATICAL_CASES, NOMINATIVE, type NameCases } from '../format/cases.ts';
import { closest } from '../util/text.ts';
import type { LocalisedText } from './types.ts';
import { issueAt, type YamlFile } from '../input/yaml-file.ts';

/**
 * Checks the `cases:` of a name in country.yaml: every case is one of its language's (a typo
 * such as "genetive" would otherwise only surface where the narrative asks for it), and a
 * nominative, when written, is the name itself.
 */
export function checkNameCases(yaml: YamlFile, at: readonly string[], name: LocalisedText | undefined, cases: NameCases | undefined, issues: InputIssue[]): void {
  if (!cases || typeof cases !== 'object') return;
  for (const [locale, forms] of Object.entries(cases)) {
    if (!forms || typeof forms !== 'object') continue;
    const known = GRAMMATICAL_CASES[locale];
    for (const [grammaticalCase, form] of Object.entries(forms)) {
      const path = [...at, 'cases', locale, grammaticalCase];
      if (known && !known.includes(grammaticalCase)) {
        const near = closest(grammaticalCase, known);
        issues.push(issueAt(yaml.placeOfKey(path), {
          message: `"${grammaticalCase}" is not a case of ${locale}`,
          hint: `${near ? `Did you mean "${near}"? ` : ''}The cases of ${locale} are: ${known.join(', ')}.`,
        }));
      } else if (grammaticalCase === NOMINATIVE && name?.[locale] !== undefined && form !== name[locale]) {
        issues.push(issueAt(yaml.placeOf(path), {
          message: `the nominative "${form}" differs from the name "${name[locale]}"`,
          hint: `The nominative is the name under "name:"; remove it here, or make the two the same.`,
        }));
      }
    }
  }
}
