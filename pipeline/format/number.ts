/**
 * The one number formatter. Every number a reader sees — in prose, tables, charts and alt
 * text, in every locale — passes through here, so a score reads the same everywhere.
 *
 * Rounding is half-up on the decimal value (77.65 → 77.7), as the CSI publishes it. Plain
 * binary arithmetic would give 77.6 because 77.65 is stored as 77.6499999…; Intl and d3-format
 * both round the binary value, so the digits are fixed here first and only then localised.
 */

/** Decimals a score or value is shown with when its data does not say otherwise. */
export const DEFAULT_DECIMALS = 1;

/** Rounds half-up (away from zero) at `decimals` places, on the number's shortest decimal form. */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  const negative = value < 0;
  // toFixed(12) fixes the decimal digits well past any published precision, absorbing
  // binary noise such as 36.17499999999999.
  const [whole, fraction = ''] = Math.abs(value).toFixed(12).split('.');
  let digits = BigInt(`${whole}${fraction.slice(0, decimals)}`);
  if (Number(fraction[decimals] ?? '0') >= 5) digits += 1n;
  const rounded = Number(digits) / 10 ** decimals;
  return negative && rounded !== 0 ? -rounded : rounded;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/** A number with exactly `decimals` decimals in the locale's format: `46.9`, ru `46,9`. */
export function formatDecimal(value: number, locale: string, decimals: number, grouping = true): string {
  const rounded = roundHalfUp(value, decimals);
  return formatter(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping }).format(rounded);
}

/** A percentage given on 0–100: `46.9%`, ru `46,9 %`, kk `46,9%`. */
export function formatPercent(value: number, locale: string, decimals: number): string {
  const rounded = roundHalfUp(value, decimals);
  return formatter(locale, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(rounded / 100);
}

/** A whole count with the locale's grouping: `78,281`, ru `78 281`. */
export function formatCount(value: number, locale: string): string {
  return formatDecimal(value, locale, 0);
}

/** A number with as many decimals as it has (up to 3): `0.347`, ru `0,347`. */
export function formatNumber(value: number, locale: string): string {
  return formatter(locale, { maximumFractionDigits: 3 }).format(value);
}

/** A year, never grouped: `2009`. */
export function formatYear(value: number): string {
  return String(Math.trunc(value));
}

/**
 * A measured value (a raw value, a logged correction) with the indicator's precision, or with
 * more decimals when the value is written with more (up to 6): with 1 decimal, 40 → `40.0`,
 * 0.347 → `0.347`. A value never loses a digit it was given, and a whole number reads as the
 * matrix shows it.
 */
export function formatMeasured(value: number, locale: string, decimals: number, grouping = true): string {
  return formatDecimal(value, locale, Math.max(decimals, decimalsWritten(value)), grouping);
}

/** How many decimals the shortest form of a number has (at most 6). */
function decimalsWritten(value: number): number {
  const text = Math.abs(value).toFixed(6).replace(/0+$/, '');
  return text.length - text.indexOf('.') - 1;
}
