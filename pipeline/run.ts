import { join } from 'node:path';
import { ingestDataset } from './ingest/index.ts';
import type { Dataset } from './ingest/types.ts';
import { buildMatrix, renderScoresCsv, renderScoresJson } from './publish/open-data.ts';
import { writeAtomically, type OutputFile } from './publish/atomic.ts';
import { scoreDataset, type Scores } from './score/index.ts';

/** What a run is asked to do. */
export interface RunRequest {
  /** Project root. */
  root: string;
  /** Configuration file, relative to the root. */
  configPath: string;
  /** Country to build; the configured ones when absent. */
  country?: string;
  /** Only validate the input; write nothing. */
  checkOnly?: boolean;
}

/** What a run did. */
export interface RunResult {
  /** Country built. */
  country: string;
  /** Files written, relative to the output folder. */
  written: string[];
  /** The scores, for callers that report on them. */
  scores: Scores;
}

/**
 * Builds one country's editions:
 *
 *   config + data + templates ─► ingest ─► score ─► publish ─► output/<country>/
 *                                Dataset   Scores   files
 *
 * Nothing is written unless every earlier step succeeded.
 */
export function runPipeline(request: RunRequest): RunResult {
  // 1. Ingest: read and validate every input; throws InputError with all problems at once.
  const dataset = ingestDataset({ root: request.root, configPath: request.configPath, country: request.country });
  // 2. Score: indicators → sub-dimensions → dimensions, unrounded.
  const scores = scoreDataset(dataset);
  if (request.checkOnly) return { country: dataset.country.id, written: [], scores };
  // 3. Publish: the open data, written atomically.
  const files = openDataFiles(dataset, scores);
  const written = writeAtomically(join(request.root, dataset.config.outputDir), files);
  return { country: dataset.country.id, written, scores };
}

function openDataFiles(dataset: Dataset, scores: Scores): OutputFile[] {
  const rows = buildMatrix(dataset, scores);
  const base = dataset.country.id;
  return [
    { path: `${base}/scores.json`, bytes: renderScoresJson(dataset, rows) },
    { path: `${base}/scores.csv`, bytes: renderScoresCsv(rows, dataset.config.sourceLocale) },
  ];
}
