import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHyphenator } from '../../pipeline/hyphenate/index.ts';

const locales = ['en', 'en-US', 'ru', 'kk', 'de'] as const;
const hyphenators = Object.fromEntries(locales.map((locale) => [locale, createHyphenator(locale)]));

const latin = [...'abcdefghijklmnoprstuvwyzABCDEGKLMNOPRST'];
const cyrillic = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБЕКМНОҚҰҮ'];
const punctuation = [...'«»“”„"()[],.;:!?\'’…'];
const joiners = ['-', '\u2010', '\u2011', '\u2013', '\u2014', '\u00AD', '/', '@', '.', '_'];
const digits = [...'0123456789²'];

/** Word-like tokens: mostly letters of one script, with punctuation, hyphens, soft hyphens, now and then a digit. */
const token = fc.oneof(
  ...[latin, cyrillic].map((letters) =>
    fc
      .array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...letters) }, { weight: 1, arbitrary: fc.constantFrom(...punctuation) }, { weight: 1, arbitrary: fc.constantFrom(...joiners) }, { weight: 1, arbitrary: fc.constantFrom(...digits) }), { maxLength: 24 })
      .map((chars) => chars.join('')),
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
/** Words of letters only, as the line breaker will mostly pass them. */
const plainWord = fc.oneof(
  fc.array(fc.constantFrom(...latin), { minLength: 1, maxLength: 16 }).map((chars) => chars.join('')),
  fc.array(fc.constantFrom(...cyrillic), { minLength: 1, maxLength: 16 }).map((chars) => chars.join('')),
);

const hyphens = /[-\u2010\u2011\u2013\u2014]/u;
const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);

/** Letters from `from` going backwards (step -1) or forwards (step 1) until a hyphen or the end. */
function lettersUntilHyphen(text: string, from: number, step: 1 | -1): number {
  let count = 0;
  for (let index = from; index >= 0 && index < text.length && !hyphens.test(text[index]!); index += step) if (isLetter(text[index])) count++;
  return count;
}

describe('hyphenation, for every token', () => {
  it('gives the token back, without soft hyphens, when its pieces are joined', () => {
    fc.assert(
      fc.property(token, fc.constantFrom(...locales), (word, locale) => {
        const pieces = hyphenators[locale]!.split(word);
        expect(pieces.length).toBeGreaterThan(0);
        expect(pieces.join('')).toBe(word.replaceAll('\u00AD', ''));
      }),
      { numRuns: 2000 },
    );
  });

  it('never breaks a token that holds a digit', () => {
    fc.assert(
      fc.property(plainWord, fc.constantFrom(...digits), plainWord, fc.constantFrom(...locales), (before, digit, after, locale) => {
        const word = `${before}${digit}${after}`;
        expect(hyphenators[locale]!.split(word)).toEqual([word]);
      }),
    );
  });

  it('leaves at least 2 letters before and 3 after every break, counted within the hyphenated part', () => {
    fc.assert(
      fc.property(fc.oneof(token, plainWord), fc.constantFrom(...locales), (word, locale) => {
        const pieces = hyphenators[locale]!.split(word);
        const text = pieces.join('');
        let offset = 0;
        for (const piece of pieces.slice(0, -1)) {
          offset += piece.length;
          const afterHyphen = hyphens.test(text[offset - 1]!);
          const before = lettersUntilHyphen(text, afterHyphen ? offset - 2 : offset - 1, -1);
          const after = lettersUntilHyphen(text, offset, 1);
          expect(before, `${word}: ${pieces.join('|')}`).toBeGreaterThanOrEqual(2);
          expect(after, `${word}: ${pieces.join('|')}`).toBeGreaterThanOrEqual(3);
          // A break falls between two letters, or just after a hyphen the word had.
          expect(isLetter(text[offset]) && (afterHyphen || isLetter(text[offset - 1]) || /['’ʼ]/u.test(text[offset - 1]!)), `${word}: ${pieces.join('|')}`).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never breaks a word of the unbreakable list, in any case, and gives the same pieces every time', () => {
    fc.assert(
      fc.property(plainWord, fc.constantFrom(...locales), (word, locale) => {
        const hyphenator = createHyphenator(locale, { unbreakable: [word] });
        for (const form of [word, word.toLowerCase(), word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()]) {
          expect(hyphenator.split(form)).toEqual([form]);
        }
        const pieces = hyphenators[locale]!.split(word);
        expect(hyphenators[locale]!.split(pieces.join(''))).toEqual(pieces);
        expect(createHyphenator(locale, { unbreakable: ['unrelated', 'Махмутова'] }).split(word)).toEqual(pieces);
      }),
    );
  });
});
