import { describe, expect, it } from 'vitest';
import { renderCharts, type Chart } from '../../pipeline/chart/index.ts';
import type { FigureDef } from '../../pipeline/ingest/types.ts';
import type { LocalisedText } from '../../pipeline/ingest/types.ts';
import { kazakhstan, locales, svgTexts } from './kazakhstan.ts';

const text = (en: string, ru: string, kk: string): LocalisedText => ({ en, ru, kk });

/** Draws figures made up for the test, with the real theme and UI strings. */
async function draw(figure: FigureDef, locale = 'en'): Promise<Chart> {
  const k = kazakhstan();
  const charts = await renderCharts({ figures: [figure], framework: k.dataset.framework, scores: k.scores, locale, messages: k.messages(locale), theme: k.theme });
  return charts.get(figure.id)!;
}

/** The rows of one named data set of a Vega spec. */
function dataOf(chart: Chart, name: string): Record<string, unknown>[] {
  const spec = chart.spec as { data: { name: string; values: Record<string, unknown>[] }[] };
  return spec.data.find((d) => d.name === name)!.values;
}

const stages: FigureDef = {
  id: 'T.3',
  kind: 'stages',
  caption: text('Steps', 'Шаги', 'Қадамдар'),
  place: { file: 'test' },
  stages: [
    { key: 'plan', label: text('Plan', 'План', 'Жоспар'), items: [text('Read', 'Читать', 'Оқу'), text('Ask', 'Спросить', 'Сұрау')] },
    { key: 'do', label: text('Do', 'Сделать', 'Істеу'), items: [text('Write', 'Писать', 'Жазу')] },
    { key: 'tell', label: text('Tell', 'Рассказать', 'Айту'), items: [text('Publish', 'Опубликовать', 'Жариялау')] },
  ],
};

const bubbles: FigureDef = {
  id: 'T.4',
  kind: 'bubbles',
  caption: text('Forces', 'Силы', 'Күштер'),
  place: { file: 'test' },
  impactTitle: text('Weight', 'Вес', 'Салмақ'),
  groups: [{ key: 'a', label: text('Alpha', 'Альфа', 'Альфа') }, { key: 'b', label: text('Beta', 'Бета', 'Бета') }],
  actors: [
    { key: 'small', label: text('Small', 'Малый', 'Кіші'), group: 'b', x: 80, y: 20, impact: 1 },
    { key: 'big', label: text('Big', 'Большой', 'Үлкен'), group: 'a', x: 20, y: 80, impact: 4 },
  ],
};

const actorMap: FigureDef = {
  id: 'T.5',
  kind: 'actor-map',
  caption: text('Arena', 'Арена', 'Алаң'),
  place: { file: 'test' },
  regions: [
    { key: 'state', label: text('State', 'Государство', 'Мемлекет'), x: 25, y: 60, radius: 20 },
    { key: 'arena', label: text('Arena', 'Арена', 'Алаң'), x: 60, y: 50, radius: 25 },
  ],
  actors: [
    { key: 'left', label: text('Parties', 'Партии', 'Партиялар'), region: 'state', x: 30, y: 60 },
    { key: 'right', label: text('Media', 'СМИ', 'БАҚ'), region: 'arena', x: 70, y: 50 },
    { key: 'middle', label: text('NGOs', 'НПО', 'ҮЕҰ'), region: 'arena', x: 50, y: 40 },
  ],
};

describe('a stages diagram', () => {
  it('draws a box per stage, an arrow between neighbours and a line per activity', async () => {
    const chart = await draw(stages);
    expect(dataOf(chart, 'boxes')).toHaveLength(3);
    expect(dataOf(chart, 'arrows')).toHaveLength(2);
    expect(dataOf(chart, 'items')).toHaveLength(4);
    // Arrows sit in the gaps: each between the end of one box and the start of the next.
    const boxes = dataOf(chart, 'boxes') as { x: number; width: number }[];
    for (const [a, arrow] of (dataOf(chart, 'arrows') as { x: number }[]).entries()) {
      expect(arrow.x).toBeGreaterThan(boxes[a]!.x + boxes[a]!.width);
      expect(arrow.x).toBeLessThan(boxes[a + 1]!.x);
    }
    expect(svgTexts(chart.svg).map((t) => t.text)).toEqual(expect.arrayContaining(['Plan', 'Do', 'Tell', 'Read', 'Ask', 'Write', 'Publish']));
    expect(chart.alt).toBe('Process diagram, Steps, in order: Plan: Read, Ask; Do: Write; Tell: Publish.');
    expect(chart.table.rows).toEqual([['Plan', 'Read, Ask'], ['Do', 'Write'], ['Tell', 'Publish']]);
  });
});

