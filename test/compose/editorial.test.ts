import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../pipeline/errors/errors.ts';
import type { Block } from '../../pipeline/compose/index.ts';
import { blockTexts, composeEdition, inlineText, section } from '../helpers/compose.ts';
import { edit, put, repoRoot, tempProject } from '../helpers/project.ts';

const locales = ['en', 'ru', 'kk'] as const;
const editions = new Map(locales.map((locale) => [locale, composeEdition(repoRoot, locale)]));
const textOf = (blocks: readonly Block[]) => blocks.flatMap(blockTexts).join('\n');

/** The message a user sees when a project is refused, or '' when it is accepted. */
function refusal(root: string): string {
  try {
    composeEdition(root, 'en');
    return '';
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.message;
  }
}

describe('the note on the data', () => {
  // Both conflicts of the published report, with both values, in the edition's number format.
  const expected = {
    en: { '4.3.1': ['33.1%', '33.8%'], '4.7.3': ['2.3%', '2.8%'], used: 'This report uses' },
    ru: { '4.3.1': ['33,1\u00a0%', '33,8\u00a0%'], '4.7.3': ['2,3\u00a0%', '2,8\u00a0%'], used: 'В докладе использовано значение' },
    kk: { '4.3.1': ['33,1%', '33,8%'], '4.7.3': ['2,3%', '2,8%'], used: 'Баяндамада' },
  };
  it.each(locales)('lists both conflicts with both values, the value used and why (%s)', (locale) => {
    const note = section(editions.get(locale)!, 'data-notes');
    expect(note.length).toBeGreaterThan(0);
    const items = note.flatMap((b) => (b.kind === 'list' ? b.items.map(inlineText) : []));
    expect(items).toHaveLength(2);
    for (const [indicator, [text, matrix]] of [['4.3.1', expected[locale]['4.3.1']], ['4.7.3', expected[locale]['4.7.3']]] as const) {
      const item = items.find((i) => i.startsWith(`${indicator} `))!;
      expect(item, indicator).toBeDefined();
      expect(item).toContain(text);
      expect(item).toContain(matrix);
      expect(item).toContain(expected[locale].used);
    }
  });

  it('says what the sub-dimension would score with the value not used', () => {
    const text = textOf(section(editions.get('en')!, 'data-notes'));
    expect(text).toContain('This report uses 33.8%.');
    expect(text).toContain('This report uses 2.8%.');
    // 4.3 is the mean of 33.8, 39.2 and 12.9; with 33.1 it would be 28.4.
    expect(text).toContain('With 33.1%, sub-dimension 4.3 Policy impact (internal perception) would score 28.4% instead of 28.6%.');
  });

  it('refuses a used value the data does not hold, naming both places', () => {
    const root = tempProject('mini');
    put(root, 'data/countries/testland/conflicts.yaml', [
      'conflicts:',
      '  - indicator: "1.1.1"',
      '    values:',
      '      - {value: 40, where: {en: "the survey report"}}',
      '      - {value: 42, where: {en: "the data appendix"}}',
      '    used: 42',
      '    reason: {en: "The appendix is the later source."}',
      '',
    ].join('\n'));
    const message = refusal(root);
    expect(message).toContain('data/countries/testland/conflicts.yaml:6:11: error: the note says indicator "1.1.1" uses 42, but the data holds 40');
    expect(message).toMatch(/Make data\/countries\/testland\/indicators\.yaml:\d+ and "used" agree/);
  });

  it('refuses a conflict whose used value is not one of its values, and a reason missing a language', () => {
    const root = tempProject('mini');
    edit(root, 'pipeline.config.yaml', 'locales: [en]', 'locales: [en, ru]');
    put(root, 'data/countries/testland/conflicts.yaml', 'conflicts:\n  - indicator: "1.1.1"\n    values:\n      - {value: 38, where: {en: "a", ru: "а"}}\n      - {value: 39, where: {en: "b", ru: "б"}}\n    used: 40\n    reason: {en: "Why."}\n');
    const message = refusal(root);
    expect(message).toContain('conflicts.yaml:6:11: error: the value used, 40, is not one of the recorded values (38, 39)');
    expect(message).toContain('conflicts.yaml:7:13: error: the text has no ru version');
  });
});

