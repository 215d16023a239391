/** One input of a weighted mean. */
export interface WeightedInput {
  /** Id of the scored item. */
  id: string;
  /** Its unrounded score. */
  score: number;
  /** Its weight, larger than zero. */
  weight: number;
}

/**
 * The weighted mean of unrounded scores. Aggregates are always computed from unrounded
 * inputs; rounding is a matter of display only.
 */
export function weightedMean(inputs: readonly WeightedInput[]): number {
  if (inputs.length === 0) throw new Error('a mean of nothing');
  let sum = 0;
  let weights = 0;
  for (const input of inputs) {
    sum += input.score * input.weight;
    weights += input.weight;
  }
  return sum / weights;
}
