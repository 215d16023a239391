import { renderCharts, type Charts } from '../../pipeline/chart/index.ts';
import { formatIssues } from '../../pipeline/errors/errors.ts';
import { Messages } from '../../pipeline/format/messages.ts';
import { readFigures } from '../../pipeline/ingest/figures.ts';
import type { FigureDef } from '../../pipeline/ingest/types.ts';
import { ingestDataset, type Dataset } from '../../pipeline/ingest/index.ts';
import { InputReader } from '../../pipeline/input/read.ts';
import { readLocaleStrings } from '../../pipeline/ingest/strings.ts';
import { scoreDataset, type Scores } from '../../pipeline/score/index.ts';
import { loadTheme, type Theme } from '../../pipeline/theme/index.ts';
import { repoRoot } from '../helpers/project.ts';

/** The real Kazakhstan data, read once for every chart test. */
export interface KazakhstanInput {
  dataset: Dataset;
  figures: FigureDef[];
  scores: Scores;
  theme: Theme;
  messages: (locale: string) => Messages;
}

export const locales = ['en', 'ru', 'kk'] as const;

let cached: KazakhstanInput | undefined;

export function kazakhstan(): KazakhstanInput {
  if (cached) return cached;
  const dataset = ingestDataset({ root: repoRoot, configPath: 'pipeline.config.yaml', country: 'kazakhstan' });
  const reader = new InputReader(repoRoot);
  const figures = readFigures(reader, `${dataset.config.dataDir}/countries/kazakhstan/figures.yaml`, dataset.framework, dataset.config.locales);
  const strings = new Map(dataset.config.locales.map((locale) => [locale, readLocaleStrings(reader, dataset.config.templatesDir, locale)]));
  if (reader.issues.length > 0) throw new Error(formatIssues(reader.issues));
  cached = {
    dataset,
    figures,
    scores: scoreDataset(dataset),
    theme: loadTheme(repoRoot, dataset.config.templatesDir),
    messages: (locale) => new Messages(strings.get(locale)!),
  };
  return cached;
}

const charts = new Map<string, Promise<Charts>>();

/** Every chart of a locale, rendered once per test run. */
export function chartsFor(locale: string): Promise<Charts> {
  let found = charts.get(locale);
  if (!found) {
    const k = kazakhstan();
    found = renderCharts({ figures: k.figures, framework: k.dataset.framework, scores: k.scores, locale, messages: k.messages(locale), theme: k.theme });
    charts.set(locale, found);
  }
  return found;
}

/** The text lines of an SVG's <text> elements, with the weight each is set in. */
export function svgTexts(svg: string): { text: string; weight: string }[] {
  const texts: { text: string; weight: string }[] = [];
  // An empty label is written as a self-closing <text/>.
  for (const match of svg.matchAll(/<text\b([^>]*?)(?:\/>|>(.*?)<\/text>)/gs)) {
    const weight = /font-weight="([^"]+)"/.exec(match[1]!)?.[1] ?? 'normal';
    const inner = match[2] ?? '';
    if (inner === '') continue;
    const lines = inner.includes('<tspan') ? [...inner.matchAll(/<tspan\b[^>]*>(.*?)<\/tspan>/gs)].map((m) => m[1]!) : [inner];
    for (const line of lines) texts.push({ text: decodeEntities(line), weight });
  }
  return texts;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}
