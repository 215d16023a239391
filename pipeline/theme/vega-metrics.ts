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
}

/**
 * Makes Vega measure text with the theme's font. Without a canvas package Vega only guesses
 * widths (0.8 em a character), which cuts labels short and leaves gaps; axis sizes and
 * autosize padding are computed from these widths, so they must be the real ones.
 */
export function installTextMetrics(theme: Theme): void {
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  metrics.width = (item, text) => {
    // Vega's default font size is 11 when an item sets none.
    const size = item.fontSize === undefined ? 11 : Number(item.fontSize) || 0;
    return measureText(theme, String(text ?? '').trim(), size, item.fontWeight, item.fontStyle);
  };
}
