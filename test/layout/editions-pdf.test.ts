import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDecimal, formatPercent } from '../../pipeline/format/number.ts';
import { ingestDataset } from '../../pipeline/ingest/index.ts';
import { scoreDataset } from '../../pipeline/score/index.ts';
import { normalise, openPdf, type OpenedPdf } from '../helpers/pdf.ts';
import { repoRoot } from '../helpers/project.ts';

const dataset = ingestDataset({ root: repoRoot, configPath: 'pipeline.config.yaml' });
const scores = scoreDataset(dataset);
const pdfs = new Map<string, OpenedPdf>();
const open = (locale: string, document: 'acr' | 'brief') => pdfs.get(`${locale}/${document}`)!;

beforeAll(async () => {
  for (const locale of ['en', 'ru', 'kk']) {
    for (const document of ['acr', 'brief'] as const) pdfs.set(`${locale}/${document}`, await openPdf(join(inject('builtOutput'), 'kazakhstan', locale, `${document}.pdf`)));
  }
});

/** Headings every edition of the report has, in its own language. */
const headings: Record<string, string[]> = {
  en: ['Contents', 'List of figures', 'List of tables', 'Executive summary', 'Appendices', 'Bibliography'],
  ru: ['Содержание', 'Список рисунков', 'Список таблиц', 'Резюме', 'Приложения', 'Библиография'],
  kk: ['Мазмұны', 'Суреттер тізімі', 'Кестелер тізімі', 'Түйіндеме', 'Қосымшалар', 'Әдебиеттер тізімі'],
};

/** Words of the English interface that must not appear in a translated edition. */
const englishInterface = ['Figure ', 'Table ', 'Contents', 'Source:', 'Score', 'Appendix', '(continued)', 'Executive summary', 'Recommendations', 'Key message'];

describe.each(['en', 'ru', 'kk'])('the %s editions', (locale) => {
  it('have their headings in the edition language', () => {
    const text = open(locale, 'acr').pages.join(' ');
    for (const heading of headings[locale]!) expect(text, heading).toContain(heading);
  });

  it('print every dimension score in the locale format, the same on the brief’s diamond as in the report', () => {
    const acr = open(locale, 'acr').pages.join(' ');
    const brief = open(locale, 'brief').pages.join(' ');
    for (const dimension of dataset.framework.dimensions) {
      const score = scores.byId.get(dimension.id)!;
      expect(acr, `${dimension.id} in the report`).toContain(normalise(formatPercent(score.score, locale, score.decimals)));
      // The brief shows the five scores once, on the diamond, which labels them without the unit.
      expect(brief, `${dimension.id} in the brief`).toContain(normalise(formatDecimal(score.score, locale, score.decimals)));
    }
    if (locale !== 'en') expect(brief).toContain('46,9');
  });

  it('name the dimensions in the edition language in the brief', () => {
    const brief = open(locale, 'brief').pages.join(' ');
    for (const dimension of dataset.framework.dimensions) expect(brief).toContain(dimension.name[locale]);
  });
});

describe.each(['ru', 'kk'])('the %s editions leave nothing in English', (locale) => {
  it.each(['acr', 'brief'] as const)('%s: no English interface words, and Latin script only for names and citations', (document) => {
    const text = open(locale, document).pages.join(' ');
    for (const word of englishInterface) expect(text, word).not.toContain(word);
    const words = text.match(/\p{L}+/gu) ?? [];
    const latin = words.filter((w) => /^[A-Za-z]+$/.test(w));
    // Proper names (CIVICUS, Freedom House), Roman part numbers and the titles of cited
    // works stay in Latin script; running text does not.
    expect(latin.length / words.length).toBeLessThan(0.05);
  });
});
