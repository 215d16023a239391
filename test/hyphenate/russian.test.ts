import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHyphenator } from '../../pipeline/hyphenate/index.ts';

describe('Russian hyphenation', () => {
  const ru = createHyphenator('ru');

  it('divides words by the Russian TeX patterns', () => {
    const expected = [
      'ор-га-ни-за-ция',
      'граж-дан-ского',
      'об-ще-ства',
      'го-су-дар-ствен-ные',
      'объ-еди-не-ние',
      'раз-ви-тие',
      'доб-ро-воль-че-ство',
      'кор-руп-ция',
      'на-се-ле-ние',
      'ис-сле-до-ва-ние',
      'за-ко-но-да-тель-ство',
      'вза-и-мо-дей-ствие',
    ];
    for (const line of expected) expect(ru.split(line.replaceAll('-', '')).join('-')).toBe(line);
  });

  it('keeps case, also for a capitalised word in quotes with a comma', () => {
    expect(ru.split('«Организации»,')).toEqual(['«Ор', 'га', 'ни', 'за', 'ции»,']);
  });

  it('never begins a piece with ь, ъ or й, nor ends one before them', () => {
    const words = ['подъезд', 'объединение', 'район', 'майский', 'деятельность', 'добровольчество', 'сельский', 'взаимодействие', 'подъём', 'вьюга', 'Казахстанский'];
    for (const word of words) {
      for (const piece of ru.split(word).slice(1)) expect(piece, `${word}: ${ru.split(word).join('-')}`).not.toMatch(/^[ьъй]/);
    }
  });

  it('never leaves a piece without a vowel for any Russian word', () => {
    const letter = fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя');
    fc.assert(
      fc.property(fc.array(letter, { minLength: 1, maxLength: 16 }), (letters) => {
        const pieces = ru.split(letters.join(''));
        if (pieces.length > 1) for (const piece of pieces) expect(piece).toMatch(/[аеёиоуыэюя]/);
      }),
    );
  });
});
