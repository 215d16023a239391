import type { RawValue, Rule } from '../ingest/types.ts';
import type { WeightedInput } from './aggregate.ts';

/** An indicator's score and how it was derived from its raw value. */
export interface IndicatorScore {
  /** Indicator id. */
  id: string;
  /** Level in the framework tree. */
  level: 'indicator';
  /** Unrounded score, 0–100. */
  score: number;
  /** Decimals to show. */
  decimals: number;
  /** The rule applied. */
  rule: Rule;
  /** The raw value and its citation. */
  raw: RawValue;
}

/** A sub-dimension's or dimension's score: a weighted mean of its children. */
export interface AggregateScore {
  /** Sub-dimension or dimension id. */
  id: string;
  /** Level in the framework tree. */
  level: 'subdimension' | 'dimension';
  /** Unrounded score, 0–100. */
  score: number;
  /** Decimals to show. */
  decimals: number;
  /** The children it is the weighted mean of, with their unrounded scores. */
  inputs: readonly WeightedInput[];
}

export type AnyScore = IndicatorScore | AggregateScore;

/** Every score of a country, unrounded, with its derivation. */
export interface Scores {
  /** Framework id. */
  framework: string;
  /** Country id. */
  country: string;
  /** Every score by id, in framework order (dimension, its sub-dimensions, their indicators). */
  byId: ReadonlyMap<string, AnyScore>;
  /** Dimension ids in framework order. */
  dimensions: readonly string[];
}
