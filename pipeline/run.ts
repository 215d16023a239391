import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCharts, drawChart, renderPng, type Charts } from './chart/index.ts';
import { composeDocument, type ComposedDocument, type FigureInfo } from './compose/index.ts';
import { InputError, type InputIssue } from './errors/errors.ts';
import { Messages } from './format/messages.ts';
import { ingestDataset } from './ingest/index.ts';
import { missingStrings } from './ingest/strings.ts';
import type { Dataset } from './ingest/types.ts';
import { checkGlyphs, svgTexts } from './layout/glyphs.ts';
import { layoutDocument } from './layout/index.ts';
import { writeAtomically, type OutputFile } from './publish/atomic.ts';
import { buildMatrix, renderScoresCsv, renderScoresJson } from './publish/open-data.ts';
import { compareManifests, renderChangesMarkdown, type ChangeReport } from './publish/changes.ts';
import { buildManifest, digest, type EditionRecord, type Manifest } from './publish/manifest.ts';
import { pipelineVersion } from './version.ts';
import { acquireBuildLock } from './publish/lock.ts';
import { scoreDataset, type Scores } from './score/index.ts';

/** What a run is asked to do. */
export interface RunRequest {
  /** Project root. */
  root: string;
  /** Configuration file, relative to the root. */
  configPath: string;
  /** Country to build; the first configured one when absent. */
  country?: string;
  /** Locales to build; the configured ones when absent. */
  locales?: readonly string[];
  /** Only validate the input (including composing every document); write nothing. */
  checkOnly?: boolean;
}

/** One PDF of the build. */
export interface Edition {
  /** Locale. */
  locale: string;
  /** Document. */
  document: 'acr' | 'brief';
  /** Number of pages. */
  pages: number;
}

/** What a run did. */
export interface RunResult {
  /** Country built. */
  country: string;
  /** Files written, relative to the output folder. */
  written: string[];
  /** The scores. */
  scores: Scores;
  /** The editions laid out. */
  editions: Edition[];
  /** Warnings that did not stop the build. */
  warnings: InputIssue[];
  /** Milliseconds spent in each stage. */
  timings: StageTimings;
  /** What changed since the previous build (absent for `check`). */
  changes?: ChangeReport;
}

/** Milliseconds per stage of one run. */
export type StageTimings = Record<'ingest' | 'score' | 'chart' | 'compose' | 'layout' | 'publish', number>;

/**
 * Builds one country's editions:
 *
 *   config, data, templates ─► ingest ─► score ─► chart ─► compose ─► layout ─► publish
 *                              Dataset   Scores   Charts   Document   PDF bytes  output/<country>/
 *
 * Steps 1–4 find every input problem of every locale before anything is laid out; nothing is
 * written unless every step of every edition succeeded.
 */
