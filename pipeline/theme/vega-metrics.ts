import { AsyncLocalStorage } from 'node:async_hooks';
import * as vega from 'vega';
import { measureText } from './measure.ts';
import type { Theme } from './types.ts';

/** The text item fields Vega passes to its width measurement. */
interface TextItem {
  /** Size in SVG units (points here). */
  fontSize?: number | string;
  /** CSS weight. */
  fontWeight?: string | number;
  /** CSS style. */
  fontStyle?: string;
}

/** Vega's text measurement hook; vega-typings does not declare it. */
interface TextMetrics {
  /** Width of one line of a text item. */
  width: (item: TextItem, text: unknown) => number;
  /** Vega's own guess from the font size, used without a canvas. */
  estimateWidth: (item: TextItem, text: unknown) => number;
}

/**
 * The theme whose fonts measure the text of the charts being rendered, per asynchronous
 * context: two builds rendering charts at once (two countries, two themes) each measure with
 * their own theme, whatever order Vega's asynchronous rendering interleaves them in.
 */
const rendering = new AsyncLocalStorage<Theme>();

/**
 * Vega measures text through one process-wide function (`vega.textMetrics.width`) and has no
 * per-view hook for it: without a canvas package it only guesses widths (0.8 em a character),
 * which cuts labels short and leaves gaps, and axis sizes and autosize padding are computed
 * from these widths. So the function is replaced once, by one that asks the theme of the
 * rendering it is called in; outside `withThemeMetrics` it is Vega's own guess.
 */
function themeWidth(item: TextItem, text: unknown): number {
  const theme = rendering.getStore();
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  if (!theme) return metrics.estimateWidth(item, text);
  // Vega's default font size is 11 when an item sets none.
  const size = item.fontSize === undefined ? 11 : Number(item.fontSize) || 0;
  return measureText(theme, String(text ?? '').trim(), size, item.fontWeight, item.fontStyle);
}

/** Runs `work` (rendering charts with Vega) with Vega measuring text in `theme`'s fonts. */
export function withThemeMetrics<T>(theme: Theme, work: () => Promise<T>): Promise<T> {
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  if (metrics.width !== themeWidth) metrics.width = themeWidth;
  return rendering.run(theme, work);
}
