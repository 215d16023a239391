import type { Dataset, DimensionDef, Evidence, Recommendation, SubdimensionDef } from '../ingest/types.ts';
import type { Scores } from '../score/index.ts';
import { displayed, pickRank } from '../score/rank.ts';
import type { ComposeState } from './context.ts';

/** A priority issue of the brief, resolved against the framework, the scores and the recommendations. */
export interface PriorityIssue {
  /** The sub-dimension it is about. */
  subdimension: SubdimensionDef;
  /** Its dimension (for the colour and the name). */
  dimension: DimensionDef;
  /** The figures that prove it, besides the sub-dimension's own score. */
  evidence: readonly Evidence[];
  /** The recommendations that address it, in list order. */
  recommendations: readonly Recommendation[];
}

/**
 * The sub-dimensions the brief's priority issues are about: the choice of `brief.yaml`, or the
 * three weakest that policy can move, weakest first, a tie to the first in framework order.
 */
export function prioritySubdimensions(dataset: Dataset, scores: Scores): { dimension: DimensionDef; subdimension: SubdimensionDef; evidence?: readonly Evidence[] }[] {
  const subdimensions = dataset.framework.dimensions.flatMap((dimension) => dimension.subdimensions.map((subdimension) => ({ dimension, subdimension })));
  const byId = new Map(subdimensions.map((entry) => [entry.subdimension.id, entry]));
  const chosen = dataset.brief.priorities;
  return chosen
    ? chosen.map((choice) => ({ ...byId.get(choice.subdimension)!, evidence: choice.evidence }))
    : subdimensions
      .filter((entry) => entry.subdimension.policyCanMove)
      .map((entry, order) => ({ entry, order, value: displayed(scores.byId.get(entry.subdimension.id)!) }))
      .sort((a, b) => a.value - b.value || a.order - b.order)
      .slice(0, 3)
      .map(({ entry }) => ({ ...entry, evidence: undefined }));
}

const timeframeOrder = { short: 0, medium: 1, long: 2 } as const;

/**
 * The brief's three priority issues: the national team's choice in `brief.yaml`, or else the
 * three weakest sub-dimensions that policy can move (`policyCanMove` in the framework), weakest
 * first; a tie goes to the first in framework order. Problems go to `state.issues`.
 */
export function priorityIssues(state: ComposeState): PriorityIssue[] {
  const { dataset, scores } = state.input;
  const picked = prioritySubdimensions(dataset, scores);
  if (picked.length < 3) {
    state.issues.push({
      place: { file: dataset.framework.file },
      message: `the brief needs three priority issues, but only ${picked.length} sub-dimension${picked.length === 1 ? ' is' : 's are'} marked "policyCanMove: true"`,
      hint: `Choose three in data/countries/${dataset.country.id}/brief.yaml ("priorities:"), or mark the sub-dimensions policy can move in the framework.`,
      severity: 'error',
    });
  }
  return picked.map(({ dimension, subdimension, evidence }) => {
    const recommendations = dataset.recommendations.filter((r) => r.addresses.includes(subdimension.id));
    return { dimension, subdimension, evidence: evidence ?? defaultEvidence(state, subdimension), recommendations };
  });
}

/** A sub-dimension of several indicators is proved by its weakest one; a single indicator is its own score. */
function defaultEvidence(state: ComposeState, subdimension: SubdimensionDef): Evidence[] {
  if (subdimension.indicators.length < 2) return [];
  const weakest = pickRank(subdimension.indicators.map((indicator) => state.input.scores.byId.get(indicator.id)!), -1);
  return [{ id: weakest }];
}

/**
 * The three most urgent recommendations, for the box on page 1: the national team's choice
 * (`urgent:` in brief.yaml), or else for each priority issue the recommendation addressing it
 * with the shortest time frame that is not already taken.
 */
export function urgentRecommendations(state: ComposeState, issues: readonly PriorityIssue[]): Recommendation[] {
  const { dataset } = state.input;
  if (dataset.brief.urgent) return dataset.brief.urgent.map((id) => dataset.recommendations.find((r) => r.id === id)!);
  const taken: Recommendation[] = [];
  for (const issue of issues) {
    const next = [...issue.recommendations].sort((a, b) => timeframeOrder[a.timeframe] - timeframeOrder[b.timeframe]).find((r) => !taken.includes(r));
    if (next) taken.push(next);
  }
  return taken;
}