export async function runPipeline(request: RunRequest): Promise<RunResult> {
  const timings: StageTimings = { ingest: 0, score: 0, chart: 0, compose: 0, layout: 0, publish: 0 };
  let clock = performance.now();
  const lap = (stage: keyof StageTimings) => {
    const now = performance.now();
    timings[stage] += now - clock;
    clock = now;
  };
  // 1. Ingest: read and validate every input; throws InputError with all problems at once.
  const dataset = ingestDataset({ root: request.root, configPath: request.configPath, country: request.country });
  // A country may publish fewer editions than configured (a country without a translation yet).
  const locales = request.locales ?? dataset.country.locales ?? dataset.config.locales;
  for (const locale of locales) {
    if (!dataset.config.locales.includes(locale)) throw new InputError([{ place: { file: request.configPath }, message: `the locale "${locale}" is not configured`, hint: `Configured locales: ${dataset.config.locales.join(', ')}.`, severity: 'error' }]);
  }
  const warnings = translationIssues(dataset, locales);
  if (warnings.some((w) => w.severity === 'error')) throw new InputError(warnings);
  lap('ingest');
  // 2. Score: indicators → sub-dimensions → dimensions, unrounded.
  const scores = scoreDataset(dataset);
  lap('score');
  // 3–4. Chart and compose every edition, collecting the problems of all of them.
  const issues: InputIssue[] = [];
  const editions: { locale: string; charts: Charts; documents: ComposedDocument[] }[] = [];
  for (const locale of locales) {
    const messages = messagesFor(dataset, locale);
    const charts = await renderCharts({ figures: dataset.figures, framework: dataset.framework, scores, locale, messages, theme: dataset.theme });
    lap('chart');
    const figures = figureInfos(dataset, charts, locale);
    const documents: ComposedDocument[] = [];
    for (const kind of dataset.config.documents) {
      try {
        const document = composeDocument({ dataset, scores, locale, document: kind, figures, messages });
        warnings.push(...(document.warnings ?? []));
        const chartTexts = [...charts.values()].flatMap((chart) => svgTexts(chart.svg, chartPlace(dataset, chart.id)));
        issues.push(...checkGlyphs(document, chartTexts, dataset.theme, `${dataset.config.templatesDir}/locales/${locale}`));
        documents.push(document);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        issues.push(...error.issues);
      }
    }
    editions.push({ locale, charts, documents });
    lap('compose');
  }
  if (issues.some((issue) => issue.severity === 'error')) throw new InputError(dedupe([...warnings, ...issues]));
  if (request.checkOnly) return { country: dataset.country.id, written: [], scores, editions: [], warnings, timings };
  // 5. Layout: each document as a tagged PDF.
  const files: OutputFile[] = openDataFiles(dataset, scores);
  const laidOut: Edition[] = [];
  const records: Record<string, EditionRecord> = {};
  for (const { locale, charts, documents } of editions) {
    const sizes = new Map([...charts].map(([id, chart]) => [id, { width: chart.width, height: chart.height, digest: digest(chart.svg) }]));
    for (const document of documents) {
      const result = await layoutDocument({
        document,
        style: dataset.page,
        charts: sizes,
        paintChart: (doc, id, x, y, width) => void drawChart(doc, charts.get(id)!, x, y, width, dataset.theme),
      });
      const path = `${dataset.country.id}/${locale}/${document.kind}.pdf`;
      files.push({ path, bytes: result.bytes });
      laidOut.push({ locale, document: document.kind, pages: result.pageCount });
      records[`${locale}/${document.kind}`] = {
        file: path,
        digest: digest(result.bytes),
        pages: result.pageDigests,
        figures: Object.fromEntries(document.blocks.flatMap((b) => (b.kind === 'figure' && b.chart ? [[b.id, sizes.get(b.chart)?.digest ?? '']] : []))),
        tables: Object.fromEntries(document.blocks.flatMap((b) => (b.kind === 'table' && b.id ? [[b.id, digest(JSON.stringify(b))]] : []))),
      };
      lap('layout');
    }
    for (const chart of charts.values()) {
      const name = chart.id.replace(/[^A-Za-z0-9.-]/g, '_');
      files.push({ path: `${dataset.country.id}/${locale}/charts/figure-${name}.svg`, bytes: chart.svg });
      files.push({ path: `${dataset.country.id}/${locale}/charts/figure-${name}.png`, bytes: renderPng(chart.svg, dataset.theme, 2) });
    }
    lap('chart');
  }
  // 6. Publish: compare with the previous build, record this one, and move every file into
  //    place together — under the output folder's lock.
  const outputDir = join(request.root, dataset.config.outputDir);
  const lock = acquireBuildLock(outputDir, dataset.country.id);
  try {
  const manifest = buildManifest(request.root, dataset, scores, pipelineVersion(), records, Object.fromEntries(files.map((f) => [f.path, digest(f.bytes)])));
  const previous = readPreviousManifest(outputDir, dataset.country.id);
  const changes = compareManifests(previous, manifest, (id) => nameOf(dataset, id));
  warnings.push(...unloggedCorrections(dataset, changes));
  files.push(
    { path: `${dataset.country.id}/manifest.json`, bytes: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: `${dataset.country.id}/CHANGES.md`, bytes: renderChangesMarkdown(changes, localisedName(dataset.country.name, dataset.config.sourceLocale)) },
    { path: `${dataset.country.id}/changes.json`, bytes: `${JSON.stringify(changes, null, 2)}\n` },
  );
  const written = writeAtomically(outputDir, files);
  lap('publish');
  return { country: dataset.country.id, written, scores, editions: laidOut, warnings, timings, changes };
  } finally {
    lock.release();
  }
}

