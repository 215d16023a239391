import type { Messages } from '../format/messages.ts';
import type { FigureDef } from '../ingest/types.ts';
import type { Framework } from '../ingest/types.ts';
import type { Scores } from '../score/types.ts';
import type { Theme } from '../theme/types.ts';

/** What the chart stage needs to draw one locale's figures. */
export interface ChartInput {
  /** The figures of the report, in report order. */
  figures: readonly FigureDef[];
  /** The framework: dimension and sub-dimension names and keys. */
  framework: Framework;
  /** Every score, unrounded; indicator references resolve here. */
  scores: Scores;
  /** The edition's locale, e.g. `ru`. */
  locale: string;
  /** The locale whose text, marked, stands in for a missing translation (policy `fallback`). */
  sourceLocale?: string;
  /** The edition's UI strings (`chart.*` keys). */
  messages: Messages;
  /** Fonts, sizes, colours and chart templates. */
  theme: Theme;
  /** Where rendered charts are kept between builds (keyed by their complete spec). */
  cache?: import('../cache/key.ts').StageCache;
  /** The pipeline's version, part of every cache key. */
  version?: string;
  /** Told each chart as soon as it is drawn (a build starts its PNG then), in figure order. */
  onChart?: (chart: Chart) => void;
}

/** A figure's data as a table: what a screen reader, the data appendix and tests read. */
export interface ChartTable {
  /** Column headings: the category column, then one per series. */
  columns: string[];
  /** One row per category: its label, then the formatted values. */
  rows: string[][];
}

/** One drawn figure. */
export interface Chart {
  /** Figure id, e.g. `III.1.1`. */
  id: string;
  /** Figure kind, e.g. `subdimensions`. */
  kind: string;
  /** The localised caption. */
  title: string;
  /** The spec as filled from its template: Vega-Lite, or Vega for the diamond and the diagrams. */
  spec: object;
  /** The Vega spec that was rendered (compiled from Vega-Lite where needed). */
  vega: object;
  /** The rendered SVG; one SVG unit is one point. */
  svg: string;
  /** Width in points. */
  width: number;
  /** Height in points. */
  height: number;
  /** A text alternative in the locale, generated from the data. */
  alt: string;
  /** The data, formatted and localised. */
  table: ChartTable;
}

/** Every drawn figure of one locale, by figure id, in report order. */
export type Charts = ReadonlyMap<string, Chart>;

/** What a kind's builder hands to the renderer. */
export interface ChartDraft {
  /** Which grammar `spec` is written in. */
  grammar: 'vega' | 'vega-lite';
  /** The filled template. */
  spec: object;
  /** The text alternative. */
  alt: string;
  /** The data table. */
  table: ChartTable;
}

/** One value ready to draw: the number and its formatted forms. */
export interface ChartValue {
  /** The unrounded number the mark is drawn at. */
  value: number;
  /** As a label on the chart, where the axis title carries the unit: `46.9`. */
  label: string;
  /** With its unit, for the table and alt text: `46.9%`, ru `46,9 %`. */
  text: string;
}
