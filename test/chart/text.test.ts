import { describe, expect, it } from 'vitest';
import type { Chart } from '../../pipeline/chart/index.ts';
import { formatPercent } from '../../pipeline/format/number.ts';
import { missingGlyphs } from '../../pipeline/theme/index.ts';
import { chartsFor, kazakhstan, locales, svgTexts } from './kazakhstan.ts';
import { syntheticCharts } from './synthetic.ts';

const cyrillic = /[\u0400-\u04ff]/;
const latin = /[A-Za-z]/;
const kazakhOnly = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

/** What a text of each edition may and must not contain. */
const language: Record<string, { refuse: RegExp; decimals: RegExp; name: string }> = {
  en: { refuse: cyrillic, decimals: /\d,\d(?!\d\d)/, name: 'English' },
  ru: { refuse: new RegExp(`${latin.source}|${kazakhOnly.source}`), decimals: /\d\.\d/, name: 'Russian' },
  kk: { refuse: latin, decimals: /\d\.\d/, name: 'Kazakh' },
};

async function allCharts(locale: string): Promise<Chart[]> {
  return [...(await chartsFor(locale)).values(), ...(await syntheticCharts(locale)).values()];
}

describe('every text in a chart is in the edition\'s language, and the font has its glyphs', () => {
  const { theme } = kazakhstan();

  it.each(locales)('%s', async (locale) => {
    const rule = language[locale]!;
    for (const chart of await allCharts(locale)) {
      const texts = svgTexts(chart.svg);
      expect(texts.length, chart.id).toBeGreaterThan(3);
      for (const { text, weight } of texts) {
        expect(text, `${chart.id}: "${text}" is not ${rule.name}`).not.toMatch(rule.refuse);
        // Decimals in the locale's own form: 46.9 in English, 46,9 in Russian and Kazakh.
        expect(text, `${chart.id}: "${text}" has a foreign decimal separator`).not.toMatch(rule.decimals);
        expect(missingGlyphs(theme, text, weight), `${chart.id}: "${text}"`).toEqual([]);
        expect(text, `${chart.id}: a truncated label`).not.toContain('…');
        expect(text).not.toContain('⟨en⟩');
      }
      if (locale === 'kk') expect(texts.map((t) => t.text).join(' '), `${chart.id} reads as Russian`).toMatch(kazakhOnly);
      if (locale !== 'en') expect(texts.map((t) => t.text).join(' '), chart.id).toMatch(cyrillic);
      expect(chart.alt, chart.id).not.toMatch(rule.refuse.source === cyrillic.source ? cyrillic : /⟨en⟩/);
      expect(chart.title.length).toBeGreaterThan(0);
    }
  });

  it('uses only the theme\'s font family and the weights the PDF can map (normal, bold)', async () => {
    for (const locale of locales) {
      for (const chart of await allCharts(locale)) {
        const families = new Set([...chart.svg.matchAll(/font-family="([^"]+)"/g)].map((m) => m[1]));
        expect([...families], chart.id).toEqual([`'${theme.font.family}'`]);
        const weights = new Set([...chart.svg.matchAll(/font-weight="([^"]+)"/g)].map((m) => m[1]));
        for (const weight of weights) expect(['normal', 'bold'], chart.id).toContain(weight);
      }
    }
  });

  it('keeps every chart within the body text width', async () => {
    for (const locale of locales) {
      for (const chart of await allCharts(locale)) {
        expect(chart.width, `${locale} ${chart.id}`).toBeLessThanOrEqual(theme.chart.maxWidth);
        expect(chart.height, `${locale} ${chart.id}`).toBeGreaterThan(50);
      }
    }
  });
});

describe('every value label is written by the one number formatter', () => {
  it('labels bars with the figure\'s values in the locale\'s format', async () => {
    const en = await chartsFor('en');
    const ru = await chartsFor('ru');
    const kk = await chartsFor('kk');
    // Figure III.3.2: 26.3% of CSOs have an elected board.
    expect(svgTexts(en.get('III.3.2')!.svg).map((t) => t.text)).toContain('26.3');
    expect(svgTexts(ru.get('III.3.2')!.svg).map((t) => t.text)).toContain('26,3');
    expect(ru.get('III.3.2')!.table.rows[0]).toEqual(['Избранное правление', formatPercent(26.3, 'ru', 1)]);
    expect(kk.get('III.3.2')!.table.rows[0]).toEqual(['Сайланған басқарма', formatPercent(26.3, 'kk', 1)]);
    expect(formatPercent(26.3, 'kk', 1)).toBe('26,3%');
  });

  it('rounds half up as the CSI publishes: never d3-format\'s binary rounding', async () => {
    // Financial and technological resources (2.5) scores 77.65 and is published as 77.7.
    const en = await chartsFor('en');
    expect(svgTexts(en.get('III.2.1')!.svg).map((t) => t.text)).toContain('77.7');
  });
});