/** UI strings of a locale, falling back to the source locale when the policy allows it. */
function messagesFor(dataset: Dataset, locale: string): Messages {
  const own = dataset.content.get(locale)!.strings;
  const source = dataset.content.get(dataset.config.sourceLocale)?.strings;
  return new Messages(own, dataset.config.translation.missing === 'fallback' && locale !== dataset.config.sourceLocale ? source : undefined);
}

/** Missing UI strings of each locale: errors or warnings, as the translation policy says. */
function translationIssues(dataset: Dataset, locales: readonly string[]): InputIssue[] {
  const source = dataset.content.get(dataset.config.sourceLocale)?.strings;
  if (!source) return [];
  const severity = dataset.config.translation.missing === 'fail' ? 'error' : 'warning';
  return locales.filter((l) => l !== dataset.config.sourceLocale).flatMap((locale) => missingStrings(source, dataset.content.get(locale)!.strings, severity, dataset.config.templatesDir));
}

function figureInfos(dataset: Dataset, charts: Charts, locale: string): Map<string, FigureInfo> {
  const pick = (text: Readonly<Record<string, string>> | undefined) => (text ? text[locale] ?? text[dataset.config.sourceLocale] ?? '' : undefined);
  return new Map(dataset.figures.map((figure) => {
    const chart = charts.get(figure.id);
    const description = figure.kind === 'diagram' ? pick(figure.description) : undefined;
    return [figure.id, { id: figure.id, caption: pick(figure.caption) ?? '', alt: chart?.alt ?? description ?? '', chart: chart?.id, description, note: pick(figure.note) }];
  }));
}

function chartPlace(dataset: Dataset, id: string) {
  return dataset.figures.find((f) => f.id === id)?.place ?? { file: `${dataset.config.dataDir}/countries/${dataset.country.id}/figures.yaml` };
}

function dedupe(issues: InputIssue[]): InputIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.place.file}:${issue.place.line}:${issue.place.column}:${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function openDataFiles(dataset: Dataset, scores: Scores): OutputFile[] {
  const rows = buildMatrix(dataset, scores);
  const base = dataset.country.id;
  return [
    { path: `${base}/scores.json`, bytes: renderScoresJson(dataset, rows) },
    { path: `${base}/scores.csv`, bytes: renderScoresCsv(rows, dataset.config.sourceLocale) },
  ];
}

function readPreviousManifest(outputDir: string, country: string): Manifest | undefined {
  const file = join(outputDir, country, 'manifest.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    // A damaged manifest only costs the comparison; the build itself is unaffected.
    return undefined;
  }
}

function localisedName(text: Readonly<Record<string, string>>, locale: string): string {
  return text[locale] ?? Object.values(text)[0] ?? '';
}

/** The name of a dimension, sub-dimension or indicator in the source locale. */
function nameOf(dataset: Dataset, id: string): string {
  for (const d of dataset.framework.dimensions) {
    if (d.id === id) return localisedName(d.name, dataset.config.sourceLocale);
    for (const s of d.subdimensions) {
      if (s.id === id) return localisedName(s.name, dataset.config.sourceLocale);
      const i = s.indicators.find((x) => x.id === id);
      if (i) return localisedName(i.name, dataset.config.sourceLocale);
    }
  }
  return id;
}

/** A raw value that changed since the previous build without an entry in the corrections log. */
function unloggedCorrections(dataset: Dataset, changes: ChangeReport): InputIssue[] {
  return changes.values
    .filter((change) => !dataset.corrections.some((c) => c.indicator === change.id && String(c.new) === change.new))
    .map((change) => {
      const [file, line] = change.place.split(':');
      return {
        place: { file: file!, line: Number(line) },
        message: `the published value of indicator "${change.id}" changed from ${change.old} to ${change.new} with no entry in the corrections log`,
        hint: `Record it in ${dataset.config.dataDir}/countries/${dataset.country.id}/corrections.yaml (date, indicator, old, new, reason) so the documents show the correction.`,
        severity: 'warning' as const,
      };
    });
}
