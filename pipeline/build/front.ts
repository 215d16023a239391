import type { YamlFile } from '../input/yaml-file.ts';
import type { BuildMemory } from './memory.ts';
import type { Chart, Charts } from '../chart/index.ts';
import type { StageCache } from '../cache/key.ts';
import type { ComposedDocument } from '../document/types.ts';
import { InputError, whileDrawing, type InputIssue } from '../errors/errors.ts';
import type { Dataset, IngestRequest } from '../ingest/index.ts';
import { scoreDataset, type Scores } from '../score/index.ts';
import { translationPolicy } from '../translate/build-policy.ts';
import { digest } from '../util/digest.ts';
import { FileStamps } from '../cache/stamps.mjs';

/** One locale's charts and composed documents. */
export interface ComposedEdition {
  /** Locale. */
  locale: string;
  /** The locale's charts, by figure id. */
  charts: Charts;
  /** Its documents, in the country's order. */
  documents: ComposedDocument[];
}

/** What the front end is asked for: the build request's part that says what to read. */
export interface FrontInput extends IngestRequest {
  /** What this process remembers of earlier work (none: nothing is remembered). */
  memory?: BuildMemory;
  /** The build's file stamps, which digest the font files for the chart cache's keys (none: each is read). */
  stamps?: FileStamps;
  /** The pipeline version, part of every stage cache key. */
  version: string;
  /** Where charts are kept between builds (`noCache` for none). */
  cache: StageCache;
  /** Told each chart as soon as it is drawn (the build starts its PNG then), with its locale, the dataset and `FrontResult.drawing`. */
  onChart?: (locale: string, chart: Chart, made: { dataset: Dataset; drawing: string }) => void;
  /**
   * Told the dataset once it is scored, with `FrontResult.drawing` and how many documents at
   * most will be composed, then each document as soon as it is composed (while no input
   * problem has been found): the layout starts on them while the next are composed.
   */
  onDocuments?: { begin(dataset: Dataset, drawing: string, count: number): void; add(locale: string, charts: Charts, document: ComposedDocument): void };
  /** Told when each stage's work is done, in order: ingest, score, then chart and compose per locale. */
  lap?: (stage: 'ingest' | 'score' | 'chart' | 'compose') => void;
}

/** The front end's result: every edition composed, or every problem found in any of them. */
export interface FrontResult {
  /** The validated input. */
  dataset: Dataset;
  /** The scores, unrounded. */
  scores: Scores;
  /** The editions built, in the country's locale order (none when it publishes none of those asked for). */
  editions: ComposedEdition[];
  /** Warnings that do not stop the build. */
  warnings: InputIssue[];
  /** The pipeline version with a digest of the theme: the part of the layout's and pictures' keys that says how things are drawn. */
  drawing: string;
}

/**
 * The front end's stages (Vega, the YAML parser, the schema compiler, Handlebars), loaded only
 * when a build has work to do, so a build with nothing changed, `--help` and the translation
 * commands start quickly. The layout's (pdfkit) are not among them: composing alone (`check`,
 * the benchmark's peer build) never loads them.
 */
async function frontStages() {
  const [ingest, chart, compose, glyphs] = await Promise.all([import('../ingest/index.ts'), import('../chart/index.ts'), import('../compose/index.ts'), import('../layout/glyphs.ts')]);
  return { ingest, chart, compose, glyphs };
}

/**
 * Ingest → score → chart → compose for every edition of one country, with the translation
 * policy applied and every glyph checked against the fonts. Throws one `InputError` with
 * the problems of every locale, so one run lists them all.
 */
export async function composeEditions(input: FrontInput): Promise<FrontResult> {
  const lap = input.lap ?? (() => undefined);
  const { ingest: { ingestDataset }, chart: { renderCharts }, compose: { composeDocument, figureInfos, messagesFor }, glyphs: { checkGlyphs, svgTexts } } = await frontStages();
  // 1. Ingest: read and validate every input; throws InputError with all problems at once.
  // The data files the ingest parses are those the translation policy reads again.
  const parsed = new Map<string, YamlFile | undefined>();
  const dataset = ingestDataset({ root: input.root, parsed, memory: input.memory, configPath: input.configPath, country: input.country, locales: input.locales, lenientLocales: input.lenientLocales, checkOnly: input.checkOnly });
  lap('ingest');
  // 2. Score: indicators → sub-dimensions → dimensions, unrounded. The translation policy
  //    needs them (the brief's priority issues follow from the scores); its errors join the
  //    other problems of the run.
  const scores = scoreDataset(dataset);
  const { locales, documents: kinds } = dataset.editions;
  const translation = translationPolicy(input.root, dataset, scores, locales, parsed);
  const warnings = [...translation.warnings];
  const issues: InputIssue[] = [...translation.errors];
  const drawing = `${input.version}|${themeDigest(dataset, input.stamps ?? new FileStamps(undefined))}`;
  lap('score');
  input.onDocuments?.begin(dataset, drawing, locales.length * kinds.length);
  // 3–4. Chart and compose every edition, collecting the problems of all of them.
  const editions: ComposedEdition[] = [];
  for (const locale of locales) {
    const messages = messagesFor(dataset, locale);
    const edition = translation.datasets.get(locale)!;
    const onChart = input.onChart;
    const charts = await whileDrawing(`the ${locale} charts`, () =>
      renderCharts({ figures: dataset.figures, framework: dataset.framework, scores, locale, sourceLocale: dataset.config.sourceLocale, messages, theme: dataset.theme, cache: input.cache, version: drawing, onChart: onChart && ((chart) => onChart(locale, chart, { dataset, drawing })) }),
    );
    lap('chart');
    const figures = figureInfos(dataset, charts, locale);
    const chartTexts = [...charts.values()].flatMap((chart) => svgTexts(chart.svg, chartPlace(dataset, chart.id)));
    const documents: ComposedDocument[] = [];
    for (const kind of kinds) {
      try {
        const document = composeDocument({ dataset: edition, scores, locale, document: kind, figures, messages, templates: input.memory?.templates, markdown: input.memory?.markdown });
        warnings.push(...(document.warnings ?? []));
        issues.push(...checkGlyphs(document, chartTexts, dataset.theme, `${dataset.config.templatesDir}/locales/${locale}`));
        documents.push(document);
        if (!issues.some((issue) => issue.severity === 'error')) input.onDocuments?.add(locale, charts, document);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        issues.push(...error.issues);
      }
    }
    editions.push({ locale, charts, documents });
    lap('compose');
  }
  if (issues.some((issue) => issue.severity === 'error')) throw new InputError(dedupe([...warnings, ...issues]));
  return { dataset, scores, editions, warnings, drawing };
}

/**
 * The theme as it affects drawing (fonts by their content, sizes, colours, templates), for
 * cache keys. Nothing in it depends on where the project or the fonts lie, so a copy of the
 * project elsewhere reuses what was kept.
 */
function themeDigest(dataset: Dataset, stamps: FileStamps): string {
  const { font, file: _file, ...rest } = dataset.theme;
  return digest(JSON.stringify({ family: font.family, faces: Object.values(font.faces).map((f) => [f.key, stamps.digest(f.file), f.name]), ...rest }));
}

/** Where a chart's texts come from, for a glyph the fonts lack. */
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
