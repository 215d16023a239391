import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedMean } from '../../pipeline/score/aggregate.ts';

const inputs = fc.array(
  fc.record({ id: fc.string(), score: fc.double({ min: 0, max: 100, noNaN: true }), weight: fc.double({ min: 0.01, max: 10, noNaN: true }) }),
  { minLength: 1, maxLength: 12 },
);

describe('weighted mean', () => {
  it('lies between the smallest and largest input', () => {
    fc.assert(fc.property(inputs, (xs) => {
      const mean = weightedMean(xs);
      const scores = xs.map((x) => x.score);
      return mean >= Math.min(...scores) - 1e-9 && mean <= Math.max(...scores) + 1e-9;
    }));
  });

  it('with equal weights is the arithmetic mean, whatever the common weight', () => {
    fc.assert(fc.property(inputs, fc.double({ min: 0.1, max: 5, noNaN: true }), (xs, w) => {
      const plain = xs.reduce((sum, x) => sum + x.score, 0) / xs.length;
      return Math.abs(weightedMean(xs.map((x) => ({ ...x, weight: w }))) - plain) < 1e-9;
    }));
  });

  it('does not change when every weight is multiplied by the same factor', () => {
    fc.assert(fc.property(inputs, fc.double({ min: 0.1, max: 100, noNaN: true }), (xs, k) =>
      Math.abs(weightedMean(xs) - weightedMean(xs.map((x) => ({ ...x, weight: x.weight * k })))) < 1e-7));
  });

  it('moves toward an input whose weight grows', () => {
    const base = [{ id: 'a', score: 20, weight: 1 }, { id: 'b', score: 80, weight: 1 }];
    expect(weightedMean(base)).toBe(50);
    expect(weightedMean([{ ...base[0]!, weight: 3 }, base[1]!])).toBe(35);
  });
});
