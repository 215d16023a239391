import { composeEditions, type ComposedEdition, type FrontInput } from '../pipeline/build/front.ts';
import { noCache } from '../pipeline/cache/key.ts';
import { pipelineVersion } from '../pipeline/cache/version.ts';
import type { Dataset } from '../pipeline/ingest/types.ts';
import type { Scores } from '../pipeline/score/index.ts';

export type { ComposedEdition };

/** Every default edition composed in-process, with the time each front-end stage took. */
export interface ComposedProject {
  /** The validated input. */
  dataset: Dataset;
  /** The scores, unrounded. */
  scores: Scores;
  /** The editions, in configured locale order. */
  editions: ComposedEdition[];
  /** Milliseconds per front-end stage. */
  timings: { ingest: number; score: number; chart: number; compose: number };
}

/**
 * The pipeline's own front end — `composeEditions`, the function a build runs for ingest,
 * score, chart and compose — with nothing kept from earlier runs; the peer engine then starts
 * from the same ComposedDocuments our layout stage receives.
 */
export async function composeProject(root: string, configPath = 'pipeline.config.yaml', locales?: readonly string[], onChart?: FrontInput['onChart']): Promise<ComposedProject> {
  const timings = { ingest: 0, score: 0, chart: 0, compose: 0 };
  let clock = performance.now();
  const lap = (stage: keyof typeof timings) => {
    const now = performance.now();
    timings[stage] += now - clock;
    clock = now;
  };
  const { dataset, scores, editions } = await composeEditions({ root, configPath, locales, version: pipelineVersion(), cache: noCache, lap, onChart });
  return { dataset, scores, editions, timings };
}
