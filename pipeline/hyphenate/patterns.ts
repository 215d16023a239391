import { createRequire } from 'node:module';
import createHyphen, { type HyphenPatterns } from 'hyphen/hyphen.js';
import type { Syllabify } from './token.ts';

/** TeX pattern sets of the hyphen package that this module uses. */
export type PatternSet = 'en-gb' | 'en-us' | 'ru';

const require = createRequire(import.meta.url);
const mark = '\u00AD';

/**
 * Break points from Liang's TeX patterns, through the hyphen package. The pattern file is
 * loaded when the first hyphenator of its language is made (each is 100–160 kB of data), and
 * every hyphenator gets its own copy of the exceptions table because the package writes the
 * words it has hyphenated into that table.
 */
export function patternSyllabifier(set: PatternSet): Syllabify {
  const [levels, trie, exceptions] = require(`hyphen/patterns/${set}.js`) as HyphenPatterns;
  // html: false, or a word after "<" would be taken for a tag; minWordLength: words of
  // fewer than 5 letters cannot take a break with 2 letters before and 3 after it anyway.
  const hyphenate = createHyphen([levels, trie, { ...exceptions }], { hyphenChar: mark, html: false, minWordLength: 5 });
  return (letters) => {
    const word = letters.join('');
    // Offsets in the joined word where each letter starts; a break lands on one of them.
    const letterAt = new Map<number, number>();
    let offset = 0;
    letters.forEach((letter, index) => {
      letterAt.set(offset, index);
      offset += letter.length;
    });
    const breaks: number[] = [];
    let position = 0;
    for (const char of hyphenate(word)) {
      if (char === mark) {
        const index = letterAt.get(position);
        if (index !== undefined) breaks.push(index);
      } else {
        position += char.length;
      }
    }
    return breaks;
  };
}
