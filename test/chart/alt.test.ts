import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../pipeline/format/number.ts';
import { chartsFor, kazakhstan, locales } from './kazakhstan.ts';

describe('every figure has a text alternative and a data table from its data', () => {
  it('describes a sub-dimension chart value by value', async () => {
    const chart = (await chartsFor('en')).get('III.1.1')!;
    expect(chart.alt).toMatch(/^Bar chart, Civic Engagement sub-dimensions: Extent of socially-based engagement 28\.0%; Depth of socially-based engagement 53\.8%; .*; Diversity of political engagement 72\.1%\.$/);
    expect(chart.table.columns).toEqual(['Sub-dimension', 'Score']);
    expect(chart.table.rows).toHaveLength(6);
    expect(chart.table.rows[0]).toEqual(['Extent of socially-based engagement', '28.0%']);
  });

  it('says it in the edition\'s language and number format', async () => {
    const ru = (await chartsFor('ru')).get('III.1.1')!;
    expect(ru.alt.startsWith(`Столбчатая диаграмма. ${ru.title}: Масштаб социальной активности — `)).toBe(true);
    expect(ru.alt).toContain(`Масштаб социальной активности — ${formatPercent(28.04, 'ru', 1)}`);
    const kk = (await chartsFor('kk')).get('1')!;
    expect(kk.alt).toMatch(/^Азаматтық қоғам ромбы\. Қазақстанның Азаматтық қоғам индексі ромбы: Азаматтық белсенділік — 46,9%; /);
    expect(kk.alt).toMatch(/шеңбер «Сыртқы орта» өлшемін көрсетеді — 46,5%\.$/);
  });

  it('lists every category of every data figure, in every locale', async () => {
    const { figures } = kazakhstan();
    for (const locale of locales) {
      const charts = await chartsFor(locale);
      for (const figure of figures) {
        const chart = charts.get(figure.id);
        expect(chart, figure.id).toBeDefined();
        expect(chart!.title).toBe(figure.caption[locale]);
        if (figure.kind === 'bar' || figure.kind === 'grouped-bar' || figure.kind === 'stacked-bar' || figure.kind === 'line') {
          expect(chart!.table.rows.map((row) => row[0])).toEqual(figure.categories.map((c) => c.label[locale]));
          expect(chart!.table.columns.slice(1)).toEqual(figure.series.map((s) => s.label[locale]));
          for (const category of figure.categories) expect(chart!.alt, `${locale} ${figure.id}`).toContain(category.label[locale]!);
          for (const row of chart!.table.rows) for (const cell of row.slice(1)) expect(chart!.alt).toContain(cell);
        }
        if (figure.kind === 'stages') {
          for (const stage of figure.stages) {
            expect(chart!.alt).toContain(stage.label[locale]!);
            for (const item of stage.items) expect(chart!.alt).toContain(item[locale]!);
          }
        }
        if (figure.kind === 'bubbles' || figure.kind === 'actor-map') {
          for (const actor of figure.actors) expect(chart!.alt, `${locale} ${figure.id}`).toContain(actor.label[locale]!);
          expect(chart!.table.rows.map((row) => row[0])).toEqual(figure.actors.map((a) => a.label[locale]));
        }
      }
    }
  });

  it('follows a corrected indicator into the figures that show it', async () => {
    const chart = (await chartsFor('en')).get('III.3.3')!;
    // 3.2.2, staff who are union members, is read from the indicator, not typed into the figure.
    expect(chart.table.rows[1]).toEqual(['Staff are members of labour unions', '26.6%']);
  });
});
