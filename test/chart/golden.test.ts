import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Chart } from '../../pipeline/chart/index.ts';
import { fixtures } from '../helpers/project.ts';
import { chartsFor, locales } from './kazakhstan.ts';
import { syntheticCharts } from './synthetic.ts';

/**
 * Golden files of the compiled specs: test/fixtures/charts/<locale>/<figure>.spec.json is the
 * template as filled for that figure, and en/<figure>.vega.json the Vega it compiles to. A
 * difference writes `<name>-changed.json` beside the golden file for review; once the change is
 * right, rerun with UPDATE_GOLDEN=1 to accept it.
 */
const update = process.env.UPDATE_GOLDEN === '1';

/** Compares one spec with its golden file; returns the golden file's name when they differ. */
function compareGolden(dir: string, name: string, value: object): string | undefined {
  const file = join(dir, `${name}.json`);
  const changed = join(dir, `${name}-changed.json`);
  const actual = `${JSON.stringify(value, null, 2)}\n`;
  mkdirSync(dir, { recursive: true });
  if (update) writeFileSync(file, actual);
  const expected = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (actual === expected) {
    rmSync(changed, { force: true });
    return undefined;
  }
  writeFileSync(changed, actual);
  return `${name}.json`;
}

async function allCharts(locale: string): Promise<Chart[]> {
  return [...(await chartsFor(locale)).values(), ...(await syntheticCharts(locale)).values()];
}

describe('compiled chart specs match their golden files', () => {
  it.each(locales)('%s specs', async (locale) => {
    const differ = (await allCharts(locale)).map((chart) => compareGolden(join(fixtures, 'charts', locale), `${chart.id}.spec`, chart.spec));
    expect(differ.filter(Boolean), 'see the -changed.json files beside them').toEqual([]);
  });

  it('en Vega specs', async () => {
    const differ = (await allCharts('en')).map((chart) => compareGolden(join(fixtures, 'charts', 'en'), `${chart.id}.vega`, chart.vega));
    expect(differ.filter(Boolean), 'see the -changed.json files beside them').toEqual([]);
  });

  it('are the same on a second rendering (no hidden state, no clock)', async () => {
    const k = await import('./kazakhstan.ts');
    const input = k.kazakhstan();
    const { renderCharts } = await import('../../pipeline/chart/index.ts');
    const again = await renderCharts({ figures: input.figures, framework: input.dataset.framework, scores: input.scores, locale: 'ru', messages: input.messages('ru'), theme: input.theme });
    const first = await chartsFor('ru');
    for (const [id, chart] of again) {
      expect(chart.spec).toEqual(first.get(id)!.spec);
      expect(chart.svg).toBe(first.get(id)!.svg);
    }
  });
});
