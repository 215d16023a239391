/** A plural of an ICU message, as the parser of intl-messageformat gives it (only what is read here). */
interface AstElement {
  type: number;
  value?: unknown;
  pluralType?: 'cardinal' | 'ordinal';
  options?: Record<string, { value: readonly AstElement[] }>;
  children?: readonly AstElement[];
}

/** A plural that lacks categories its language needs. */
export interface PluralGap {
  /** The plural's argument, e.g. `count`. */
  argument: string;
  /** The categories missing, e.g. `few`, `many` for Russian. */
  missing: string[];
  /** Every category of the language. */
  categories: string[];
}

const pluralType = 6;

/**
 * Plurals that lack a category of the language: a Russian `{count, plural, one {…} other {…}}`
 * would print "other" for 2–4 and 5–20, where Russian needs `few` and `many`. The language's
 * categories come from `Intl.PluralRules`; `other` is always required by ICU and checked by it.
 */
export function pluralGaps(elements: readonly AstElement[], locale: string): PluralGap[] {
  const gaps: PluralGap[] = [];
  for (const element of elements) {
    if (element.type === pluralType) {
      const categories = pluralCategories(locale, element.pluralType ?? 'cardinal');
      const missing = formsMissing(element.options ?? {}, categories);
      if (missing.length > 0) gaps.push({ argument: String(element.value), missing, categories });
    }
    for (const option of Object.values(element.options ?? {})) gaps.push(...pluralGaps(option.value, locale));
    if (element.children) gaps.push(...pluralGaps(element.children, locale));
  }
  return gaps;
}

/**
 * The categories a plural lacks. A plural with `other` alone says the word does not change
 * (Kazakh "1 адам", "5 адам"); one that tells forms apart must give every form of the language.
 */
export function formsMissing(options: Readonly<Record<string, unknown>>, categories: readonly string[]): string[] {
  const given = Object.keys(options).filter((key) => !key.startsWith('='));
  if (given.length === 1 && given[0] === 'other') return [];
  return categories.filter((category) => !given.includes(category));
}

const order = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The plural categories of a language in CLDR's order: zero, one, two, few, many, other. */
export function pluralCategories(locale: string, type: 'cardinal' | 'ordinal' = 'cardinal'): string[] {
  return (new Intl.PluralRules(locale, { type }).resolvedOptions().pluralCategories as string[]).sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
