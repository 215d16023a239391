import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asEnvironmentError, type InputIssue } from '../errors/errors.ts';
import { findNode } from '../ingest/framework-tree.ts';
import { outputPath } from '../ingest/output-folder.ts';
import type { Dataset } from '../ingest/types.ts';
import { writeAtomically, type OutputFile } from '../publish/atomic.ts';
import { compareManifests, renderChangesMarkdown, type ChangeReport } from '../publish/changes.ts';
import { carryEditions } from '../publish/editions.ts';
import { buildManifest, type EditionRecord, type Manifest } from '../publish/manifest.ts';
import { buildMatrix, renderScoresCsv, renderScoresJson } from '../publish/open-data.ts';
import { readPublishedState, unloggedChanges, writePublishedState } from '../publish/published.ts';
import type { Scores } from '../score/index.ts';
import { digest } from '../util/digest.ts';
import type { LaidOutDocument } from './layout.ts';

/** What the publish step is given. */
export interface PublishInput {
  /** Project root. */
  root: string;
  /** The validated input. */
  dataset: Dataset;
  /** The scores. */
  scores: Scores;
  /** The pipeline version. */
  version: string;
  /** The digest of everything the build could read (`BuildInputs.digest`). */
  inputsDigest: string;
  /** The laid-out documents. */
  laidOut: readonly LaidOutDocument[];
  /** The charts' SVG and PNG files. */
  pictures: readonly OutputFile[];
  /** The build's warnings so far; the unlogged corrections found here are added. */
  warnings: InputIssue[];
}

/** What the publish step did. */
export interface PublishResult {
  /** Files written, relative to the output folder. */
  written: string[];
  /** What changed since the previous edition. */
  changes: ChangeReport;
}

/**
 * Compares the build with the previous edition and with what was published before it,
 * records it (manifest, change report, the published state) and moves every file into place
 * together. The caller holds the country's lock.
 */
export function publishEditions(input: PublishInput): PublishResult {
  const { dataset, scores } = input;
  const country = dataset.country.id;
  const files: OutputFile[] = openDataFiles(dataset, scores);
  const records: Record<string, EditionRecord> = {};
  for (const { locale, document, result, chartDigests } of input.laidOut) {
    const path = `${country}/${locale}/${document.kind}.pdf`;
    files.push({ path, bytes: result.bytes });
    records[`${locale}/${document.kind}`] = {
      file: path,
      digest: digest(result.bytes),
      pages: result.pageDigests,
      figures: Object.fromEntries(document.blocks.flatMap((b) => (b.kind === 'figure' && b.chart ? [[b.id, chartDigests.get(b.chart) ?? '']] : []))),
      // Unnumbered tables (the indicator matrix, the brief's scores) by their anchor.
      tables: Object.fromEntries(document.blocks.flatMap((b) => (b.kind === 'table' ? [[b.id ?? b.anchor, digest(JSON.stringify(b))]] : []))),
    };
  }
  files.push(...input.pictures);
  const outputDir = outputPath(input.root, dataset.config);
  const previous = readPreviousManifest(outputDir, country);
  // Editions of other locales the country still publishes stay; those it no longer does go.
  const carried = carryEditions(previous, dataset.editions, country);
  const manifest = buildManifest(input.root, dataset, scores, input.version, input.inputsDigest, { ...carried.records, ...records }, { ...carried.files, ...Object.fromEntries(files.map((f) => [f.path, digest(f.bytes)])) });
  const changes = compareManifests(previous, manifest, (id) => nameOf(dataset, id));
  const unlogged = unloggedChanges(manifest, previous, previous ? readPublishedState(outputDir, country) : undefined, dataset.corrections, (id) => scores.byId.get(id)?.decimals);
  input.warnings.push(...unloggedWarnings(dataset, unlogged.changes));
  files.push(
    { path: `${country}/manifest.json`, bytes: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: `${country}/CHANGES.md`, bytes: renderChangesMarkdown(changes, localisedName(dataset.country.name, dataset.config.sourceLocale)) },
    { path: `${country}/changes.json`, bytes: `${JSON.stringify(changes, null, 2)}\n` },
  );
  try {
    // The state first: it only names values published before, so it holds whether or not
    // the edition below is published.
    writePublishedState(outputDir, country, { inputsDigest: manifest.inputsDigest, warnings: input.warnings, unlogged: unlogged.unlogged });
    return { written: writeAtomically(outputDir, files, carried.keep), changes };
  } catch (error) {
    throw asEnvironmentError(error, { path: join(outputDir, '.versions'), note: `Nothing was published: ${join(outputDir, country)} still holds the previous edition.` });
  }
}

/** The manifest of the edition published last, if there is a readable one. */
export function readPreviousManifest(outputDir: string, country: string): Manifest | undefined {
  const file = join(outputDir, country, 'manifest.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    // A damaged manifest only costs the comparison; the build itself is unaffected.
    return undefined;
  }
}

/** The open data a build publishes: the scores matrix as JSON and CSV. */
export function openDataFiles(dataset: Dataset, scores: Scores): OutputFile[] {
  const rows = buildMatrix(dataset, scores);
  const base = dataset.country.id;
  return [
    { path: `${base}/scores.json`, bytes: renderScoresJson(dataset, rows) },
    { path: `${base}/scores.csv`, bytes: renderScoresCsv(rows, dataset.config.sourceLocale) },
  ];
}

function localisedName(text: Readonly<Record<string, string>>, locale: string): string {
  return text[locale] ?? Object.values(text)[0] ?? '';
}

/** The name of a dimension, sub-dimension or indicator in the source locale. */
function nameOf(dataset: Dataset, id: string): string {
  const node = findNode(dataset.framework, id);
  return node ? localisedName(node.name, dataset.config.sourceLocale) : id;
}

/** A warning for each value changed since its last publication with no entry in the corrections log. */
function unloggedWarnings(dataset: Dataset, changes: readonly { id: string; old: string; new: string; place: string }[]): InputIssue[] {
  return changes.map((change) => {
    const [file, line] = change.place.split(':');
    return {
      place: { file: file!, line: Number(line) },
      message: `the published value of indicator "${change.id}" changed from ${change.old} to ${change.new} with no entry in the corrections log`,
      hint: `Record it in ${dataset.config.dataDir}/countries/${dataset.country.id}/corrections.yaml (date, indicator, old: ${change.old}, new: ${change.new}, reason) so the documents show the correction.`,
      severity: 'warning' as const,
    };
  });
}
