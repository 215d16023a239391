import { isRussianLoan, kazakhSyllables } from './kazakh.ts';
import { patternSyllabifier, type PatternSet } from './patterns.ts';
import { splitWord, type Syllabify, type WordRules } from './token.ts';
import { CYRILLIC_VOWELS, everyPieceVoiced } from './voiced.ts';

/** Splits words into the pieces between which a hyphen may be set. Holds its own caches; no module-level mutable state. */
export interface Hyphenator {
  /** The pieces of `word` (joined, they give `word` back exactly); one piece when it must not be broken. */
  split(word: string): readonly string[];
}

/** Words kept per hyphenator; a report's vocabulary is a few thousand words. */
const CACHE_LIMIT = 50_000;

/**
 * A hyphenator for a BCP 47 locale ('en', 'ru', 'kk', or with region); `unbreakable` lists words never to hyphenate (names, acronyms). Unknown locales get a hyphenator that never breaks.
 *
 * `split` takes a bare word or a token with punctuation attached ("«қоғам»,", "(society").
 * Soft hyphens (U+00AD) are taken out: the pieces join to the word without them, and where a word
 * has any, the breaks are at those places only. Breaks always leave at least 2 letters before and
 * 3 after them within a hyphen-separated part; a piece may end with a hard hyphen the word had
 * (state-|owned), where the line breaker adds no hyphen of its own. A token is never broken when
 * it holds a digit, is an address, e-mail or id (a dot, slash, @ or the like between its letters),
 * is or contains an acronym (two capitals), or is in `unbreakable` (matched ignoring case; an
 * entry also protects itself at the start of a longer word: a name with a case ending).
 */
export function createHyphenator(locale: string, options?: { unbreakable?: Iterable<string> }): Hyphenator {
  const syllabify = syllabifierFor(locale);
  if (!syllabify) return { split: (word) => [word.replaceAll('\u00AD', '')] };

  const entries = new Set<string>();
  for (const entry of options?.unbreakable ?? []) {
    const bare = entry.replaceAll('\u00AD', '').trim().toLowerCase();
    if (bare) entries.add(bare);
  }
  const lengths = [...new Set([...entries].map((entry) => entry.length))].sort((a, b) => b - a);
  const rules: WordRules = {
    syllabify,
    protectedAt: (lowered, offset) => lengths.find((length) => offset + length <= lowered.length && entries.has(lowered.slice(offset, offset + length))) ?? 0,
  };

  const cache = new Map<string, readonly string[]>();
  return {
    split(word) {
      const known = cache.get(word);
      if (known) return known;
      const pieces = Object.freeze(splitWord(word, rules));
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, pieces);
      return pieces;
    },
  };
}

/** The break rule for a locale, or undefined when there is none. */
function syllabifierFor(locale: string): Syllabify | undefined {
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(locale);
  } catch {
    return undefined;
  }
  const { language, region, script } = parsed;
  if (language === 'en' && (script === undefined || script === 'Latn')) {
    // British patterns unless the locale asks for American: the reports spell the British way
    // (organisation, programme), and the British patterns divide by word parts as British
    // typesetting does (de-pend-ence against de-pen-dence).
    return lazyPatterns(region === 'US' ? 'en-us' : 'en-gb');
  }
  if (language === 'ru' && (script === undefined || script === 'Cyrl')) return everyPieceVoiced(lazyPatterns('ru'), CYRILLIC_VOWELS);
  if (language === 'kk' && (script === undefined || script === 'Cyrl')) {
    const russian = everyPieceVoiced(lazyPatterns('ru'), CYRILLIC_VOWELS);
    return (letters) => (isRussianLoan(letters) ? russian(letters) : kazakhSyllables(letters));
  }
  return undefined;
}

/** A pattern syllabifier whose patterns load on first use, so a Kazakh text without Russian words never loads them. */
function lazyPatterns(set: PatternSet): Syllabify {
  let syllabify: Syllabify | undefined;
  return (letters) => (syllabify ??= patternSyllabifier(set))(letters);
}
