import type { Theme } from '../../theme/types.ts';
import { widestLine, wrapLines } from '../wrap.ts';

/**
 * The 0–100 plane of the diagrams of actors (bubble charts, maps), in points: x from the left,
 * y from the bottom as the data write it, turned into SVG's y from the top.
 */
export interface Plane {
  /** Width and height (pt). */
  width: number;
  height: number;
}

/** A point of the data's 0–100 plane in points on the drawing. */
export function toPoints(plane: Plane, x: number, y: number): { x: number; y: number } {
  return { x: (x / 100) * plane.width, y: (1 - y / 100) * plane.height };
}

/** Colours of groups or regions: every other colour of the theme's series, so neighbours differ in hue. */
export function groupColours(theme: Theme, count: number): string[] {
  const palette = theme.series.filter((_, i) => i % 2 === 0).concat(theme.series.filter((_, i) => i % 2 === 1));
  return Array.from({ length: count }, (_, i) => palette[i % palette.length]!);
}

/** A label broken into lines at most `maxWidth` wide, with its size. */
export function labelBlock(theme: Theme, text: string, size: number, maxWidth: number, lineHeight: number, weight: 'normal' | 'bold' = 'normal') {
  const lines = wrapLines(theme, text, size, maxWidth, weight);
  return { lines, width: widestLine(theme, lines, size, weight), height: lines.length * lineHeight };
}
