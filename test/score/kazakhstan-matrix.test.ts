import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../../pipeline/format/number.ts';
import { ingestDataset } from '../../pipeline/ingest/index.ts';
import { scoreDataset } from '../../pipeline/score/index.ts';
import { fixtures, repoRoot } from '../helpers/project.ts';

/** Appendix 1 of the published report, transcribed by hand: the numbers our scores must match. */
const published = parse(readFileSync(join(fixtures, 'published', 'kazakhstan-appendix-1.yaml'), 'utf8')) as Record<string, string>;

describe('Kazakhstan scores reproduce the published indicator matrix', () => {
  const dataset = ingestDataset({ root: repoRoot, configPath: 'pipeline.config.yaml', country: 'kazakhstan' });
  const scores = scoreDataset(dataset);

  it('has every id of Appendix 1 and no other', () => {
    expect([...scores.byId.keys()].sort()).toEqual(Object.keys(published).sort());
    const levels = [...scores.byId.values()].map((s) => s.level);
    expect(levels.filter((l) => l === 'indicator')).toHaveLength(65);
    expect(levels.filter((l) => l === 'subdimension')).toHaveLength(27);
    expect(levels.filter((l) => l === 'dimension')).toHaveLength(5);
  });

  it.each(Object.entries(published))('%s is printed as %s', (id, printed) => {
    const score = scores.byId.get(id)!;
    expect(formatDecimal(score.score, 'en-US', score.decimals, false)).toBe(printed);
  });

  it('derives secondary indicators from their raw values, not from the published score', () => {
    const raw = (id: string) => dataset.values.get(id)!;
    expect(raw('5.1.2').value).toBe(2.2);
    expect(raw('5.1.3').value).toBe(33.9);
    expect(raw('5.1.4').components).toBeDefined();
    expect(raw('5.2.1').value).toBe(8);
    expect(raw('4.5.1').ratio).toEqual([2, 3]);
  });
});
