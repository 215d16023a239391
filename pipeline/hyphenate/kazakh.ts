import type { Syllabify } from './token.ts';

/**
 * Kazakh (Cyrillic script) syllabification. No TeX patterns exist for Kazakh, so breaks come
 * from its syllable structure, described by the tables below:
 *
 * - every syllable holds exactly one vowel letter;
 * - у and и after a vowel are the glides [w] and [j] and act as consonants (та-уып, тау-лы,
 *   тау), as у does at the start of a word before a vowel (уа-қыт); elsewhere they are vowels
 *   (о-қу-ы, ти-ім-ді);
 * - ь and ъ are not sounds of their own: they stay with the letter before them;
 * - consonants before the first vowel open the first syllable and those after the last close
 *   the last one; the consonants between two vowels are divided by CLUSTER_RULES.
 */

/** The vowel letters of the Kazakh Cyrillic alphabet. */
export const KAZAKH_VOWELS: ReadonlySet<string> = new Set([...'аәеёиоөуұүыіэюя']);

/** Vowel letters that are glides (consonants) after a vowel. */
const GLIDES: ReadonlySet<string> = new Set(['у', 'и']);

/** Glides that are also consonants at the start of a word when a vowel follows (уақыт, уәде). */
const INITIAL_GLIDES: ReadonlySet<string> = new Set(['у']);

/** Signs that belong to the letter before them and never begin a syllable. */
const SIGNS: ReadonlySet<string> = new Set(['ь', 'ъ']);

/**
 * Consonants that may close a Kazakh syllable before another consonant (sonorants and the
 * glides): айт-ты, жұрт-тың, транс-порт. An obstruent does not, so in Қазақ-стан only the
 * first of three consonants stays behind.
 */
const CODA_OPENERS: ReadonlySet<string> = new Set([...'рлмнңйу']);

/** How many of the consonants between two vowels stay with the first vowel's syllable. */
interface ClusterRule {
  /** Consonants between the two vowels. */
  readonly consonants: number;
  /** How many close the syllable before; the rest open the next. */
  readonly keep: (cluster: readonly string[]) => number;
  /** Examples, for the reader. */
  readonly examples: string;
}

/** The division of a run of consonants between two vowels; a run longer than the last row follows the last row's "all but one" rule. */
export const CLUSTER_RULES: readonly ClusterRule[] = [
  { consonants: 0, keep: () => 0, examples: 'ти-ім-ді, қи-ын, о-қу-ы' },
  { consonants: 1, keep: () => 0, examples: 'ба-ла, та-уып, ұ-йым' },
  { consonants: 2, keep: () => 1, examples: 'ал-ма, қо-ғам-дық, жа-уап-кер-ші-лік' },
  { consonants: 3, keep: (cluster) => (CODA_OPENERS.has(cluster[0]!) ? 2 : 1), examples: 'айт-ты, жұрт-тың, Қа-зақ-стан' },
  { consonants: 4, keep: (cluster) => cluster.length - 1, examples: 'ми-нистр-лік' },
];

/** Letters of the Russian alphabet that native Kazakh words do not use. */
const LOAN_LETTERS: ReadonlySet<string> = new Set([...'вёфхцчщъьэ']);

/** Letters of the Kazakh alphabet that Russian lacks. */
const KAZAKH_LETTERS: ReadonlySet<string> = new Set([...'әғқңөұүһі']);

const RUSSIAN_LETTERS: ReadonlySet<string> = new Set([...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя']);

/**
 * Whether a word in Kazakh text is better hyphenated by the Russian patterns: a Russian word
 * (all its letters Russian, none of them Kazakh) that shows it is not native Kazakh by a letter
 * Kazakh words do not use (фонд, процесс) or by two consonants at its start (программа, стратегия),
 * which Kazakh words never have. Loanwords that have taken Kazakh endings with Kazakh letters
 * (процесінде, стратегиясының) stay with the syllable rules, which divide them acceptably.
 */
export function isRussianLoan(letters: readonly string[]): boolean {
  if (!letters.every((letter) => RUSSIAN_LETTERS.has(letter)) || letters.some((letter) => KAZAKH_LETTERS.has(letter))) return false;
  if (letters.some((letter) => LOAN_LETTERS.has(letter))) return true;
  return letters.length >= 2 && !KAZAKH_VOWELS.has(letters[0]!) && !KAZAKH_VOWELS.has(letters[1]!) && !SIGNS.has(letters[1]!);
}

/** Whether each letter is the nucleus of a syllable (a vowel, not a glide). */
function nuclei(letters: readonly string[]): boolean[] {
  const vowel: boolean[] = [];
  letters.forEach((letter, index) => {
    if (!KAZAKH_VOWELS.has(letter)) {
      vowel.push(false);
      return;
    }
    const afterVowel = index > 0 && vowel[index - 1] === true;
    const initialGlide = index === 0 && INITIAL_GLIDES.has(letter) && letters.length > 1 && KAZAKH_VOWELS.has(letters[1]!);
    vowel.push(!(GLIDES.has(letter) && (afterVowel || initialGlide)));
  });
  return vowel;
}

/** The rule for a run of `count` consonants. */
function ruleFor(count: number): ClusterRule {
  return CLUSTER_RULES.find((rule) => rule.consonants === count) ?? CLUSTER_RULES[CLUSTER_RULES.length - 1]!;
}

/**
 * The syllable boundaries of a Kazakh word: indices of the letters that begin a syllable
 * (the first excepted). `letters` are lower-case, one letter (with its marks) each.
 */
export const kazakhSyllables: Syllabify = (letters) => {
  const vowel = nuclei(letters);
  const breaks: number[] = [];
  let previousVowel = -1;
  for (let index = 0; index < letters.length; index++) {
    if (!vowel[index]) continue;
    if (previousVowel >= 0) {
      // The consonants between the two vowels; signs ride along with the consonant before them.
      const between = letters.slice(previousVowel + 1, index);
      const consonants: number[] = [];
      between.forEach((letter, offset) => {
        if (!SIGNS.has(letter)) consonants.push(previousVowel + 1 + offset);
      });
      const keep = ruleFor(consonants.length).keep(consonants.map((at) => letters[at]!));
      breaks.push(keep < consonants.length ? consonants[keep]! : index);
    }
    previousVowel = index;
  }
  return breaks;
};
