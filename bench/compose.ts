import { figureInfos, messagesFor } from '../pipeline/run.ts';
import { renderCharts, type Charts } from '../pipeline/chart/index.ts';
import { composeDocument, type ComposedDocument } from '../pipeline/compose/index.ts';
import { ingestDataset } from '../pipeline/ingest/index.ts';
import type { Dataset } from '../pipeline/ingest/types.ts';
import { scoreDataset } from '../pipeline/score/index.ts';

/** One locale's composed documents and the charts they show. */
export interface ComposedEdition {
  /** Locale. */
  locale: string;
  /** The locale's charts, by figure id. */
  charts: Charts;
  /** Its documents, in configured order. */
  documents: ComposedDocument[];
}

/** Every default edition composed in-process, with the time each front-end stage took. */
export interface ComposedProject {
  /** The validated input. */
  dataset: Dataset;
  /** The editions, in configured locale order. */
  editions: ComposedEdition[];
  /** Milliseconds per front-end stage. */
  timings: { ingest: number; score: number; chart: number; compose: number };
}

/**
 * Runs the pipeline's front end — ingest, score, renderCharts, composeDocument — the way
 * pipeline/run.ts does, and stops before layout: the peer engine starts from the same
 * ComposedDocument our layout stage receives.
 *
 * run.ts keeps its `messagesFor` and `figureInfos` private, so their few lines are repeated
 * here; if run.ts changes how it builds either, this must follow.
 */
export async function composeProject(root: string, configPath = 'pipeline.config.yaml', locales?: readonly string[]): Promise<ComposedProject> {
  const timings = { ingest: 0, score: 0, chart: 0, compose: 0 };
  let clock = performance.now();
  const lap = (stage: keyof typeof timings) => {
    const now = performance.now();
    timings[stage] += now - clock;
    clock = now;
  };
  const dataset = ingestDataset({ root, configPath });
  lap('ingest');
  const scores = scoreDataset(dataset);
  lap('score');
  const editions: ComposedEdition[] = [];
  for (const locale of locales ?? dataset.country.locales ?? dataset.config.locales) {
    const messages = messagesFor(dataset, locale);
    const charts = await renderCharts({ figures: dataset.figures, framework: dataset.framework, scores, locale, messages, theme: dataset.theme });
    lap('chart');
    const figures = figureInfos(dataset, charts, locale);
    const documents = dataset.config.documents.map((kind) => composeDocument({ dataset, scores, locale, document: kind, figures, messages }));
    editions.push({ locale, charts, documents });
    lap('compose');
  }
  return { dataset, editions, timings };
}
