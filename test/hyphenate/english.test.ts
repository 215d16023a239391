import { describe, expect, it } from 'vitest';
import { createHyphenator } from '../../pipeline/hyphenate/index.ts';

const hyphenated = (locale: string, word: string) => createHyphenator(locale).split(word).join('-');

describe('English hyphenation', () => {
  it('divides British spellings by the British patterns, by word parts', () => {
    const en = createHyphenator('en');
    const expected = [
      'or-gan-isa-tion',
      'in-de-pend-ence',
      'gov-ern-ment',
      'know-ledge',
      'demo-cracy',
      'pro-gramme',
      'par-ti-cip-a-tion',
      'trans-par-ency',
      'cor-rup-tion',
      'de-vel-op-ment',
      'un-der-stand-ing',
      're-la-tion-ship',
    ];
    for (const line of expected) expect(en.split(line.replaceAll('-', '')).join('-')).toBe(line);
  });

  it('uses the American patterns only when the locale asks for them', () => {
    expect(hyphenated('en-GB', 'knowledge')).toBe('know-ledge');
    expect(hyphenated('en-US', 'knowledge')).toBe('knowl-edge');
    expect(hyphenated('en-US', 'independence')).toBe('in-de-pen-dence');
  });

  it('keeps 3 letters after the last break where the patterns allow 2', () => {
    // The patterns give or-gan-isa-tion-al; "al" is too short to carry to the next line.
    expect(hyphenated('en', 'organisational')).not.toMatch(/-al$/);
    expect(hyphenated('en', 'citizens')).toBe('cit-izens');
  });

  it('looks up capitalised words without regard to case and keeps their case', () => {
    expect(hyphenated('en', 'Organisation')).toBe('Or-gan-isa-tion');
    expect(hyphenated('en', 'Parliament')).toBe('Par-lia-ment');
  });
});