describe('citations and the bibliography', () => {
  const bracket = { en: ['(', ')'], ru: ['[', ']'], kk: ['[', ']'] } as const;
  const cited = (() => {
    const dirs = [
      ...locales.map((l) => join(repoRoot, 'data/countries/kazakhstan/narrative', l, 'acr')),
      ...locales.map((l) => join(repoRoot, 'templates/acr/text', l)),
    ];
    const keys = new Set<string>();
    for (const dir of dirs) {
      for (const file of readdirSync(dir)) {
        for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/\{\{cite[t]? ((?:"[^"]+" ?)+)\}\}/g)) for (const k of m[1]!.matchAll(/"([^"]+)"/g)) keys.add(k[1]!);
      }
    }
    return keys;
  })();

  it('the narrative cites works through {{cite}}, none of them typed by hand', () => {
    expect(cited.size).toBeGreaterThanOrEqual(18);
    expect(cited).toContain('mati-silva-anderson-2008');
  });

  it.each(locales)('every citation names a work whose entry begins with that name, has its year and a title (%s)', (locale) => {
    const document = editions.get(locale)!;
    const [open, close] = bracket[locale];
    const entries = section(document, 'bibliography').filter((b) => b.kind === 'paragraph').map((b) => blockTexts(b)[0]!);
    // The imprint's suggested citation of this report is a reference, not a citation of a work.
    const imprint = new Set(section(document, 'imprint'));
    const body = [...document.blocks.filter((b) => !imprint.has(b)).flatMap(blockTexts), ...[...document.footnotes.values()].map(inlineText)].join('\n');
    const esc = (s: string) => s.replace(/[[\]()]/g, '\\$&');
    const citations: { name: string; year: string }[] = [];
    for (const group of body.matchAll(new RegExp(`${esc(open)}([^()\\[\\]]*?, (?:19|20)\\d\\d)${esc(close)}`, 'g'))) {
      for (const item of group[1]!.split('; ')) {
        const m = /^(.*), ((?:19|20)\d\d)$/.exec(item)!;
        citations.push({ name: m[1]!, year: m[2]! });
      }
    }
    for (const m of body.matchAll(new RegExp(`([\\p{Lu}][\\p{L}-]+(?: (?:et al\\.|и др\\.|және т\\.б\\.|and [\\p{Lu}][\\p{L}-]+))?) ${esc(open)}((?:19|20)\\d\\d)${esc(close)}`, 'gu'))) {
      citations.push({ name: m[1]!, year: m[2]! });
    }
    expect(citations.length).toBeGreaterThanOrEqual(30);
    for (const { name, year } of citations) {
      const first = name.split(/[ ,&]/)[0]!;
      // The entry begins with the name, or names it (an abbreviation in brackets, the last words of a long name).
      const head = (e: string) => e.split(/\. |\(\d{4}\)/)[0]!;
      const entry = entries.find((e) => (e.startsWith(first) || e.includes(`[${name}]`) || head(e).endsWith(name)) && e.includes(year));
      expect(entry, `${name}, ${year} in the ${locale} bibliography`).toBeDefined();
      // Every entry has a title: something after the head and the year.
      expect(entry!.replace(/^[^.]*\.\s*(\(\d{4}\)\.\s*)?/, '').length, entry).toBeGreaterThan(10);
    }
  });

  it('cites "et al." in the language of the work, in every edition', () => {
    expect(textOf(editions.get('en')!.blocks)).toContain('(Makhmutova et al., 2005)');
    expect(textOf(editions.get('ru')!.blocks)).toContain('[Makhmutova et al., 2005]');
    expect(textOf(editions.get('kk')!.blocks)).toContain('[Makhmutova et al., 2005]');
    expect(textOf(editions.get('ru')!.blocks)).not.toContain('Махмутова и др.');
  });

  it('refuses a citation with no entry, at its line and column', () => {
    const root = tempProject('mini');
    edit(root, 'data/countries/testland/narrative/en/acr/findings.md', 'Membership stands at', 'As surveys show {{cite "nobody-2020"}}, membership stands at');
    expect(refusal(root)).toContain('data/countries/testland/narrative/en/acr/findings.md:5:54: error: "nobody-2020" is not a work of the bibliography or a data source');
  });

  it('refuses a citation typed by hand instead of generated from its entry', () => {
    const root = tempProject('mini');
    put(root, 'data/countries/testland/bibliography.yaml', '- key: doe-2019\n  authors: ["Doe, Jane"]\n  year: 2019\n  title: "Civic Life in Testland"\n');
    edit(root, 'data/countries/testland/narrative/en/acr/findings.md', 'Membership stands at', 'Membership (Doe, 2019) stands at');
    const message = refusal(root);
    expect(message).toContain('findings.md:5:50: error: the citation "Doe, 2019" is typed');
    expect(message).toContain('Write {{cite "doe-2019"}}');
    edit(root, 'data/countries/testland/narrative/en/acr/findings.md', '(Doe, 2019)', '{{cite "doe-2019"}}');
    expect(refusal(root)).toBe('');
    expect(inlineText((composeEdition(root, 'en').blocks.find((b) => b.kind === 'paragraph' && inlineText(b.inlines).includes('Membership')) as Extract<Block, { kind: 'paragraph' }>).inlines)).toContain('Membership (Doe, 2019) stands at');
  });

  it('refuses an entry without a title, at its line', () => {
    const root = tempProject('mini');
    put(root, 'data/countries/testland/bibliography.yaml', '- key: civic-2019\n  authors: ["Doe, Jane"]\n  year: 2019\n\n- key: untitled-2020\n  organisation: "Testland Civic Centre"\n  year: 2020\n');
    const message = refusal(root);
    expect(message).toContain('data/countries/testland/bibliography.yaml:1:3: error: the work "civic-2019" has no title');
    expect(message).toContain('data/countries/testland/bibliography.yaml:5:3: error: the work "untitled-2020" has no title');
  });
});

describe('signature, acronyms and names', () => {
  it('signs the Russian foreword as the Director of the Centre, in the genitive', () => {
    const source = readFileSync(join(repoRoot, 'data/countries/kazakhstan/narrative/ru/acr/foreword.md'), 'utf8');
    // The name and the title stand on lines of their own (a Markdown hard line break).
    expect(source).toMatch(/Меруерт Махмутова {2}\nДиректор \{\{organisation case="genitive"\}\}\n$/);
    expect(textOf(editions.get('ru')!.blocks)).toContain('Директор Центра анализа общественных проблем');
    expect(textOf(editions.get('kk')!.blocks)).toContain('Қоғамдық мәселелерді талдау орталығының директоры');
  });

  it('sorts the Kazakh acronyms by Kazakh collation and gives every one in Kazakh', () => {
    const table = section(editions.get('kk')!, 'acronyms').find((b) => b.kind === 'table');
    const acronyms = table!.kind === 'table' ? table!.rows.map((row) => row[0]!.text) : [];
    expect(acronyms.length).toBeGreaterThan(10);
    expect(acronyms).toEqual([...acronyms].sort(new Intl.Collator('kk').compare));
    for (const acronym of acronyms) expect(acronym).toMatch(/^\p{Script=Cyrillic}+$/u);
  });

  it('refuses a recorded variant of an organisation name, at its line and column', () => {
    const root = tempProject('mini');
    edit(root, 'data/countries/testland/country.yaml', 'study:', 'spellings:\n  - {use: "Testland Civic Centre", not: ["Testland Civic Center"]}\nstudy:');
    edit(root, 'data/countries/testland/narrative/en/acr/findings.md', 'Membership stands at', 'The Testland Civic\nCenter counts members. Membership stands at');
    expect(refusal(root)).toContain('data/countries/testland/narrative/en/acr/findings.md:5:42: error: "Testland Civic Center" is another spelling of "Testland Civic Centre"');
  });
});
