import type { DataFigure } from '../../ingest/types.ts';
import { bandLayout } from '../bands.ts';
import type { ChartContext } from '../context.ts';
import type { ChartDraft } from '../types.ts';
import { maxOf, multiSeriesDraft, seriesValues, valueTicks } from './series.ts';

/** A grouped bar chart: per category, one bar per series side by side. */
export function buildGroupedBar(figure: DataFigure, ctx: ChartContext): ChartDraft {
  const { theme } = ctx;
  const all = seriesValues(figure, ctx);
  const categories = figure.categories.map((c) => ({ key: c.key, label: ctx.text(c.label) }));
  // A group holds one slimmer bar per series; the band grows to fit them.
  const bar = theme.chart.barStep * theme.chart.barFill * 0.85;
  const group = (all.length * bar) / (1 - 0.12);
  const ticks = valueTicks(figure, ctx, maxOf(all));
  const [low, high] = ticks.domain;
  const ends = all.flatMap((s) => [...s.values.values()].map((v) => ({ fraction: (Math.min(v.value, high) - low) / (high - low), label: v.label })));
  const layout = bandLayout(theme, categories, ends, Math.ceil(group + theme.chart.barStep * (1 - theme.chart.barFill)));
  const bandPadding = 1 - group / layout.step;
  const data = all.flatMap((s) => figure.categories.filter((c) => s.values.has(c.key)).map((c) => {
    const value = s.values.get(c.key)!;
    return { key: c.key, series: s.series.key, value: value.value, valueLabel: value.label };
  }));
  return multiSeriesDraft(figure, ctx, { kind: 'grouped-bar', altKey: 'altGroupedBar', all, layout, bandPadding, ticks, data });
}
