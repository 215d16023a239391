import { formatDecimal } from '../../format/number.ts';
import type { DataFigure, FigureSeries } from '../../ingest/types.ts';
import { chartPadding, type BandLayout } from '../bands.ts';
import { lineHeightOf, themeMarkers, vegaLiteConfig } from '../config.ts';
import type { ChartContext } from '../context.ts';
import { seriesLegend } from '../legend.ts';
import { hundredTicks, niceTicks, type Ticks } from '../ticks.ts';
import type { ChartDraft, ChartTable, ChartValue } from '../types.ts';
import { fillTemplate } from '../fill.ts';
import { chartValue, resolveValue } from '../values.ts';

/** Every value of a data figure, by series then category. */
export interface SeriesValues {
  /** The series as declared. */
  series: FigureSeries;
  /** Its localised label. */
  label: string;
  /** Its colour, from the theme's series colours. */
  colour: string;
  /** Its values, formatted, by category key. */
  values: Map<string, ChartValue>;
}

/** Resolves and formats every value of a data figure; colours come from the theme's series. */
export function seriesValues(figure: DataFigure, ctx: ChartContext): SeriesValues[] {
  return figure.series.map((series, s) => {
    const values = new Map<string, ChartValue>();
    for (const [key, value] of series.values) {
      // Only bar charts may hold a category without a number (ingest refuses it elsewhere).
      if (value.kind === 'none') continue;
      const resolved = resolveValue(value, ctx.input.scores, figure.unit);
      values.set(key, chartValue(resolved.value, resolved.decimals, figure.unit, ctx.locale));
    }
    return { series, label: ctx.text(series.label), colour: ctx.theme.series[s % ctx.theme.series.length]!, values };
  });
}

/** The alt text's per-series groups: "Series: label value; label value". */
export function seriesGroups(figure: DataFigure, all: readonly SeriesValues[], ctx: ChartContext): string {
  return all
    .map((s) => ctx.t('altSeries', {
      series: s.label,
      items: ctx.items(figure.categories.filter((c) => s.values.has(c.key)).map((c) => ({ label: ctx.text(c.label), value: s.values.get(c.key)! }))),
    }))
    .join(ctx.t('seriesSeparator'));
}

/** The figure's data table: a row per category, a column per series. */
export function dataTable(figure: DataFigure, all: readonly SeriesValues[], ctx: ChartContext, heading: string): ChartTable {
  return ctx.table(heading, all.map((s) => s.label), figure.categories.map((c) => ({ label: ctx.text(c.label), values: all.map((s) => s.values.get(c.key)) })));
}

/** Ticks of the value axis: 0–100 for shares and scores, round steps around the data otherwise. */
export function valueTicks(figure: DataFigure, ctx: ChartContext, max: number): Ticks {
  if (figure.unit === 'rank' || figure.unit === 'count') return niceTicks(0, max, 5, (v) => formatDecimal(v, ctx.locale, 0));
  return hundredTicks(ctx.theme.chart.tickStep, (v) => formatDecimal(v, ctx.locale, 0));
}

/** The markers grouped, stacked and line charts share. */
export function common(figure: DataFigure, ctx: ChartContext, all: readonly SeriesValues[], plotWidth: number, alt: string, legendOrient: 'top' | 'bottom' = 'top'): Record<string, unknown> {
  const { theme } = ctx;
  return {
    alt,
    config: vegaLiteConfig(theme),
    theme: themeMarkers(theme),
    padding: chartPadding,
    plotWidth,
    labelLineHeight: lineHeightOf(theme, theme.chart.fontSize.label),
    seriesKeys: all.map((s) => s.series.key),
    seriesLabels: Object.fromEntries(all.map((s) => [s.series.key, s.label])),
    colours: all.map((s) => s.colour),
    legend: seriesLegend(theme, all.map((s) => s.label), plotWidth, legendOrient),
    text: { valueTitle: figure.valueTitle ? ctx.text(figure.valueTitle) : null },
  };
}

/** The largest value of any series. */
export function maxOf(all: readonly SeriesValues[]): number {
  return Math.max(...all.flatMap((s) => [...s.values.values()].map((v) => v.value)));
}

/** What differs between the multi-series band charts (grouped and stacked bars). */
export interface MultiSeriesBands {
  /** The template, and the alt-text pattern (`altGroupedBar` …) of the kind. */
  kind: 'grouped-bar' | 'stacked-bar';
  altKey: string;
  /** The series' values. */
  all: readonly SeriesValues[];
  /** The band layout and the padding between bands. */
  layout: BandLayout;
  bandPadding: number;
  /** The value axis. */
  ticks: Ticks;
  /** The rows of the chart's data. */
  data: readonly object[];
}

/** Fills a multi-series band chart's template; the kinds differ only in their rows and bands. */
export function multiSeriesDraft(figure: DataFigure, ctx: ChartContext, bands: MultiSeriesBands): ChartDraft {
  const { kind, altKey, all, layout, bandPadding, ticks, data } = bands;
  const alt = ctx.t(altKey, { title: ctx.text(figure.caption), groups: seriesGroups(figure, all, ctx) });
  const spec = fillTemplate(ctx.theme.templates[kind], {
    ...common(figure, ctx, all, layout.plotWidth, alt),
    step: layout.step,
    bandPadding,
    bandPaddingOuter: bandPadding / 2,
    categoryLabels: layout.labels,
    ticks,
    data,
  }, kind);
  return { grammar: 'vega-lite', spec, alt, table: dataTable(figure, all, ctx, ctx.t('columnCategory')) };
}
