import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../pipeline/ingest/types.ts';
import { applyRule } from '../../pipeline/score/transforms.ts';

const percent = fc.double({ min: 0, max: 100, noNaN: true });
const score = (rule: Rule, value: number) => applyRule(rule, { value });
const inScale = (x: number) => x >= -1e-9 && x <= 100 + 1e-9;

describe('indicator rules', () => {
  it('percentage keeps the value and turns a ratio into a share of 100', () => {
    fc.assert(fc.property(percent, (v) => score({ kind: 'percentage' }, v) === v));
    expect(applyRule({ kind: 'percentage' }, { ratio: [2, 3] })).toBeCloseTo(66.6667, 4);
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (d, n) => {
      fc.pre(n <= d);
      return inScale(applyRule({ kind: 'percentage' }, { ratio: [n, d] }));
    }));
  });

  it('scale multiplies (CPI 0–10 × 10) and stays on 0–100, increasing', () => {
    const rule: Rule = { kind: 'scale', factor: 10, range: [0, 10] };
    expect(score(rule, 2.2)).toBeCloseTo(22, 10);
    fc.assert(fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (a, b) => {
      const [sa, sb] = [score(rule, a), score(rule, b)];
      return inScale(sa) && (a <= b ? sa <= sb : sa >= sb);
    }));
  });

  it('rescale maps any range proportionally onto 0–100 (Freedom House 0–40, 0–48, 0–12)', () => {
    expect(score({ kind: 'rescale', range: [0, 40] }, 8)).toBe(20);
    expect(score({ kind: 'rescale', range: [0, 48] }, 18)).toBe(37.5);
    fc.assert(fc.property(
      fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true }),
      (min, width, t) => {
        const rule: Rule = { kind: 'rescale', range: [min, min + width] };
        const value = min + t * width;
        return inScale(score(rule, value)) && Math.abs(score(rule, min)) < 1e-9 && Math.abs(score(rule, min + width) - 100) < 1e-9;
      },
    ));
  });

  it('reverse turns a Gini into equality: raw + score = 100, decreasing', () => {
    const rule: Rule = { kind: 'reverse', range: [0, 100] };
    expect(score(rule, 33.9)).toBeCloseTo(66.1, 10);
    fc.assert(fc.property(percent, percent, (a, b) => {
      const [sa, sb] = [score(rule, a), score(rule, b)];
      return Math.abs(sa + a - 100) < 1e-9 && (a <= b ? sa >= sb : sa <= sb);
    }));
  });

  it('cap-invert caps debt/GNI at 100 and inverts it: never below 0, non-increasing in debt', () => {
    const rule: Rule = { kind: 'cap-invert', numerator: 'debt', denominator: 'gni', cap: 100 };
    const run = (debt: number, gni: number) => applyRule(rule, { components: { debt: { value: debt, unit: 'usd-million' }, gni: { value: gni, unit: 'usd-million' } } });
    expect(run(96360, 78281)).toBe(0);
    expect(run(50, 200)).toBe(75);
    fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }), (d1, d2, gni) => {
      const [s1, s2] = [run(d1, gni), run(d2, gni)];
      return inScale(s1) && (d1 <= d2 ? s1 >= s2 : s1 <= s2);
    }));
  });
});
