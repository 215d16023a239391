import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset, RawValue } from '../ingest/types.ts';
import { DEFAULT_DECIMALS, formatDecimal, formatMeasured } from '../format/number.ts';
import type { Scores } from '../score/index.ts';
import { allRankings } from '../score/rank.ts';
import { digest } from '../util/digest.ts';

/** What one edition (a PDF) was made of, for comparing builds. */
export interface EditionRecord {
  /** Output path of the PDF. */
  file: string;
  /** Digest of the PDF bytes. */
  digest: string;
  /** Digest of each page's content. */
  pages: string[];
  /** Digest of each figure's chart, by figure id. */
  figures: Record<string, string>;
  /** Digest of each table's content, by table id. */
  tables: Record<string, string>;
}

/** The record of one build, written beside its outputs and compared by the next build. */
export interface Manifest {
  /** Pipeline version that made it. */
  pipeline: string;
  /** Digest of every file the build could read, the version and the request. */
  inputsDigest: string;
  /** Country. */
  country: string;
  /** Digest of every input file, by project-relative path. */
  inputs: Record<string, string>;
  /** Raw value of every indicator as text (`valueText`), with its place. */
  values: Record<string, { raw: string; place: string }>;
  /** Every score as published. */
  scores: Record<string, string>;
  /** Every ranking statement (`group:highest` → id). */
  rankings: Record<string, string>;
  /** Editions by `locale/document`. */
  editions: Record<string, EditionRecord>;
  /** Digest of every output file. */
  files: Record<string, string>;
}

/**
 * The manifest of this build. Reads the input files again to digest them (ingest read them
 * first). It holds only what the input makes — no warnings, nothing of earlier builds — so
 * a rebuild and a build from nothing of the same input write the same manifest.
 */
export function buildManifest(root: string, dataset: Dataset, scores: Scores, pipeline: string, inputsDigest: string, editions: Record<string, EditionRecord>, files: Record<string, string>): Manifest {
  const inputs: Record<string, string> = {};
  for (const file of dataset.files) inputs[file] = digest(readFileSync(join(root, file)));
  const values: Manifest['values'] = {};
  for (const [id, raw] of dataset.values) {
    values[id] = { raw: valueText(raw), place: `${raw.place.file}:${raw.place.line}` };
  }
  const published: Record<string, string> = {};
  for (const [id, score] of scores.byId) published[id] = formatDecimal(score.score, 'en-US', score.decimals, false);
  return { pipeline, inputsDigest, country: dataset.country.id, inputs, values, scores: published, rankings: allRankings(dataset.framework, scores), editions, files };
}

/**
 * A raw value as the change report, the warnings and the corrections log compare and print
 * it: through the one formatter, with the indicator's precision (`40.0`, not `40`).
 */
export function valueText(raw: RawValue): string {
  const decimals = raw.decimals ?? DEFAULT_DECIMALS;
  if (raw.value !== undefined) return numberText(raw.value, decimals);
  if (raw.ratio) return `${raw.ratio[0]}/${raw.ratio[1]}`;
  return Object.entries(raw.components ?? {}).map(([k, c]) => `${k}=${numberText(c.value, decimals)}`).join(', ');
}

/** A number of the data in the form `valueText` uses. */
export function numberText(value: number, decimals: number): string {
  return formatMeasured(value, 'en-US', decimals, false);
}
