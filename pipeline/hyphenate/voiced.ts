import type { Syllabify } from './token.ts';

/** Vowel letters of the Cyrillic alphabets this module hyphenates (Russian and Kazakh). */
export const CYRILLIC_VOWELS: ReadonlySet<string> = new Set([...'аәеёиоөуұүыіэюя']);

/**
 * The breaks moved so that every piece holds a vowel. Patterns meet words they were not made
 * from (Kazakh endings on a Russian stem, abbreviations) and can cut off consonants on their
 * own (цик-л-дер-мен): the break before such consonants goes, the one after them stays
 * (цикл-дер-мен), and a last piece without a vowel joins the one before.
 */
export function everyPieceVoiced(syllabify: Syllabify, vowels: ReadonlySet<string>): Syllabify {
  return (letters) => {
    const voiced = (from: number, to: number) => {
      for (let index = from; index < to; index++) if (vowels.has(letters[index]!)) return true;
      return false;
    };
    const kept: number[] = [];
    for (const at of [...syllabify(letters)].sort((a, b) => a - b)) {
      const last = kept[kept.length - 1] ?? 0;
      if (at <= last) continue;
      if (voiced(last, at)) kept.push(at);
      else if (kept.length > 0) kept[kept.length - 1] = at;
    }
    while (kept.length > 0 && !voiced(kept[kept.length - 1]!, letters.length)) kept.pop();
    return kept;
  };
}