describe('a bubble chart', () => {
  it('sizes each circle\'s area by its impact and colours it by its group', async () => {
    const chart = await draw(bubbles);
    const actors = dataOf(chart, 'actors') as { key: string; size: number; fill: string; x: number; y: number }[];
    // Largest first, so the small circle is drawn over it.
    expect(actors.map((a) => a.key)).toEqual(['big', 'small']);
    // Vega's symbol size is the area of the square around the circle: proportional to the circle's area.
    expect(actors[0]!.size / actors[1]!.size).toBeCloseTo(4, 6);
    expect(actors[0]!.fill).not.toBe(actors[1]!.fill);
    // y runs upwards in the data: the actor at y 80 is drawn above the one at y 20.
    expect(actors[0]!.y).toBeLessThan(actors[1]!.y);
    expect(actors[0]!.x).toBeLessThan(actors[1]!.x);
    expect(dataOf(chart, 'groups').map((g) => g.label)).toEqual(['Alpha', 'Beta']);
    expect(chart.alt).toBe('Bubble chart, Forces; circle area shows Weight: Small (Beta, 1); Big (Alpha, 4).');
  });

  it('names the legend\'s levels from the data, in the edition\'s language', async () => {
    const named: FigureDef = { ...bubbles, impactLevels: [{ impact: 4, label: text('Strong', 'Сильные', 'Күшті') }, { impact: 1, label: text('Weak', 'Слабые', 'Әлсіз') }] } as FigureDef;
    const chart = await draw(named, 'kk');
    expect(dataOf(chart, 'levels').map((l) => l.label)).toEqual(['Күшті', 'Әлсіз']);
    expect(chart.table.rows).toEqual([['Кіші', 'Бета', 'Әлсіз'], ['Үлкен', 'Альфа', 'Күшті']]);
  });
});

describe('a map of actors', () => {
  it('draws each region as a circle and each actor in its region\'s colour, labelled outwards', async () => {
    const chart = await draw(actorMap, 'ru');
    const regions = dataOf(chart, 'regions') as { colour: string; name: string }[];
    const actors = dataOf(chart, 'actors') as { colour: string; align: string; lines: string[] }[];
    expect(regions.map((r) => r.name)).toEqual(['Государство', 'Арена']);
    expect(actors.map((a) => a.colour)).toEqual([regions[0]!.colour, regions[1]!.colour, regions[1]!.colour]);
    expect(actors.map((a) => a.align)).toEqual(['right', 'left', 'center']);
    expect(chart.alt).toBe('Карта. Арена: Государство: Партии; Арена: СМИ, НПО.');
    expect(chart.table.rows).toEqual([['Партии', 'Государство'], ['СМИ', 'Арена'], ['НПО', 'Арена']]);
  });
});

describe('the three diagrams of the Kazakhstan report', () => {
  it.each(locales)('are drawn from the figure data in %s, every label on the drawing', async (locale) => {
    const { figures } = kazakhstan();
    const k = kazakhstan();
    const charts = await renderCharts({ figures: figures.filter((f) => ['I.3.1', 'II.3.1', 'II.3.2'].includes(f.id)), framework: k.dataset.framework, scores: k.scores, locale, messages: k.messages(locale), theme: k.theme });
    for (const figure of figures) {
      const chart = charts.get(figure.id);
      if (!chart) continue;
      // Wrapped labels come back as lines; joined with spaces they give the label again.
      const drawn = svgTexts(chart.svg).map((t) => t.text).join(' ').replace(/-\s/g, '-');
      const labels = figure.kind === 'stages' ? figure.stages.flatMap((s) => [s.label, ...s.items])
        : figure.kind === 'bubbles' ? [...figure.actors.map((a) => a.label), ...figure.groups.map((g) => g.label)]
          : figure.kind === 'actor-map' ? [...figure.actors.map((a) => a.label), ...figure.regions.map((r) => r.label)] : [];
      expect(labels.length, figure.id).toBeGreaterThan(0);
      for (const label of labels) expect(drawn, `${locale} ${figure.id}`).toContain(label[locale]!);
      expect(chart.width).toBeLessThanOrEqual(k.theme.chart.maxWidth + 0.5);
    }
    expect([...charts.keys()]).toEqual(['I.3.1', 'II.3.1', 'II.3.2']);
  });

  it('sizes the social forces by the Advisory Committee\'s ranking: the five most influential actors largest', async () => {
    const figure = kazakhstan().figures.find((f) => f.id === 'II.3.1')!;
    const sizes = new Map((dataOf(await draw(figure), 'actors') as { key: string; size: number }[]).map((a) => [a.key, a.size]));
    const largest = Math.max(...sizes.values());
    expect([...sizes].filter(([, size]) => size === largest).map(([key]) => key).sort()).toEqual(['executive', 'financial-industrial-groups', 'nur-otan', 'president', 'presidential-family']);
  });
});
