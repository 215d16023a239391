import { measureText } from '../theme/measure.ts';
import type { Theme } from '../theme/types.ts';

/** Space (pt) a legend entry takes besides its label: the swatch and the gap after it. */
const swatch = 14;

/**
 * A Vega-Lite legend for several series, or none for one: a single series is named by the axis
 * title. It sits above bars (where the eye starts) and below a line chart (whose value title
 * is above the plot). Entries sit in one row when they fit `width`, else in as many columns as
 * fit, so the legend never runs past the page.
 */
export function seriesLegend(theme: Theme, labels: readonly string[], width: number, orient: 'top' | 'bottom' = 'top'): object | null {
  if (labels.length < 2) return null;
  const entries = labels.map((label) => swatch + measureText(theme, label, theme.chart.fontSize.label));
  const padding = 14; // the config's legend columnPadding
  let columns = labels.length;
  while (columns > 1 && rowWidth(entries, columns, padding) > width) columns -= 1;
  return {
    title: null,
    orient,
    direction: 'horizontal',
    columns,
    labelExpr: 'seriesLabels[datum.value]',
  };
}

/** Width of a legend laid out in `columns` columns, each as wide as its widest entry. */
function rowWidth(entries: readonly number[], columns: number, padding: number): number {
  let total = 0;
  for (let c = 0; c < columns; c += 1) {
    total += Math.max(...entries.filter((_, i) => i % columns === c));
  }
  return total + padding * (columns - 1);
}

/** Text colour that reads on a fill: white or the text colour, whichever contrasts with it more (WCAG 2.1). */
export function labelColourOn(theme: Theme, fill: string): string {
  const onFill = (colour: string) => {
    const [light, dark] = [luminance(colour), luminance(fill)].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  };
  return onFill('#ffffff') > onFill(theme.colours.text) ? '#ffffff' : theme.colours.text;
}

/** Relative luminance of an sRGB colour `#rrggbb` (WCAG 2.1). */
function luminance(colour: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
