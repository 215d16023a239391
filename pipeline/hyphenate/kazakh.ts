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
 *   the last one; the consonants between two vowels are divided by ONSET_RULES.
 */

/** The vowel letters of the Kazakh Cyrillic alphabet. */
export const KAZAKH_VOWELS: ReadonlySet<string> = new Set([...'аәеёиоөуұүыіэюя']);

/** Vowel letters that are glides (consonants) after a vowel. */
const GLIDES: ReadonlySet<string> = new Set(['у', 'и']);

/** Glides that are also consonants at the start of a word when a vowel follows (уақыт, уәде). */
const INITIAL_GLIDES: ReadonlySet<string> = new Set(['у']);

/** Signs that belong to the letter before them and never begin a syllable. */
const SIGNS: ReadonlySet<string> = new Set(['ь', 'ъ']);

/** Stops and р/л: a stop followed by р or л begins a syllable together in loanwords (де-мо-кра-ти-я). */
const STOPS: ReadonlySet<string> = new Set([...'бпдтгкфв']);
const LIQUIDS: ReadonlySet<string> = new Set([...'рл']);

/** How many of the consonants between two vowels open the second vowel's syllable. */
interface OnsetRule {
  /** When the rule applies, in words. */
  readonly when: string;
  /** Whether it applies to this run of consonants (lower case, signs left out). */
  readonly applies: (consonants: readonly string[]) => boolean;
  /** How many consonants, from the end of the run, open the next syllable; the rest close the one before. */
  readonly opens: number;
  /** Examples, for the reader. */
  readonly examples: string;
}

/**
 * The division of the consonants between two vowels: the first rule that applies decides.
 * Kazakh syllables begin with at most one consonant, so one consonant goes on and the rest
 * stay (ба-ла, ал-ма, айт-ты, жұрт-тың: of three, the first two stay); only loanwords bring
 * a stop with р or л at the start of a syllable.
 */
export const ONSET_RULES: readonly OnsetRule[] = [
  { when: 'the vowels meet', applies: (run) => run.length === 0, opens: 0, examples: 'ти-ім-ді, би-е, су-ат, о-қу-ы' },
  {
    when: 'the run ends in a stop and р or л',
    applies: (run) => run.length >= 2 && STOPS.has(run[run.length - 2]!) && LIQUIDS.has(run[run.length - 1]!),
    opens: 2,
    examples: 'де-мо-кра-ти-я, элек-трон-дық',
  },
  { when: 'any other run', applies: () => true, opens: 1, examples: 'ба-ла, ал-ма, жа-уап-кер-ші-лік, айт-ты, ми-нистр-лік' },
];

/** Letters of the Russian alphabet that native Kazakh words do not use. */
const LOAN_LETTERS: ReadonlySet<string> = new Set([...'вёфцчщъьэ']);

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

/** How many consonants of a run between two vowels open the next syllable. */
function opening(run: readonly string[]): number {
  return ONSET_RULES.find((rule) => rule.applies(run))!.opens;
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
      const opens = opening(consonants.map((at) => letters[at]!));
      breaks.push(opens > 0 ? consonants[consonants.length - opens]! : index);
    }
    previousVowel = index;
  }
  return breaks;
};

