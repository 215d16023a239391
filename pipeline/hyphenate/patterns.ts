import { createRequire } from 'node:module';
import type { HyphenPatterns } from 'hyphen/hyphen.js';
import type { Syllabify } from './token.ts';

/** TeX pattern sets of the hyphen package that this module uses. */
export type PatternSet = 'en-gb' | 'en-us' | 'ru';

const require = createRequire(import.meta.url);

/** Words of fewer letters are never broken: 2 letters before a break and 3 after it need 5. */
const MIN_WORD_LENGTH = 5;

/**
 * A node of the package's pattern trie: the next letters' nodes, or the index of a pattern's
 * levels in the levels table, or both (`[next, index]`).
 */
type TrieNode = { readonly [letter: string]: TrieEntry };
type TrieEntry = TrieNode | number | readonly [TrieNode, number];

/**
 * Break points from Liang's TeX patterns, in the hyphen package's compiled form (a levels
 * table, a trie of the patterns' letters, and a list of exception words). The package's own
 * hyphenator reads running text a character at a time through closures and allocates an object
 * for every letter it looks up; for the single words the hyphenator asks about that was most of
 * the hyphenation's time. This walks the same trie with the same rules and gives the same
 * breaks (test/hyphenate/patterns.test.ts compares the two on every word of the default
 * editions' narrative and on random words). The pattern file is loaded when the first
 * hyphenator of its language is made (each is 100–160 kB of data).
 */
export function patternSyllabifier(set: PatternSet): Syllabify {
  const [levelsTable, trie, exceptions] = require(`hyphen/patterns/${set}.js`) as HyphenPatterns;
  const levels = levelsTable as readonly (readonly number[])[];
  const root = trie as TrieNode;
  const exceptional = new Map(Object.entries(exceptions ?? {}));
  return (letters) => {
    const word = letters.join('');
    if (word.length < MIN_WORD_LENGTH) return [];
    const lowered = word.toLocaleLowerCase();
    const markers = exceptional.get(lowered) ?? liangMarkers(lowered, word.length, levels, root);
    // Where every letter is one UTF-16 unit (no marks, no surrogate pairs), a letter's offset is its index.
    if (word.length === letters.length) return markers.filter((marker) => marker < letters.length);
    const letterAt = letterStarts(letters);
    const breaks: number[] = [];
    for (const marker of markers) {
      const index = letterAt.get(marker);
      if (index !== undefined) breaks.push(index);
    }
    return breaks;
  };
}

/** The index of each letter by the offset (in UTF-16 units) at which it starts in the joined word: a break lands on one of them. */
export function letterStarts(letters: readonly string[]): Map<number, number> {
  const starts = new Map<number, number>();
  let offset = 0;
  letters.forEach((letter, index) => {
    starts.set(offset, index);
    offset += letter.length;
  });
  return starts;
}

/**
 * The offsets (in UTF-16 units of the word) before which the patterns allow a break: where
 * the highest level of all patterns matching around that place is odd. `length` is the word's
 * own length. The two places at each end never take a break; which places those are follows
 * the package, whose table of levels grows when a pattern runs past the word's end.
 */
function liangMarkers(lowered: string, length: number, levelsTable: readonly (readonly number[])[], root: TrieNode): number[] {
  const text = `.${lowered}.`;
  const levels: number[] = new Array<number>(length + 1).fill(0);
  // A match starting at the leading dot and one starting at the first letter both count their
  // levels from the word's start: that is how the package's compiled patterns are laid out.
  for (let start = 0; start + 3 <= text.length; start++) {
    const at = start === 0 ? 0 : start - 1;
    let node: TrieNode | undefined = root;
    for (let index = start; index < text.length && node; index++) {
      const entry: TrieEntry | undefined = node[text[index]!];
      if (entry === undefined) break;
      let pattern = -1;
      if (typeof entry === 'number') {
        pattern = entry;
        node = undefined;
      } else if (Array.isArray(entry)) {
        node = entry[0] as TrieNode;
        pattern = entry[1] as number;
      } else {
        node = entry as TrieNode;
      }
      if (pattern < 0) continue;
      const found = levelsTable[pattern]!;
      // Past the word's own places the package's sum is NaN (no break), but the places count
      // for where the word's end is taken to be, below.
      for (let k = 0; k < found.length; k++) levels[at + k] = Math.max(found[k]!, levels[at + k] as number);
    }
  }
  const end = levels.length;
  levels[0] = levels[1] = levels[end - 1] = levels[end - 2] = 0;
  const markers: number[] = [];
  for (let i = 0; i < levels.length; i++) if ((levels[i]! & 1) === 1) markers.push(i);
  return markers;
}
