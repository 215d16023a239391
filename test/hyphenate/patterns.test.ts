import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import createHyphen, { type HyphenPatterns } from 'hyphen/hyphen.js';
import { describe, expect, it } from 'vitest';
import { letterStarts, patternSyllabifier, type PatternSet } from '../../pipeline/hyphenate/patterns.ts';

const require = createRequire(import.meta.url);
const mark = '\u00AD';

/** The breaks the hyphen package's own hyphenator gives a word's letters: what the pattern walk must reproduce. */
function packageBreaks(set: PatternSet): (letters: string[]) => number[] {
  const [levels, trie, exceptions] = require(`hyphen/patterns/${set}.js`) as HyphenPatterns;
  const hyphenate = createHyphen([levels, trie, { ...exceptions }], { hyphenChar: mark, html: false, minWordLength: 5 });
  return (letters) => {
    const letterAt = letterStarts(letters);
    const breaks: number[] = [];
    let position = 0;
    for (const char of hyphenate(letters.join(''))) {
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

/** Every word (a run of letters) of the default country's narrative and the templates, lower-cased as the hyphenator passes them. */
function narrativeWords(): Set<string> {
  const words = new Set<string>();
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else if (/\.(md|yaml|hbs)$/.test(path)) {
      for (const [word] of readFileSync(path, 'utf8').matchAll(/\p{L}+/gu)) words.add(word.toLowerCase().normalize('NFC'));
    }
  };
  walk('data/countries/kazakhstan');
  walk('templates');
  return words;
}

const sets: readonly PatternSet[] = ['en-gb', 'en-us', 'ru'];

describe('the pattern walk', () => {
  const words = narrativeWords();

  it('breaks every word of the narrative where the hyphen package breaks it', () => {
    expect(words.size).toBeGreaterThan(5000);
    for (const set of sets) {
      const ours = patternSyllabifier(set);
      const theirs = packageBreaks(set);
      const script = set === 'ru' ? /\p{Script=Cyrillic}/u : /\p{Script=Latin}/u;
      let compared = 0;
      for (const word of words) {
        if (!script.test(word)) continue;
        const letters = [...word];
        expect(ours(letters), `${set}: ${word}`).toEqual(theirs(letters));
        compared += 1;
      }
      expect(compared).toBeGreaterThan(1500);
    }
  });

  it('gives the same breaks as the package for any word of its alphabet, whatever its case', () => {
    const alphabets: Record<PatternSet, string> = {
      'en-gb': 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
      'en-us': 'abcdefghijklmnopqrstuvwxyz',
      ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ',
    };
    for (const set of sets) {
      const ours = patternSyllabifier(set);
      const theirs = packageBreaks(set);
      // Words from pieces of real words as well as from single letters, so that long patterns match too.
      const pieces = [...words].filter((word) => (set === 'ru' ? /^[а-яё]+$/ : /^[a-z]+$/).test(word)).flatMap((word) => [word.slice(0, 4), word.slice(2, 7), word.slice(-4)]);
      const letter = fc.constantFrom(...alphabets[set]);
      const chunk = fc.oneof(letter, fc.constantFrom(...pieces));
      fc.assert(
        fc.property(fc.array(chunk, { minLength: 1, maxLength: 8 }), (chunks) => {
          const letters = [...chunks.join('')];
          expect(ours(letters)).toEqual(theirs(letters));
        }),
        { numRuns: 3000 },
      );
    }
  });

  it('keeps the package’s exceptions', () => {
    const [, , exceptions] = require('hyphen/patterns/en-us.js') as HyphenPatterns;
    const listed = Object.keys(exceptions ?? {}).filter((word) => word.length >= 5);
    expect(listed.length).toBeGreaterThan(0);
    const ours = patternSyllabifier('en-us');
    const theirs = packageBreaks('en-us');
    for (const word of listed) expect(ours([...word]), word).toEqual(theirs([...word]));
  });
});
