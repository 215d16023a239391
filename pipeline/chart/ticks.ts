/** The ticks of a value axis and the labels the one number formatter gave them. */
export interface Ticks {
  /** The axis domain [min, max]. */
  domain: [number, number];
  /** Tick positions. */
  values: number[];
  /**
   * Tick labels by `String(value)`; templates read them with `labelExpr`, so Vega's own
   * number formatting (d3-format, which rounds differently) never writes a label.
   */
  labels: Record<string, string>;
}

/** Ticks every `step` from 0 to 100: the scale of every CSI score and percentage. */
export function hundredTicks(step: number, format: (value: number) => string): Ticks {
  const values: number[] = [];
  for (let value = 0; value <= 100 + 1e-9; value += step) values.push(Math.round(value * 1e6) / 1e6);
  return { domain: [0, 100], values, labels: labelsOf(values, format) };
}

/**
 * Round ticks around the data (for ranks and counts): about `count` steps of 1, 2 or 5 times
 * a power of ten, the domain widened to whole steps with at least half a step of margin.
 */
export function niceTicks(min: number, max: number, count: number, format: (value: number) => string): Ticks {
  const span = Math.max(max - min, Math.abs(max) * 0.1, 1);
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const low = Math.max(0, Math.floor((min - step / 2) / step) * step);
  const high = Math.ceil((max + step / 2) / step) * step;
  const values: number[] = [];
  for (let value = low; value <= high + step / 1e6; value += step) values.push(Math.round(value * 1e6) / 1e6);
  return { domain: [low, high], values, labels: labelsOf(values, format) };
}

function labelsOf(values: readonly number[], format: (value: number) => string): Record<string, string> {
  return Object.fromEntries(values.map((value) => [String(value), format(value)]));
}
