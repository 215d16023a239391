import type { Dataset } from '../ingest/types.ts';

/**
 * Words a reader does not expect to see hyphenated, from the country's data: the acronyms in
 * the edition's language (the hyphenator keeps two capitals together anyway, but "НМИ" in
 * lower-case inflection is one too) and every word of a person's name in the lists of people.
 * Place names and ordinary words break as the language's rules allow.
 */
export function unbreakableWords(dataset: Dataset, locale: string): string[] {
  const words = new Set<string>();
  const acronyms = (dataset.country.extra.acronyms ?? []) as readonly { short?: Readonly<Record<string, string>> }[];
  for (const acronym of acronyms) {
    const short = acronym.short?.[locale];
    if (short) words.add(short);
  }
  for (const list of dataset.people) {
    for (const group of list.groups) {
      for (const person of group.people) {
        for (const word of (person.name[locale] ?? '').split(/[\s,.]+/)) if (/\p{L}{2,}/u.test(word)) words.add(word);
      }
    }
  }
  return [...words];
}
