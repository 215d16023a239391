import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../pipeline/chart/fill.ts';
import { hundredTicks, niceTicks } from '../../pipeline/chart/ticks.ts';
import { wrapLines } from '../../pipeline/chart/wrap.ts';
import { formatDecimal } from '../../pipeline/format/number.ts';
import { loadTheme, measureText } from '../../pipeline/theme/index.ts';
import { repoRoot } from '../helpers/project.ts';

describe('label wrapping', () => {
  const theme = loadTheme(repoRoot, 'templates');
  const wrap = (text: string, width: number) => wrapLines(theme, text, 8.5, width);

  it('keeps a label that fits on one line', () => {
    expect(wrap('Trust in civil society', 200)).toEqual(['Trust in civil society']);
  });

  it('breaks at spaces into even lines no wider than the limit, losing nothing', () => {
    const text = 'Difference in tolerance between members and non-members';
    const lines = wrap(text, 180);
    expect(lines).toEqual(['Difference in tolerance between', 'members and non-members']);
    for (const line of lines) expect(measureText(theme, line, 8.5)).toBeLessThanOrEqual(180);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks an over-long word after a hyphen, and never cuts a word without one', () => {
    expect(wrap('Зорлық-зомбылықсыздық', 50)).toEqual(['Зорлық-', 'зомбылықсыздық']);
    expect(wrap('Организованности', 20)).toEqual(['Организованности']);
  });
});

describe('template markers', () => {
  it('replace whole values, deep, by dotted path', () => {
    const template = { width: '$size', data: { values: '$rows' }, axis: { title: '$text.title', labelExpr: 'tickLabels[datum.value]' }, list: ['$size', 3] };
    expect(fillTemplate(template, { size: 250, rows: [{ a: 1 }], text: { title: null } }, 't')).toEqual({
      width: 250,
      data: { values: [{ a: 1 }] },
      axis: { title: null, labelExpr: 'tickLabels[datum.value]' },
      list: [250, 3],
    });
  });

  it('name the template and the marker the stage does not provide', () => {
    expect(() => fillTemplate({ width: '$sise' }, { size: 1 }, 'bar')).toThrow('the bar chart template uses "$sise", which the chart stage does not provide');
  });
});

describe('axis ticks', () => {
  it('label 0–100 with the one number formatter', () => {
    const ticks = hundredTicks(20, (v) => formatDecimal(v, 'ru', 0));
    expect(ticks.values).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks.labels['100']).toBe('100');
    expect(ticks.domain).toEqual([0, 100]);
  });

  it('round around ranks with a margin on both sides', () => {
    const ticks = niceTicks(105, 120, 4, String);
    expect(ticks.domain).toEqual([100, 125]);
    expect(ticks.values).toEqual([100, 105, 110, 115, 120, 125]);
    expect(niceTicks(0, 5730, 5, String).domain[0]).toBe(0);
  });
});
