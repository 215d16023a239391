import type { Framework } from '../ingest/types.ts';
import { roundHalfUp } from '../format/number.ts';
import type { AnyScore, Scores } from './types.ts';

/** The value a reader sees: ranks and comparisons follow the printed number, not binary noise. */
export function displayed(score: AnyScore): number {
  return roundHalfUp(score.score, score.decimals);
}

/**
 * The scores of a group a ranking is about: `dimensions` (the four core ones), `all-dimensions`,
 * or the children of a dimension or sub-dimension id. Undefined for an unknown group.
 */
export function rankGroup(framework: Framework, scores: Scores, key: string): AnyScore[] | undefined {
  if (key === 'dimensions') return framework.dimensions.filter((d) => !d.contextual).map((d) => scores.byId.get(d.id)!);
  if (key === 'all-dimensions') return framework.dimensions.map((d) => scores.byId.get(d.id)!);
  const parent = scores.byId.get(key);
  if (!parent || parent.level === 'indicator') return undefined;
  return parent.inputs.map((input) => scores.byId.get(input.id)!);
}

/** The id of the highest (1) or lowest (−1) score of a group; a tie goes to the first in framework order. */
export function pickRank(items: readonly AnyScore[], direction: 1 | -1): string {
  return items.reduce((best, item) => (direction * (displayed(item) - displayed(best)) > 0 ? item : best)).id;
}

/** Every ranking statement the narrative can make, for the change report: `group:highest` → id. */
export function allRankings(framework: Framework, scores: Scores): Record<string, string> {
  const groups = ['dimensions', 'all-dimensions', ...[...scores.byId.values()].filter((s) => s.level !== 'indicator').map((s) => s.id)];
  const out: Record<string, string> = {};
  for (const group of groups) {
    const items = rankGroup(framework, scores, group);
    if (!items || items.length < 2) continue;
    out[`${group}:highest`] = pickRank(items, 1);
    out[`${group}:lowest`] = pickRank(items, -1);
  }
  return out;
}
