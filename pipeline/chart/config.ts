import type { Theme } from '../theme/types.ts';

/**
 * The family as a CSS value. Quoted, because a family name with a word starting with a digit
 * ("Source Sans 3") is not a valid unquoted CSS name and SVG renderers then drop it.
 */
export function cssFamily(theme: Theme): string {
  return `'${theme.font.family.replace(/'/g, '')}'`;
}

/** Line height (pt) of multi-line chart labels of a size. */
export function lineHeightOf(theme: Theme, size: number): number {
  return Math.round(size * theme.chart.lineHeightFactor * 100) / 100;
}

/**
 * The Vega-Lite `config` every template shares, from the theme: one place decides how axes,
 * gridlines, legends and labels look. The background stays transparent so the PDF page shows
 * through; PNGs get their white background when rasterised.
 */
export function vegaLiteConfig(theme: Theme): object {
  const { chart, colours } = theme;
  const font = cssFamily(theme);
  return {
    background: 'transparent',
    // No generated ARIA descriptions of marks ("key: parties; value: 22.7"): they would be in
    // English field names in every edition. The chart's own description is its alt text.
    aria: false,
    font,
    view: { stroke: null },
    axis: {
      labelFont: font,
      labelFontSize: chart.fontSize.tick,
      labelColor: colours.muted,
      labelLimit: 0,
      labelPadding: 3,
      titleFont: font,
      titleFontSize: chart.fontSize.axisTitle,
      titleFontWeight: 'normal',
      titleColor: colours.muted,
      titlePadding: 6,
      gridColor: colours.gridline,
      gridWidth: chart.gridlineWidth,
      domainColor: colours.axis,
      domainWidth: chart.axisWidth,
      tickColor: colours.axis,
      tickWidth: chart.axisWidth,
      tickSize: 3,
    },
    axisBand: {
      labelFontSize: chart.fontSize.label,
      labelColor: colours.text,
      labelLineHeight: lineHeightOf(theme, chart.fontSize.label),
      labelPadding: chart.labelGap + 2,
      ticks: false,
      domain: false,
      grid: false,
    },
    axisPoint: {
      labelFontSize: chart.fontSize.label,
      labelColor: colours.text,
      labelLineHeight: lineHeightOf(theme, chart.fontSize.label),
      grid: false,
    },
    legend: {
      labelFont: font,
      labelFontSize: chart.fontSize.label,
      labelColor: colours.text,
      labelLimit: 0,
      symbolType: 'square',
      symbolSize: 70,
      symbolStrokeWidth: 0,
      columnPadding: 14,
      rowPadding: 4,
      padding: 0,
      offset: 8,
    },
    text: { font, fontSize: chart.fontSize.value, color: colours.text },
    line: { strokeWidth: chart.lineStrokeWidth },
    point: { size: chart.pointSize, filled: true, opacity: 1 },
  };
}

/** The Vega `config` of the diamond template. */
export function vegaConfig(theme: Theme): object {
  return {
    background: 'transparent',
    text: { font: cssFamily(theme), fill: theme.colours.text },
  };
}

/** The theme values templates may name as `$theme.…` markers. */
export function themeMarkers(theme: Theme): object {
  return {
    family: cssFamily(theme),
    colours: theme.colours,
    dimensions: theme.dimensions,
    series: theme.series,
    chart: theme.chart,
    diamond: theme.diamond,
    diagram: theme.diagram,
  };
}
