import type { Font } from 'fontkit';
import type { FontMemory } from './font-memory.ts';

/** The faces the theme names; chart SVGs use `regular` and `bold` only (see `faceFor`). */
export const faceNames = ['regular', 'italic', 'semibold', 'semiboldItalic', 'bold', 'boldItalic'] as const;
export type FaceName = (typeof faceNames)[number];

/** The chart kinds that have a template in `templates/charts/<kind>.json`. */
export const templateNames = ['diamond', 'subdimensions', 'bar', 'grouped-bar', 'stacked-bar', 'line', 'stages', 'bubbles', 'actor-map'] as const;
export type TemplateName = (typeof templateNames)[number];

/** One font face, opened and ready to measure. */
export interface FontFace {
  /** Its key in the theme, e.g. `semibold`. */
  key: FaceName;
  /** Absolute path of the TTF file, for pdfkit and resvg. */
  file: string;
  /** CSS weight, e.g. 400 or 700. */
  weight: number;
  /** CSS style. */
  style: 'normal' | 'italic';
  /** The name the PDF layout registers it under: `doc.registerFont(name, file)`. */
  name: string;
  /** The parsed font, for text widths and glyph coverage. */
  font: Font;
}

/** Type sizes (pt) of the PDF text. */
export interface TextSizes {
  /** Body paragraphs. */
  body: number;
  /** Tables and small print. */
  small: number;
  /** Figure and table captions. */
  caption: number;
  /** Footnotes. */
  footnote: number;
  /** Running heads and page numbers. */
  runningHead: number;
  /** Part headings. */
  heading1: number;
  /** Section headings. */
  heading2: number;
  /** Sub-section headings. */
  heading3: number;
  /** Line height as a factor of the type size. */
  lineHeight: number;
}

/** The named colours (hex RGB). */
export interface Colours {
  /** Body text and chart labels. */
  text: string;
  /** Axis titles, tick labels, notes. */
  muted: string;
  /** Links, heading rules, the single series of a bar chart. */
  accent: string;
  /** Table rules. */
  rule: string;
  /** Chart gridlines. */
  gridline: string;
  /** Chart axis lines. */
  axis: string;
  /** The outline behind labels drawn over lines. */
  halo: string;
}

/** Font sizes (pt) of chart texts. */
export interface ChartFontSizes {
  /** Category and legend labels. */
  label: number;
  /** Value labels on bars and points. */
  value: number;
  /** Axis tick labels. */
  tick: number;
  /** Axis titles. */
  axisTitle: number;
}

/** Sizes and strokes shared by the bar and line charts (pt). */
export interface ChartStyle {
  /** Widest a chart may be: the body text width. */
  maxWidth: number;
  /** Widest the category label column may be before labels wrap. */
  labelColumnMax: number;
  /** Gap between a bar and its value label, and between labels and the plot. */
  labelGap: number;
  /** Height of one bar band for a one-line label. */
  barStep: number;
  /** Share of a band the bar fills, 0–1. */
  barFill: number;
  /** Plot width of a line chart. */
  lineWidth: number;
  /** Plot height of a line chart. */
  lineHeight: number;
  /** Distance between value-axis ticks on a 0–100 scale. */
  tickStep: number;
  /** Font sizes. */
  fontSize: ChartFontSizes;
  /** Line height of multi-line labels, as a factor of the font size. */
  lineHeightFactor: number;
  /** Stroke width of gridlines. */
  gridlineWidth: number;
  /** Stroke width of axis lines. */
  axisWidth: number;
  /** Stroke width of line-chart lines. */
  lineStrokeWidth: number;
  /** Area of a line-chart point (pt²). */
  pointSize: number;
}

/** Sizes of the diagrams drawn from data: stages, bubbles, maps (pt). */
export interface DiagramStyle {
  /** Height of a bubble chart's plane. */
  bubblesHeight: number;
  /** Height of a map's plane. */
  mapHeight: number;
  /** Radius of the circle of the largest impact. */
  maxRadius: number;
  /** Radius of an actor's dot on a map. */
  dotRadius: number;
  /** Widest an actor's label may be before it wraps. */
  labelMax: number;
  /** Space between stage boxes, where the arrow goes. */
  stageGap: number;
  /** Space inside a stage box. */
  stagePadding: number;
  /** Font sizes: stage titles and region names, activities and actor labels. */
  fontSize: { heading: number; label: number };
}

/** The Civil Society Diamond's geometry and look. */
export interface DiamondStyle {
  /** The four axes clockwise from the top, by dimension key. */
  axes: readonly string[];
  /** Diameter of the 0–100 axes (pt). */
  size: number;
  /** Gridline rings on the 0–100 scale. */
  rings: readonly number[];
  /** Widest an axis name may be before it wraps (pt). */
  axisNameMax: number;
  /** Font sizes (pt). */
  fontSize: { axisName: number; value: number; tick: number; circle: number };
  /** Fill colour of the score polygon. */
  polygonFill: string;
  /** Its opacity, 0–1. */
  polygonFillOpacity: number;
  /** Outline colour of the polygon. */
  polygonStroke: string;
  /** Outline width of the polygon. */
  polygonStrokeWidth: number;
  /** Colour of the External Environment circle. */
  circleStroke: string;
  /** Its stroke width. */
  circleStrokeWidth: number;
  /** Its dash pattern. */
  circleDash: readonly number[];
  /** Opacity of its fill, 0–1. */
  circleFillOpacity: number;
  /** Area of a vertex dot (pt²). */
  vertexSize: number;
}

/** The visual theme: fonts, sizes, colours and chart templates, defined once for every output. */
export interface Theme {
  /** The theme file, relative to the project root. */
  file: string;
  /** The font family of charts and text, and its faces. */
  font: { family: string; faces: Readonly<Record<FaceName, FontFace>> };
  /** Type sizes of the PDF text. */
  text: TextSizes;
  /** Named colours. */
  colours: Colours;
  /** Colour per dimension key. */
  dimensions: Readonly<Record<string, string>>;
  /** Colours of the series of grouped and stacked charts, in order. */
  series: readonly string[];
  /** Bar and line chart style. */
  chart: ChartStyle;
  /** Diamond style. */
  diamond: DiamondStyle;
  /** Diagram sizes. */
  diagram: DiagramStyle;
  /** The chart templates (Vega-Lite, or Vega for the diamond), parsed from JSON. */
  templates: Readonly<Record<TemplateName, unknown>>;
  /** What measuring and shaping its text remembers: the build's font memory. */
  memory: FontMemory;
}
