import type { DataFigure } from '../../ingest/types.ts';
import { measureText } from '../../theme/measure.ts';
import { bandLayout } from '../bands.ts';
import type { ChartContext } from '../context.ts';
import { labelColourOn } from '../legend.ts';
import type { ChartDraft } from '../types.ts';
import { multiSeriesDraft, seriesValues, valueTicks } from './series.ts';

/** A stacked bar chart: per category, the series' values end to end, each labelled inside when it fits. */
export function buildStackedBar(figure: DataFigure, ctx: ChartContext): ChartDraft {
  const { theme } = ctx;
  const all = seriesValues(figure, ctx);
  const categories = figure.categories.map((c) => ({ key: c.key, label: ctx.text(c.label) }));
  const layout = bandLayout(theme, categories, [], theme.chart.barStep);
  const bandPadding = 1 - (theme.chart.barStep * theme.chart.barFill) / layout.step;
  const totals = figure.categories.map((c) => all.reduce((sum, s) => sum + (s.values.get(c.key)?.value ?? 0), 0));
  const ticks = valueTicks(figure, ctx, Math.max(...totals));
  const span = ticks.domain[1] - ticks.domain[0];
  const data = figure.categories.flatMap((c) => {
    let start = 0;
    return all.filter((s) => s.values.has(c.key)).map((s) => {
      const value = s.values.get(c.key)!;
      const end = start + value.value;
      const segment = ((end - start) / span) * layout.plotWidth;
      // A label that does not fit its segment is left out; the table and alt text still have it.
      const fits = measureText(theme, value.label, theme.chart.fontSize.value) + 4 <= segment;
      const row = { key: c.key, series: s.series.key, start, end, mid: (start + end) / 2, valueLabel: fits ? value.label : '', labelColour: labelColourOn(theme, s.colour) };
      start = end;
      return row;
    });
  });
  return multiSeriesDraft(figure, ctx, { kind: 'stacked-bar', altKey: 'altStackedBar', all, layout, bandPadding, ticks, data });
}
