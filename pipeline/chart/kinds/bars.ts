import { formatDecimal } from '../../format/number.ts';
import { measureText } from '../../theme/measure.ts';
import type { Theme } from '../../theme/types.ts';
import type { DataFigure, SubdimensionsFigure } from '../../ingest/types.ts';
import { bandLayout, chartPadding } from '../bands.ts';
import { lineHeightOf, themeMarkers, vegaLiteConfig } from '../config.ts';
import type { ChartContext, LabelledValue } from '../context.ts';
import { fillTemplate } from '../fill.ts';
import { hundredTicks, type Ticks } from '../ticks.ts';
import type { ChartDraft } from '../types.ts';
import { chartValue, resolveValue, scoreOf } from '../values.ts';
import { valueTicks } from './series.ts';

/** One bar: a category and its value. */
interface Bar extends LabelledValue {
  /** Category key. */
  key: string;
  /** True when the source publishes no number for the category: no bar, a note in its place. */
  missing?: boolean;
}

/** What differs between a bar chart and a sub-dimension chart. */
interface BarChartParts {
  /** The template to fill. */
  template: 'bar' | 'subdimensions';
  /** The localised caption, for the alt text. */
  title: string;
  /** The bars, in display order. */
  bars: readonly Bar[];
  /** Colour of the bars. */
  colour: string;
  /** Title of the value axis, or none. */
  valueTitle: string | null;
  /** The value axis. */
  ticks: Ticks;
  /** The `chart.*` string of the alt text. */
  altKey: string;
  /** Headings of the data table: category column, value column. */
  columns: readonly [string, string];
  /** Markers only one template uses. */
  extra?: Record<string, unknown>;
  /** A vertical line across the bars (the dimension's score) that no value label may cross. */
  line?: number;
}

/** A bar chart: one series, a horizontal bar per category. */
export function buildBar(figure: DataFigure, ctx: ChartContext): ChartDraft {
  const series = figure.series[0]!;
  const bars = figure.categories.map((category): Bar => {
    const given = series.values.get(category.key)!;
    const label = ctx.text(category.label);
    if (given.kind === 'none') {
      const note = ctx.t('noValue');
      return { key: category.key, label, value: { value: 0, label: note, text: note }, missing: true };
    }
    const { value, decimals } = resolveValue(given, ctx.input.scores, figure.unit);
    return { key: category.key, label, value: chartValue(value, decimals, figure.unit, ctx.locale) };
  });
  const ticks = valueTicks(figure, ctx, Math.max(0, ...bars.filter((b) => !b.missing).map((b) => b.value.value)));
  return horizontalBars(ctx, {
    template: 'bar',
    title: ctx.text(figure.caption),
    bars,
    colour: ctx.theme.colours.accent,
    valueTitle: figure.valueTitle ? ctx.text(figure.valueTitle) : null,
    ticks,
    altKey: 'altBar',
    columns: [ctx.t('columnCategory'), ctx.text(series.label)],
  });
}

/** A sub-dimension chart: a bar per sub-dimension of a dimension, coloured as the dimension. */
export function buildSubdimensions(figure: SubdimensionsFigure, ctx: ChartContext): ChartDraft {
  const dimension = ctx.input.framework.dimensions.find((d) => d.id === figure.dimension);
  if (!dimension) throw new Error(`no dimension "${figure.dimension}" (ingest should have refused this)`);
  const bars = dimension.subdimensions.map((sub): Bar => {
    const { score, decimals } = scoreOf(ctx.input.scores, sub.id);
    return { key: sub.id, label: ctx.text(sub.name), value: chartValue(score, decimals, 'score', ctx.locale) };
  });
  // The dimension's score, the mean of the bars, as a dashed reference line across them.
  const overall = scoreOf(ctx.input.scores, dimension.id);
  const mean = chartValue(overall.score, overall.decimals, 'score', ctx.locale);
  return horizontalBars(ctx, {
    template: 'subdimensions',
    title: ctx.text(figure.caption),
    bars,
    colour: ctx.theme.dimensions[dimension.key] ?? ctx.theme.colours.accent,
    valueTitle: ctx.t('scoreTitle'),
    ticks: hundredTicks(ctx.theme.chart.tickStep, (v) => formatDecimal(v, ctx.locale, 0)),
    altKey: 'altSubdimensions',
    columns: [ctx.t('columnSubdimension'), ctx.t('columnScore')],
    extra: {
      dimension: {
        data: [{ value: mean.value, label: ctx.t('dimensionScore', { value: mean.label }) }],
        // Near the right end the label runs leftwards, so it stays above the plot.
        align: mean.value > 70 ? 'right' : mean.value < 30 ? 'left' : 'center',
      },
    },
    line: mean.value,
  });
}

