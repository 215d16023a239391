import { DEFAULT_DECIMALS } from '../format/number.ts';
import type { Dataset } from '../ingest/types.ts';
import { weightedMean } from './aggregate.ts';
import { applyRule } from './transforms.ts';
import type { AggregateScore, AnyScore, IndicatorScore, Scores } from './types.ts';

export type { AggregateScore, AnyScore, IndicatorScore, Scores } from './types.ts';

const defaultDecimals = DEFAULT_DECIMALS;

/**
 * Scores a dataset: indicators by their rules, sub-dimensions as the weighted mean of their
 * indicators, dimensions as the weighted mean of their sub-dimensions, all unrounded.
 */
export function scoreDataset(dataset: Pick<Dataset, 'framework' | 'values' | 'country'>): Scores {
  const byId = new Map<string, AnyScore>();
  for (const dimension of dataset.framework.dimensions) {
    const subScores: AggregateScore[] = [];
    const indicatorScores: IndicatorScore[] = [];
    for (const sub of dimension.subdimensions) {
      const scored = sub.indicators.map((def): IndicatorScore => {
        const raw = dataset.values.get(def.id);
        if (!raw) throw new Error(`indicator ${def.id} has no value (ingest should have refused this)`);
        return { id: def.id, level: 'indicator', score: applyRule(def.rule, raw), decimals: raw.decimals ?? defaultDecimals, rule: def.rule, raw };
      });
      const inputs = scored.map((s, i) => ({ id: s.id, score: s.score, weight: sub.indicators[i]!.weight }));
      subScores.push({ id: sub.id, level: 'subdimension', score: weightedMean(inputs), decimals: defaultDecimals, inputs });
      indicatorScores.push(...scored);
    }
    const inputs = subScores.map((s, i) => ({ id: s.id, score: s.score, weight: dimension.subdimensions[i]!.weight }));
    byId.set(dimension.id, { id: dimension.id, level: 'dimension', score: weightedMean(inputs), decimals: defaultDecimals, inputs });
    for (const sub of subScores) {
      byId.set(sub.id, sub);
      for (const indicator of indicatorScores.filter((s) => s.id.startsWith(`${sub.id}.`))) byId.set(indicator.id, indicator);
    }
  }
  return {
    framework: dataset.framework.id,
    country: dataset.country.id,
    byId,
    dimensions: dataset.framework.dimensions.map((d) => d.id),
  };
}
