import { measureText } from '../theme/measure.ts';
import type { Theme } from '../theme/types.ts';
import { lineHeightOf } from './config.ts';
import { widestLine, wrapLines } from './wrap.ts';

/** Space (pt) Vega leaves around a chart; small, as the PDF page has its own margins. */
export const chartPadding = 2;

/** A value label set just past the end of a bar. */
export interface BarEnd {
  /** Where the bar ends, as a share of the plot width (0–1). */
  fraction: number;
  /** The label. */
  label: string;
}

/** How a chart of horizontal bands (one per category) fits the page width. */
export interface BandLayout {
  /** Each category's label broken into lines, by category key. */
  labels: Record<string, string[]>;
  /** Height of one band (pt): room for the bars and for the longest label. */
  step: number;
  /** Width of the plot (pt). */
  plotWidth: number;
}

/**
 * Lays out the bands of a horizontal bar chart: labels wrap at the theme's label column
 * width, and the plot is as wide as it can be with the labels on its left and every value
 * label past its bar's end still inside the page width, all measured with the real font.
 */
export function bandLayout(theme: Theme, categories: readonly { key: string; label: string }[], ends: readonly BarEnd[], minStep: number): BandLayout {
  const { chart } = theme;
  const size = chart.fontSize.label;
  const labels = Object.fromEntries(categories.map((c) => [c.key, wrapLines(theme, c.label, size, chart.labelColumnMax)]));
  const labelColumn = widestLine(theme, Object.values(labels).flat(), size);
  const maxLines = Math.max(1, ...Object.values(labels).map((lines) => lines.length));
  // The band axis puts labelGap + 2 between its labels and the plot (see vegaLiteConfig);
  // one more point absorbs the rounding of SVG coordinates.
  const available = chart.maxWidth - 2 * chartPadding - labelColumn - (chart.labelGap + 2) - 1;
  // Each label must end inside: width × fraction + gap + label ≤ available.
  let plotWidth = available;
  for (const end of ends) {
    const room = available - chart.labelGap - measureText(theme, end.label, chart.fontSize.value);
    if (end.fraction > 0) plotWidth = Math.min(plotWidth, room / end.fraction);
  }
  const step = Math.max(minStep, Math.ceil(maxLines * lineHeightOf(theme, size) + 6));
  return { labels, step, plotWidth: Math.floor(plotWidth) };
}