function horizontalBars(ctx: ChartContext, parts: BarChartParts): ChartDraft {
  const { theme } = ctx;
  const [low, high] = parts.ticks.domain;
  const fraction = (value: number) => (Math.min(Math.max(value, low), high) - low) / (high - low);
  // Where each value label starts, on the value scale: past its bar's end, or past the line
  // when the label would cross it. Moving a label can narrow the plot, which can move the
  // line relative to a label again, so this repeats until nothing moves.
  let starts = parts.bars.map((bar) => (bar.missing ? low : bar.value.value));
  let layout = bandLayout(theme, parts.bars, parts.bars.map((bar, b) => ({ fraction: fraction(starts[b]!), label: bar.value.label })), theme.chart.barStep);
  for (let round = 0; parts.line !== undefined && round < 3; round += 1) {
    const moved = labelStarts(theme, parts.bars, parts.line, layout.plotWidth, fraction, low);
    if (moved.every((start, b) => start === starts[b])) break;
    starts = moved;
    layout = bandLayout(theme, parts.bars, parts.bars.map((bar, b) => ({ fraction: fraction(starts[b]!), label: bar.value.label })), theme.chart.barStep);
  }
  // The bar keeps its thickness when a wrapped label makes the band taller.
  const bandPadding = 1 - (theme.chart.barStep * theme.chart.barFill) / layout.step;
  const alt = ctx.t(parts.altKey, { title: parts.title, items: ctx.items(parts.bars) });
  const spec = fillTemplate(theme.templates[parts.template], {
    alt,
    config: vegaLiteConfig(theme),
    theme: themeMarkers(theme),
    padding: chartPadding,
    plotWidth: layout.plotWidth,
    step: layout.step,
    bandPadding,
    bandPaddingOuter: bandPadding / 2,
    categoryLabels: layout.labels,
    labelLineHeight: lineHeightOf(theme, theme.chart.fontSize.label),
    ticks: parts.ticks,
    colour: parts.colour,
    text: { valueTitle: parts.valueTitle },
    data: parts.bars.map((bar, b) => ({ key: bar.key, value: bar.missing ? null : bar.value.value, labelAt: starts[b], valueLabel: bar.value.label, missing: bar.missing === true })),
    ...parts.extra,
  }, parts.template);
  const table = ctx.table(parts.columns[0], [parts.columns[1]], parts.bars.map((bar) => ({ label: bar.label, values: [bar.value] })));
  return { grammar: 'vega-lite', spec, alt, table };
}

/**
 * Where each value label starts (on the value scale) so that none crosses the line at `line`.
 * A label whose bar ends short of the line but which would run over it moves to just past the
 * line: the number stays on its bar's row, clear of the dashes, and the bar keeps its length.
 */
export function labelStarts(
  theme: Theme,
  bars: readonly { value: { value: number; label: string }; missing?: boolean }[],
  line: number,
  plotWidth: number,
  fraction: (value: number) => number,
  low: number,
): number[] {
  const { labelGap, fontSize } = theme.chart;
  const lineX = fraction(line) * plotWidth;
  return bars.map((bar) => {
    if (bar.missing) return low;
    const end = fraction(bar.value.value) * plotWidth;
    const start = end + labelGap;
    const width = measureText(theme, bar.value.label, fontSize.value);
    const crosses = end < lineX && start - lineClearance < lineX && start + width + lineClearance > lineX;
    return crosses ? line : bar.value.value;
  });
}

/** Space (pt) kept between a value label and the line: half its stroke and a little air. */
export const lineClearance = 1.5;
