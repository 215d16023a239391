/**
 * Grammatical cases of the languages whose names inflect. A language listed here has its
 * case names checked in country.yaml and offered as slots by the new-country skeleton; a
 * language not listed inflects a name only where country.yaml gives forms for it (adding
 * one is a data change), and otherwise every case is the name as it stands (English).
 */
export const GRAMMATICAL_CASES: Readonly<Record<string, readonly string[]>> = {
  ru: ['nominative', 'genitive', 'dative', 'accusative', 'instrumental', 'prepositional'],
  kk: ['nominative', 'genitive', 'dative', 'accusative', 'locative', 'ablative', 'instrumental'],
};

/** The nominative: the name as `name:` gives it. */
export const NOMINATIVE = 'nominative';

/** A name's forms in the cases of each language: `{ru: {genitive: "Казахстана", …}}`. */
export type NameCases = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Why a name has no form in a case. */
export type CaseProblem =
  /** The language has no such case. */
  | { kind: 'unknown-case'; cases: readonly string[] }
  /** The language inflects names, and this form is not given. */
  | { kind: 'missing-form' };

/**
 * The name in a case: the nominative is the name itself; a language that inflects (listed
 * above, or given forms in the data) needs the form written; any other language has the name
 * in every case.
 */
export function nameInCase(name: string, cases: NameCases | undefined, locale: string, grammaticalCase: string): { form: string } | { problem: CaseProblem } {
  const known = GRAMMATICAL_CASES[locale];
  if (known && !known.includes(grammaticalCase)) return { problem: { kind: 'unknown-case', cases: known } };
  if (grammaticalCase === NOMINATIVE) return { form: name };
  const forms = cases?.[locale];
  if (!known && !forms) return { form: name };
  const form = forms?.[grammaticalCase];
  return form !== undefined ? { form } : { problem: { kind: 'missing-form' } };
}
