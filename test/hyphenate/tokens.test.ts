import { describe, expect, it } from 'vitest';
import { createHyphenator } from '../../pipeline/hyphenate/index.ts';

describe('words that stay whole', () => {
  const en = createHyphenator('en');
  const ru = createHyphenator('ru');

  it('never breaks numbers, ids or any token with a digit', () => {
    for (const token of ['1234567890', '2.4.1', 'III.4.6', '2008–2010', 'COVID-19', 'organisations2010', '(2011),', 'Index,¹²']) {
      expect(en.split(token), token).toEqual([token]);
    }
    expect(ru.split('2010-жылы')).toEqual(['2010-жылы']);
  });

  it('never breaks addresses and e-mails', () => {
    for (const token of ['https://www.civicus.org/index.php', 'www.civicus.org', 'civicus.org.', 'info@civicus.org', '<info@civicus.org>', 'and/or', 'csi_kazakhstan']) {
      expect(en.split(token), token).toEqual([token]);
    }
  });

  it('never breaks acronyms: two capitals or more', () => {
    for (const token of ['CSI', 'CIVICUS', 'UNDP,', 'PhD', '(NGOs)']) expect(en.split(token), token).toEqual([token]);
    expect(ru.split('НПО')).toEqual(['НПО']);
    expect(ru.split('ЮНЕСКО')).toEqual(['ЮНЕСКО']);
  });

  it('never breaks a word of the unbreakable list, whatever its case, and not inside it in a longer word', () => {
    const kk = createHyphenator('kk', { unbreakable: ['Махмутова', 'Қазақстан'] });
    expect(kk.split('Махмутова')).toEqual(['Махмутова']);
    expect(kk.split('махмутова,')).toEqual(['махмутова,']);
    // A case ending may still go to the next line, the name itself stays whole.
    expect(kk.split('Қазақстанның')).toEqual(['Қазақстан', 'ның']);
    expect(createHyphenator('kk').split('Қазақстанның').length).toBeGreaterThan(2);
    const english = createHyphenator('en', { unbreakable: ['Makhmutova', 'Kazakhstan'] });
    expect(english.split('Makhmutova')).toEqual(['Makhmutova']);
    expect(english.split("Kazakhstan's")).toEqual(["Kazakhstan's"]);
  });

  it('never breaks in an unknown locale', () => {
    for (const locale of ['de', 'xx', 'kk-Latn', 'not a locale']) {
      expect(createHyphenator(locale).split('organisation')).toEqual(['organisation']);
      expect(createHyphenator(locale).split('or\u00ADgani\u00ADsation')).toEqual(['organisation']);
    }
  });
});

describe('where a word may break', () => {
  const en = createHyphenator('en');

  it('keeps punctuation on the first and last pieces and does not count it as letters', () => {
    expect(en.split('“organisation”,')).toEqual(['“or', 'gan', 'isa', 'tion”,']);
    expect(en.split('(independence).')).toEqual(['(in', 'de', 'pend', 'ence).']);
    // "ab" + 3: with the quotes counted, "“a-bout”" could pass; it must not.
    expect(en.split('“about”')).toEqual(['“about”']);
  });

  it('breaks only at soft hyphens where the word has them, and drops them from the pieces', () => {
    expect(en.split('inde\u00ADpendence')).toEqual(['inde', 'pendence']);
    expect(en.split('gov\u00ADernment')).toEqual(['gov', 'ernment']);
    // A soft hyphen too near an end is not a break, but is still taken out.
    expect(en.split('a\u00ADbout')).toEqual(['about']);
    expect(en.split('CSI\u00ADs')).toEqual(['CSIs']);
  });

  it('hyphenates a hyphenated compound within its parts and after its hyphens', () => {
    expect(en.split('non-governmental')).toEqual(['non-', 'gov', 'ern', 'mental']);
    expect(en.split('state-owned')).toEqual(['state-', 'owned']);
    // Too short on one side for a break after the hyphen.
    expect(en.split('e-mail')).toEqual(['e-mail']);
    expect(en.split('x-ray')).toEqual(['x-ray']);
    // The non-breaking hyphen never becomes a break.
    expect(en.split('state\u2011owned')).toEqual(['state\u2011owned']);
    // Nor a hyphen before an apostrophe: no line starts with one.
    expect(en.split("rock-'n'-rollers")).not.toContain("'n'-");
    expect(en.split("аа-'ааа")).toEqual(["аа-'ааа"]);
  });

  it('returns the same pieces for the same word', () => {
    const first = en.split('accountability');
    expect(en.split('accountability')).toBe(first);
    expect(createHyphenator('en').split('accountability')).toEqual(first);
  });
});
