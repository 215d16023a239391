import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../pipeline/format/number.ts';
import { renderCharts, type Chart } from '../../pipeline/chart/index.ts';
import type { FigureDef } from '../../pipeline/ingest/types.ts';
import type { AnyScore, Scores } from '../../pipeline/score/types.ts';
import { measureText } from '../../pipeline/theme/measure.ts';
import { chartsFor, kazakhstan, locales } from './kazakhstan.ts';

/** The dashed line's x and each value label's box [left, right] in a rendered sub-dimension chart. */
function lineAndLabels(chart: Chart): { line: number; labels: { text: string; left: number; right: number }[] } {
  const { theme } = kazakhstan();
  const group = (name: string) => new RegExp(`<g class="[^"]*${name}[^"]*"[^>]*>(.*?)</g>`, 's').exec(chart.svg)?.[1] ?? '';
  const line = Number(/<line transform="translate\(([-\d.e+]+),/.exec(group('layer_0_layer_0_marks'))?.[1]);
  const labels = [...group('layer_1_layer_1_marks').matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const left = Number(/translate\(([-\d.e+]+),/.exec(m[1]!)![1]);
    const size = Number(/font-size="([\d.]+)px"/.exec(m[1]!)![1]);
    return { text: m[2]!, left, right: left + measureText(theme, m[2]!, size) };
  });
  return { line, labels };
}

/** Half the dashed line's stroke: a label closer than this touches the line. */
const halfStroke = 0.4;

function crossing(chart: Chart): string[] {
  const { line, labels } = lineAndLabels(chart);
  expect(Number.isFinite(line), `${chart.id} has its dimension line`).toBe(true);
  expect(labels.length, `${chart.id} has value labels`).toBeGreaterThan(0);
  return labels.filter((l) => l.left - halfStroke < line && l.right + halfStroke > line).map((l) => l.text);
}

/** The Kazakhstan scores with dimension 3's sub-dimensions and the dimension itself replaced. */
function scoresWith(subs: readonly number[], dimension: number): Scores {
  const { scores, dataset } = kazakhstan();
  const byId = new Map<string, AnyScore>(scores.byId);
  const dim = dataset.framework.dimensions.find((d) => d.id === '3')!;
  dim.subdimensions.forEach((sub, i) => byId.set(sub.id, { ...byId.get(sub.id)!, score: subs[i % subs.length]! }));
  byId.set('3', { ...byId.get('3')!, score: dimension });
  return { ...scores, byId };
}

async function subdimensionChart(scores: Scores, locale = 'en'): Promise<Chart> {
  const k = kazakhstan();
  const figure = k.figures.find((f) => f.kind === 'subdimensions' && f.dimension === '3') as FigureDef;
  const charts = await renderCharts({ figures: [figure], framework: k.dataset.framework, scores, locale, messages: k.messages(locale), theme: k.theme });
  return charts.get(figure.id)!;
}

describe('the dimension line of a sub-dimension chart never hides a value label', () => {
  it.each(locales)('in every sub-dimension chart in %s', async (locale) => {
    const charts = [...(await chartsFor(locale)).values()].filter((c) => c.kind === 'subdimensions');
    expect(charts.map((c) => c.id)).toEqual(['III.1.1', 'III.2.1', 'III.3.1', 'III.4.1', 'III.5.1']);
    for (const chart of charts) expect(crossing(chart), `${locale} ${chart.id}`).toEqual([]);
  });

  it('moves labels of bars ending just short of the line past it (56.0 and 56.8 under a 58.7 line)', async () => {
    const chart = await subdimensionChart(scoresWith([56.0, 56.8, 61.0, 60.0, 59.7], 58.7));
    expect(crossing(chart)).toEqual([]);
    const { line, labels } = lineAndLabels(chart);
    for (const text of ['56.0', '56.8']) expect(labels.find((l) => l.text === text)!.left).toBeGreaterThan(line);
    // A label whose bar ends past the line stays at its bar's end.
    const data = (chart.spec as { layer: { data: { values: { valueLabel: string; value: number; labelAt: number }[] } }[] }).layer[1]!.data.values;
    expect(data.find((d) => d.valueLabel === '61.0')).toMatchObject({ value: 61.0, labelAt: 61.0 });
    expect(data.find((d) => d.valueLabel === '56.0')).toMatchObject({ value: 56.0, labelAt: 58.7 });
  });

  it('for any scores', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 5, maxLength: 5 }),
      fc.constantFrom(...locales),
      async (subs, locale) => {
        const mean = subs.reduce((a, b) => a + b, 0) / subs.length;
        expect(crossing(await subdimensionChart(scoresWith(subs, mean), locale))).toEqual([]);
      },
    ), { numRuns: 25 });
  });
});

describe('figure III.4.6 shows one measure for every institution the report discusses', () => {
  it.each(locales)('in %s: the confidence shares, and labour unions and parties marked as not published', async (locale) => {
    const chart = (await chartsFor(locale)).get('III.4.6')!;
    const { messages } = kazakhstan();
    const none = messages(locale).t('chart.noValue');
    const k = kazakhstan();
    const figure = k.figures.find((f) => f.id === 'III.4.6')!;
    expect(figure.kind).toBe('bar');
    const rows = chart.table.rows;
    expect(rows.map((r) => r[0])).toEqual(figure.kind === 'bar' ? figure.categories.map((c) => c.label[locale]) : []);
    // 17.7% a great deal + 48.2% quite a lot, and the score of indicator 4.7.4.
    const percent = (value: number) => formatPercent(value, locale, 1);
    expect(rows[0]![1]).toBe(percent(65.9));
    expect(rows[1]![1]).toBe(percent(k.scores.byId.get('4.7.4')!.score));
    expect(rows[2]).toEqual([figure.kind === 'bar' ? figure.categories[2]!.label[locale] : '', none]);
    expect(rows[3]![1]).toBe(none);
    const data = (chart.spec as { data: { values: { key: string; value: number | null; valueLabel: string }[] } }).data.values;
    expect(data.find((d) => d.key === 'labour-unions')).toMatchObject({ value: null, valueLabel: none });
    expect(chart.svg).toContain(`>${none}</text>`);
    expect(chart.alt).toContain(none);
  });
});
