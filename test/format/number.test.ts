import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatMeasured, formatPercent, roundHalfUp } from '../../pipeline/format/number.ts';

describe('roundHalfUp', () => {
  it('rounds published halves up although their binary value lies below', () => {
    expect(roundHalfUp(77.65, 1)).toBe(77.7);
    expect(roundHalfUp((51.9 + 26.6 + 35.6 + 30.6) / 4, 1)).toBe(36.2);
    expect(roundHalfUp((47.4 + 57.9) / 2, 1)).toBe(52.7);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
  });

  it('is within half a unit of the last place, and idempotent', () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, d) => {
      const r = roundHalfUp(x, d);
      return Math.abs(r - x) <= 0.5 / 10 ** d + 1e-9 && roundHalfUp(r, d) === r;
    }));
  });

  it('never reverses the order of two values', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) =>
      a <= b ? roundHalfUp(a, 1) <= roundHalfUp(b, 1) : roundHalfUp(a, 1) >= roundHalfUp(b, 1)));
  });
});

describe('locale formats', () => {
  it('writes scores as each language does', () => {
    expect(formatPercent(46.9, 'en', 1)).toBe('46.9%');
    expect(formatPercent(46.9, 'ru', 1)).toBe('46,9\u00a0%');
    expect(formatPercent(46.9, 'kk', 1)).toBe('46,9%');
    expect(formatDecimal(77.65, 'ru', 1)).toBe('77,7');
    expect(formatCount(78281, 'en')).toBe('78,281');
    expect(formatCount(78281, 'ru')).toBe('78\u00a0281');
  });
});

describe('formatMeasured (raw values, corrections)', () => {
  it('prints a value with the indicator\'s precision, as the matrix does', () => {
    expect(formatMeasured(40, 'en-US', 1)).toBe('40.0');
    expect(formatMeasured(62.15, 'en-US', 1)).toBe('62.15');
    expect(formatMeasured(0.347, 'ru', 1)).toBe('0,347');
    expect(formatMeasured(15.2, 'en-US', 2)).toBe('15.20');
  });

  it('never drops a digit the value has, and shows at least the precision', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), (units, places, decimals) => {
      const value = units / 10 ** places;
      const text = formatMeasured(value, 'en-US', decimals, false);
      expect(Number(text)).toBe(value);
      expect(text.split('.')[1]?.length ?? 0).toBeGreaterThanOrEqual(decimals);
    }));
  });
});
