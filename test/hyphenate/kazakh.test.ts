import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHyphenator } from '../../pipeline/hyphenate/index.ts';
import { isRussianLoan, kazakhSyllables } from '../../pipeline/hyphenate/kazakh.ts';
import { repoRoot } from '../helpers/project.ts';

/** The fixture: full syllabifications, one word a line, # comments. */
const fixture = readFileSync(join(repoRoot, 'test/fixtures/hyphenation/kk-words.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

/** The word divided at its syllable boundaries. */
function syllables(word: string): string[] {
  const letters = [...word];
  const cuts = [0, ...kazakhSyllables(letters), letters.length];
  return cuts.slice(1).map((end, index) => letters.slice(cuts[index], end).join(''));
}

/** The syllables joined where a break would leave fewer than 2 letters before or 3 after it. */
function withMinimum(parts: readonly string[]): string[] {
  const length = parts.join('').length;
  const pieces: string[] = [];
  let offset = 0;
  for (const part of parts) {
    if (pieces.length > 0 && (offset < 2 || length - offset < 3)) pieces[pieces.length - 1] += part;
    else pieces.push(part);
    offset += part.length;
  }
  return pieces;
}

const vowels = new Set([...'аәеёиоөуұүыіэюя']);
/** Vowel letters that are syllable nuclei: not у/и after a vowel, nor у before a vowel at the start. */
function nucleusCount(syllable: string, word: string, at: number): number {
  let count = 0;
  [...syllable].forEach((letter, index) => {
    const position = at + index;
    const previous = word[position - 1];
    const glide = (letter === 'у' || letter === 'и') && previous !== undefined && vowels.has(previous) && !isGlideAt(word, position - 1);
    const initialGlide = letter === 'у' && position === 0 && word.length > 1 && vowels.has(word[1]!);
    if (vowels.has(letter) && !glide && !initialGlide) count++;
  });
  return count;
}
function isGlideAt(word: string, position: number): boolean {
  const letter = word[position];
  if (letter !== 'у' && letter !== 'и') return false;
  if (position === 0) return letter === 'у' && word.length > 1 && vowels.has(word[1]!);
  return vowels.has(word[position - 1]!) && !isGlideAt(word, position - 1);
}

describe('Kazakh syllables', () => {
  it('holds at least 200 distinct words of the narrative', () => {
    expect(new Set(fixture).size).toBe(fixture.length);
    expect(fixture.length).toBeGreaterThanOrEqual(200);
  });

  it('divides every word of the list into the syllables checked by the rules', () => {
    for (const line of fixture) expect(syllables(line.replaceAll('-', '')).join('-')).toBe(line);
  });

  it('hyphenates every word of the list at its syllables that leave 2 letters before and 3 after', () => {
    const kk = createHyphenator('kk');
    for (const line of fixture) {
      const expected = withMinimum(line.split('-'));
      expect(kk.split(line.replaceAll('-', '')), line).toEqual(expected);
      // Capitalised, as at the start of a sentence: the same breaks, the capital kept.
      const capitalised = line.charAt(0).toUpperCase() + line.slice(1).replaceAll('-', '');
      expect(kk.split(capitalised).join('-').toLowerCase()).toBe(expected.join('-'));
    }
  });

  it('treats у and и after a vowel as glides, and у before a vowel at the start', () => {
    expect(syllables('тауып')).toEqual(['та', 'уып']);
    expect(syllables('таулы')).toEqual(['тау', 'лы']);
    expect(syllables('тау')).toEqual(['тау']);
    expect(syllables('уақыт')).toEqual(['уа', 'қыт']);
    expect(syllables('қауіпсіздік')).toEqual(['қа', 'уіп', 'сіз', 'дік']);
    // After a consonant they are vowels: би-е, су-ат, о-қу-ы.
    expect(syllables('бие')).toEqual(['би', 'е']);
    expect(syllables('суат')).toEqual(['су', 'ат']);
    expect(syllables('оқуы')).toEqual(['о', 'қу', 'ы']);
  });

  it('divides consonant runs: one opens the next syllable, a stop with р or л two', () => {
    expect(syllables('алма')).toEqual(['ал', 'ма']);
    expect(syllables('жауапкершілік')).toEqual(['жа', 'уап', 'кер', 'ші', 'лік']);
    expect(syllables('жұрттың')).toEqual(['жұрт', 'тың']);
    expect(syllables('министрлігі')).toEqual(['ми', 'нистр', 'лі', 'гі']);
    expect(syllables('демократиялық')).toEqual(['де', 'мо', 'кра', 'ти', 'я', 'лық']);
    // ь stays with the consonant before it.
    expect(syllables('моральдық')).toEqual(['мо', 'раль', 'дық']);
  });

  it('gives Russian words in Kazakh text to the Russian patterns', () => {
    const kk = createHyphenator('kk');
    const ru = createHyphenator('ru');
    for (const word of ['программа', 'фонд', 'процесс', 'стратегия', 'конференция', 'телефон']) {
      expect(isRussianLoan([...word]), word).toBe(true);
      expect(kk.split(word)).toEqual(ru.split(word));
    }
    for (const word of ['процесінде', 'стратегиясының', 'қоғам', 'азаматтық', 'тарихы']) expect(isRussianLoan([...word]), word).toBe(false);
    // A Russian stem with a Kazakh ending the patterns do not know: no piece without a vowel.
    expect(kk.split('циклдермен')).toEqual(['цикл', 'дер', 'мен']);
  });

  it('never breaks acronyms, also with an ending after a hyphen', () => {
    const kk = createHyphenator('kk');
    expect(kk.split('ҮЕҰ')).toEqual(['ҮЕҰ']);
    expect(kk.split('ҮЕҰ-лардың')).toEqual(['ҮЕҰ-лардың']);
    expect(kk.split('АИСИ-нің')).toEqual(['АИСИ-нің']);
  });

  const consonant = fc.constantFrom(...'бгғджзйклмнңпрстқшһ');
  const vowel = fc.constantFrom(...'аәеиоөуұүыіяю');
  const nativeWord = fc
    .array(fc.oneof(consonant, vowel), { minLength: 1, maxLength: 14 })
    .map((letters) => letters.join(''))
    .filter((word) => [...word].some((letter) => vowels.has(letter)) && !isRussianLoan([...word]));

  it('puts exactly one vowel in each syllable, glides aside', () => {
    fc.assert(
      fc.property(nativeWord, (word) => {
        let at = 0;
        for (const syllable of syllables(word)) {
          expect(nucleusCount(syllable, word, at), `${word}: ${syllables(word).join('-')}`).toBe(1);
          at += syllable.length;
        }
      }),
    );
  });

  it('leaves at least one vowel in every piece once the 2/3 rule has joined syllables', () => {
    const kk = createHyphenator('kk');
    fc.assert(
      fc.property(nativeWord, (word) => {
        for (const piece of kk.split(word)) expect([...piece].some((letter) => vowels.has(letter)), `${word}: ${kk.split(word).join('-')}`).toBe(true);
      }),
    );
  });
});
