import { formatCount, formatDecimal } from '../../format/number.ts';
import type { DataFigure } from '../../ingest/types.ts';
import type { ChartContext } from '../context.ts';
import { fillTemplate } from '../fill.ts';
import { hundredTicks, niceTicks } from '../ticks.ts';
import type { ChartDraft } from '../types.ts';
import { widestLine, wrapLines } from '../wrap.ts';
import { lineHeightOf } from '../config.ts';
import { common, seriesGroups, seriesValues } from './series.ts';

/**
 * A line chart: categories are periods along the horizontal axis, a line per series. Ranks run
 * downwards (1, the best, at the top), so a line that rises is an improvement in every unit.
 */
export function buildLine(figure: DataFigure, ctx: ChartContext): ChartDraft {
  const { theme } = ctx;
  const all = seriesValues(figure, ctx);
  const values = all.flatMap((s) => [...s.values.values()].map((v) => v.value));
  const ticks = figure.unit === 'rank' || figure.unit === 'count'
    ? niceTicks(Math.min(...values), Math.max(...values), 4, (v) => formatCount(v, ctx.locale))
    : hundredTicks(theme.chart.tickStep, (v) => formatDecimal(v, ctx.locale, 0));
  const band = theme.chart.lineWidth / Math.max(1, figure.categories.length);
  const title = ctx.text(figure.caption);
  const alt = ctx.t('altLine', { title, groups: seriesGroups(figure, all, ctx) });
  const spec = fillTemplate(theme.templates.line, {
    valueTitle: valueTitle(figure, ctx, Object.values(ticks.labels)),
    ...common(figure, ctx, all, theme.chart.lineWidth, alt, 'bottom'),
    plotHeight: theme.chart.lineHeight,
    reverse: figure.unit === 'rank',
    categoryLabels: Object.fromEntries(figure.categories.map((c) => [c.key, wrapLines(theme, ctx.text(c.label), theme.chart.fontSize.label, band - 4)])),
    ticks,
    data: all.flatMap((s) => figure.categories.filter((c) => s.values.has(c.key)).map((c) => {
      const value = s.values.get(c.key)!;
      return { key: c.key, series: s.series.key, value: value.value, valueLabel: value.label };
    })),
  }, 'line');
  const table = ctx.table(ctx.t('columnPeriod'), all.map((s) => s.label), figure.categories.map((c) => ({ label: ctx.text(c.label), values: all.map((s) => s.values.get(c.key)) })));
  return { grammar: 'vega-lite', spec, alt, table };
}

/**
 * The value axis title set level above the plot, from the left edge of the tick labels, rather
 * than turned on its side: long titles ("Rank (1 = least corrupt)") wrap instead of running
 * past the plot's height.
 */
function valueTitle(figure: DataFigure, ctx: ChartContext, tickLabels: readonly string[]) {
  const { theme } = ctx;
  const size = theme.chart.fontSize.axisTitle;
  const labelColumn = widestLine(theme, tickLabels, theme.chart.fontSize.tick) + 3; // the axis labelPadding
  const lines = figure.valueTitle ? wrapLines(theme, ctx.text(figure.valueTitle), size, theme.chart.lineWidth + labelColumn) : [];
  const lineHeight = lineHeightOf(theme, size);
  return { lines, x: -labelColumn, y: -(lines.length * lineHeight + 8), lineHeight };
}
