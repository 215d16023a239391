import { renderCharts, type Charts } from '../../pipeline/chart/index.ts';
import type { FigureDef, FigureValue } from '../../pipeline/ingest/types.ts';
import type { LocalisedText } from '../../pipeline/ingest/types.ts';
import { kazakhstan } from './kazakhstan.ts';

const text = (en: string, ru: string, kk: string): LocalisedText => ({ en, ru, kk });
const n = (value: number) => ({ kind: 'number' as const, value });

/**
 * Figures of the kinds the Kazakhstan report does not use (stacked bars, several lines, counts),
 * so every template is rendered and checked. The numbers are made up; the texts are real.
 */
export const syntheticFigures: FigureDef[] = [
  {
    id: 'T.1',
    kind: 'stacked-bar',
    caption: text('Confidence in organisations', 'Доверие к организациям', 'Ұйымдарға сенім'),
    unit: 'percent',
    valueTitle: text('% of respondents', '% респондентов', 'Респонденттер, %'),
    place: { file: 'test' },
    categories: [
      { key: 'religious', label: text('Religious organisations (mosques, churches)', 'Религиозные организации (мечети, церкви)', 'Діни ұйымдар (мешіттер, шіркеулер)') },
      { key: 'parties', label: text('Political parties', 'Политические партии', 'Саяси партиялар') },
    ],
    series: [
      { key: 'great', label: text('A great deal', 'Очень доверяют', 'Толық сенеді'), values: new Map<string, FigureValue>([['religious', n(17.7)], ['parties', n(3.1)]]) },
      { key: 'quite', label: text('Quite a lot', 'Довольно доверяют', 'Едәуір сенеді'), values: new Map<string, FigureValue>([['religious', n(48.2)], ['parties', { kind: 'indicator', id: '4.7.4' }]]) },
      { key: 'little', label: text('Not very much or none', 'Мало или совсем не доверяют', 'Аз сенеді немесе мүлдем сенбейді'), values: new Map<string, FigureValue>([['religious', n(34.1)], ['parties', n(60.1)]]) },
    ],
  },
  {
    id: 'T.2',
    kind: 'line',
    caption: text('Registered organisations', 'Зарегистрированные организации', 'Тіркелген ұйымдар'),
    unit: 'count',
    valueTitle: text('Organisations', 'Организации', 'Ұйымдар'),
    place: { file: 'test' },
    categories: ['2007', '2008', '2009', '2010'].map((year) => ({ key: year, label: text(year, year, year) })),
    series: [
      { key: 'ngo', label: text('Non-governmental organisations', 'Неправительственные организации', 'Үкіметтік емес ұйымдар'), values: new Map<string, FigureValue>([['2007', n(4850)], ['2008', n(5120)], ['2009', n(5730)], ['2010', n(6120)]]) },
      { key: 'other', label: text('Other non-profit organisations', 'Другие некоммерческие организации', 'Басқа коммерциялық емес ұйымдар'), values: new Map<string, FigureValue>([['2007', n(2100)], ['2008', n(2380)], ['2009', n(2600)], ['2010', n(2950)]]) },
    ],
  },
];

const charts = new Map<string, Promise<Charts>>();

/** The synthetic figures drawn for a locale, once per test run. */
export function syntheticCharts(locale: string): Promise<Charts> {
  let found = charts.get(locale);
  if (!found) {
    const k = kazakhstan();
    found = renderCharts({ figures: syntheticFigures, framework: k.dataset.framework, scores: k.scores, locale, messages: k.messages(locale), theme: k.theme });
    charts.set(locale, found);
  }
  return found;
}
