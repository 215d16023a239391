import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Charts } from './chart/index.ts';
import type { ComposedDocument, FigureInfo } from './compose/index.ts';
import { InputError, asEnvironmentError, whileDrawing, type InputIssue } from './errors/errors.ts';
import { Messages } from './format/messages.ts';
import { untranslatedMark } from './format/untranslated.ts';
import { translationPolicy } from './translate/build-policy.ts';
import type { Dataset } from './ingest/types.ts';
import { writeAtomically, type OutputFile } from './publish/atomic.ts';
import { buildMatrix, renderScoresCsv, renderScoresJson } from './publish/open-data.ts';
import { compareManifests, renderChangesMarkdown, type ChangeReport } from './publish/changes.ts';
import { buildManifest, type EditionRecord, type Manifest } from './publish/manifest.ts';
import { digest } from './util/digest.ts';
import { pipelineVersion } from './cache/version.ts';
import { releaseMemory } from './util/memory.ts';
import { cacheKey, noCache, type StageCache } from './cache/key.ts';
import { loadMemos, memosToSave, saveMemos } from './cache/memo.ts';
import { fileCache, pruneCache, removeStrayEntries } from './cache/store.ts';
import { digestInputs } from './cache/inputs.ts';
import { outputsIntact } from './publish/intact.ts';
import { outputPath, readConfig } from './ingest/config.ts';
import { findNode } from './ingest/framework.ts';
import { InputReader } from './input/read.ts';
import type { LayoutInput, LayoutResult } from './layout/index.ts';
import { acquireBuildLock } from './publish/lock.ts';
import { carryEditions } from './publish/editions.ts';
import { readPublishedState, unloggedChanges, writePublishedState } from './publish/published.ts';
import { removeStrays } from './publish/strays.ts';
import { scoreDataset, type Scores } from './score/index.ts';
import { createHyphenator, type Hyphenator } from './hyphenate/index.ts';
import { unbreakableWords } from './layout/unbreakable.ts';

/**
 * The heavy stages (Vega, pdfkit, fontkit, resvg) are loaded only when a build has work to do,
 * so a build with nothing changed, `--help` and the translation commands start quickly.
 */
async function loadStages() {
  const [chart, compose, ingest, glyphs, layout] = await Promise.all([
    import('./chart/index.ts'), import('./compose/index.ts'), import('./ingest/index.ts'), import('./layout/glyphs.ts'), import('./layout/index.ts'),
  ]);
  return { ...chart, ...compose, ...ingest, ...glyphs, ...layout };
}
type Stages = Awaited<ReturnType<typeof loadStages>>;

/** What a run is asked to do. */
export interface RunRequest {
  /** Project root. */
  root: string;
  /** Configuration file, relative to the root. */
  configPath: string;
  /** Country to build; the first configured one when absent. */
  country?: string;
  /** Locales to build, of those the country publishes; all of them when absent. */
  locales?: readonly string[];
  /** Build the asked-for locales the country publishes and pass over the others (`build --all --locale …`). */
  lenientLocales?: boolean;
  /** Only validate the input (including composing every document); write nothing. */
  checkOnly?: boolean;
  /** Build everything afresh, ignoring `.cache/` and the previous build. */
  noCache?: boolean;
  /** Collect garbage between documents to keep the peak memory low (default true; watch turns it off). */
  releaseMemory?: boolean;
  /** Stands in for the pipeline's own version (tools embedding the pipeline, tests of the cache). */
  pipelineVersion?: string;
  /** Wait for another build of the same country to finish (default); false: exit 75 at once (`--no-wait`). */
  wait?: boolean;
  /** Told each one-line notice as it happens: waiting for a lock, a damaged cache entry discarded, strays removed. */
  onNotice?: (message: string) => void;
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
  /** Of the layout stage's time, the milliseconds spent setting paragraphs into lines (breaking, hyphenating). */
  breakingMs: number;
  /** What changed since the previous build (absent for `check`). */
  changes?: ChangeReport;
  /** One-line notices of the run (see `RunRequest.onNotice`). */
  notices: string[];
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
  const notices: string[] = [];
  const notice = (message: string) => {
    notices.push(message);
    request.onNotice?.(message);
  };
  // The whole build of a country — reading, comparing with the last edition, publishing —
  // runs under its lock, so a second build waits and then builds on what the first published.
  const target = request.checkOnly ? undefined : buildTarget(request);
  const lock = target ? await acquireBuildLock(target.outputDir, target.country, { wait: request.wait, onWait: notice }) : undefined;
  try {
    if (target) {
      const strays = removeStrays(target.outputDir, target.country);
      if (strays.length > 0) notice(`removed what a stopped build left in ${target.outputDir}: ${strays.join(', ')}`);
      const entries = removeStrayEntries(join(request.root, '.cache'));
      if (entries.length > 0) notice(`removed ${entries.length} unfinished entr${entries.length === 1 ? 'y' : 'ies'} a stopped build left in .cache/`);
    }
    return { ...(await buildLocked(request, notice)), notices };
  } catch (error) {
    throw asEnvironmentError(error, { path: target?.outputDir });
  } finally {
    lock?.release();
  }
}

async function buildLocked(request: RunRequest, notice: (message: string) => void): Promise<Omit<RunResult, 'notices'>> {
  const timings: StageTimings = { ingest: 0, score: 0, chart: 0, compose: 0, layout: 0, publish: 0 };
  let clock = performance.now();
  const lap = (stage: keyof StageTimings) => {
    const now = performance.now();
    timings[stage] += now - clock;
    clock = now;
  };
  // 0. Nothing to do when no input changed since the last successful build and its outputs
  //    are intact: the previous build already made exactly these files.
  const version = request.pipelineVersion ?? pipelineVersion();
  const inputs = inputsOf(request, version);
  const unchanged = !request.checkOnly && !request.noCache && inputs ? unchangedBuild(inputs) : undefined;
  if (unchanged) return { ...unchanged, timings: { ...timings, ingest: performance.now() - clock }, breakingMs: 0 };
  const cacheDir = join(request.root, '.cache');
  const cache = request.noCache || request.checkOnly ? noCache : fileCache(cacheDir, notice);
  const stages = await loadStages();
  // What earlier builds of this pipeline version worked out and kept (memo.ts).
  loadMemos(cache, version, notice);
  // 1. Ingest: read and validate every input; throws InputError with all problems at once.
  const dataset = stages.ingestDataset({ root: request.root, configPath: request.configPath, country: request.country, locales: request.locales, lenientLocales: request.lenientLocales, checkOnly: request.checkOnly });
  // The country's own editions (country.yaml), of those asked for.
  const { locales, documents: documentKinds } = dataset.editions;
  if (locales.length === 0) {
    const warning: InputIssue = { place: { file: `${dataset.config.dataDir}/countries/${dataset.country.id}/country.yaml` }, message: `"${dataset.country.id}" publishes none of the locales asked for (${(request.locales ?? []).join(', ')}); nothing was built`, hint: `Its editions are ${dataset.editions.published.join(', ')}.`, severity: 'warning' };
    return { country: dataset.country.id, written: [], scores: scoreDataset(dataset), editions: [], warnings: [warning], timings, breakingMs: 0 };
  }
  // The translation policy, over every kind of text of every edition built: its errors join
  // the other problems of the run, so one check lists them all.
  // 2. Score: indicators → sub-dimensions → dimensions, unrounded (the policy needs the brief's
  //    priority issues, which follow from the scores).
  const scores = scoreDataset(dataset);
  const translation = translationPolicy(request.root, dataset, scores, locales);
  const warnings = translation.warnings;
  const issues: InputIssue[] = [...translation.errors];
  // Everything that changes how charts and pages are drawn, for the stage cache's keys.
  const drawing = `${version}|${themeDigest(dataset)}`;
  lap('ingest');
  lap('score');
  // 3–4. Chart and compose every edition, collecting the problems of all of them.
  const editions: { locale: string; charts: Charts; documents: ComposedDocument[] }[] = [];
  const pictures: { path: string; bytes: Promise<string | Uint8Array> }[] = [];
  for (const locale of locales) {
    const messages = messagesFor(dataset, locale);
    const edition = translation.datasets.get(locale)!;
    const charts = await whileDrawing(`the ${locale} charts`, () => stages.renderCharts({ figures: dataset.figures, framework: dataset.framework, scores, locale, sourceLocale: dataset.config.sourceLocale, messages, theme: dataset.theme, cache, version: drawing }));
    // The PNGs are drawn off the main thread while the documents are composed and laid out;
    // a failure surfaces where they are awaited, before anything is published.
    for (const chart of request.checkOnly ? [] : charts.values()) {
      const name = chart.id.replace(/[^A-Za-z0-9.-]/g, '_');
      const png = cachedPng(stages, cache, drawing, chart.svg, dataset);
      png.catch(() => undefined);
      pictures.push({ path: `${dataset.country.id}/${locale}/charts/figure-${name}.svg`, bytes: Promise.resolve(chart.svg) });
      pictures.push({ path: `${dataset.country.id}/${locale}/charts/figure-${name}.png`, bytes: png });
    }
    lap('chart');
    const figures = figureInfos(dataset, charts, locale);
    const documents: ComposedDocument[] = [];
    for (const kind of documentKinds) {
      try {
        const document = stages.composeDocument({ dataset: edition, scores, locale, document: kind, figures, messages });
        warnings.push(...(document.warnings ?? []));
        const chartTexts = [...charts.values()].flatMap((chart) => stages.svgTexts(chart.svg, chartPlace(dataset, chart.id)));
        issues.push(...stages.checkGlyphs(document, chartTexts, dataset.theme, `${dataset.config.templatesDir}/locales/${locale}`));
        documents.push(document);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        issues.push(...error.issues);
      }
    }
    editions.push({ locale, charts, documents });
    await releaseMemory(request.releaseMemory);
    lap('compose');
  }
  if (issues.some((issue) => issue.severity === 'error')) throw new InputError(dedupe([...warnings, ...issues]));
  if (request.checkOnly) return { country: dataset.country.id, written: [], scores, editions: [], warnings, timings, breakingMs: 0 };
  // 5. Layout: each document as a tagged PDF — taken from the cache when exactly this
  //    document was laid out before. (Worker threads were measured slower here: starting
  //    pdfkit and the fonts in each costs more than the two cores win.)
  const files: OutputFile[] = openDataFiles(dataset, scores);
  const laidOut: Edition[] = [];
  const records: Record<string, EditionRecord> = {};
  // The page style with its font files by content, not by where they lie, for the keys.
  const keyStyle = { ...dataset.page, fontFiles: Object.fromEntries(Object.entries(dataset.page.fontFiles).map(([name, file]) => [name, fileDigest(file)])) };
  // One hyphenator per language, told the names and acronyms of the country's data; its name
  // is part of the key of remembered lines, so other words set the paragraphs again. It is made
  // at its first word: a rebuild whose layouts are all kept never loads the patterns.
  const hyphenations = new Map<string, NonNullable<LayoutInput['hyphenation']>>();
  const hyphenationFor = (locale: string): NonNullable<LayoutInput['hyphenation']> => {
    let known = hyphenations.get(locale);
    if (!known) {
      const words = unbreakableWords(dataset, locale);
      let made: Hyphenator | undefined;
      known = { name: `${locale}:${digest(JSON.stringify(words))}`, hyphenator: { split: (word) => (made ??= createHyphenator(locale, { unbreakable: words })).split(word) } };
      hyphenations.set(locale, known);
    }
    return known;
  };
  const jobs = editions.flatMap(({ locale, charts, documents }) => {
    const forLayout = [...charts.values()].map((chart) => ({ id: chart.id, svg: chart.svg, width: chart.width, height: chart.height, digest: digest(chart.svg) }));
    return documents.map((document) => {
      // The hyphenator's name digests the words it keeps whole: a new name there sets lines anew.
      const key = layoutKey(drawing, document, { style: keyStyle, hyphenation: hyphenationFor(locale).name }, forLayout);
      return { locale, document, forLayout, key, cached: cachedLayoutResult(cache, key, notice) };
    });
  });
  // One document at a time, each finished and let go before the next starts: peak memory
  // is then one document's, not six.
  for (const job of jobs.filter((j) => !j.cached)) {
    job.cached = await whileDrawing(`the ${job.locale} ${job.document.kind === 'acr' ? 'report' : 'brief'}`, () => stages.layoutDocument({
      document: job.document,
      style: dataset.page,
      charts: new Map(job.forLayout.map((c) => [c.id, c])),
      paintChart: (doc, id, x, y, width) => void stages.drawChart(doc, editions.find((e) => e.locale === job.locale)!.charts.get(id)!, x, y, width, dataset.theme),
      hyphenation: hyphenationFor(job.locale),
    }));
    storeLayoutResult(cache, job.key, job.cached);
    await releaseMemory(request.releaseMemory);
  }
  // Everything shaped, measured and compiled is known now; kept for the next build before
  // the outputs are gathered, with room made for it first.
  const grown = memosToSave(version);
  if (grown.length > 0) {
    await releaseMemory(request.releaseMemory, true);
    saveMemos(cache, version, grown);
  }
  lap('layout');
  for (const { locale, document, forLayout, cached } of jobs) {
    const result = cached!;
    const path = `${dataset.country.id}/${locale}/${document.kind}.pdf`;
    const chartDigests = new Map(forLayout.map((c) => [c.id, c.digest]));
    files.push({ path, bytes: result.bytes });
    laidOut.push({ locale, document: document.kind, pages: result.pageCount });
    records[`${locale}/${document.kind}`] = {
      file: path,
      digest: digest(result.bytes),
      pages: result.pageDigests,
      figures: Object.fromEntries(document.blocks.flatMap((b) => (b.kind === 'figure' && b.chart ? [[b.id, chartDigests.get(b.chart) ?? '']] : []))),
      // Unnumbered tables (the indicator matrix, the brief's scores) by their anchor.
      tables: Object.fromEntries(document.blocks.flatMap((b) => (b.kind === 'table' ? [[b.id ?? b.anchor, digest(JSON.stringify(b))]] : []))),
    };
  }
  for (const picture of pictures) files.push({ path: picture.path, bytes: await picture.bytes });
  lap('chart');
  // 6. Publish: compare with the previous edition and what was published before it, record
  //    this build, and move every file into place together (the lock is held since the start).
  const outputDir = outputPath(request.root, dataset.config);
  const previous = readPreviousManifest(outputDir, dataset.country.id);
  // Editions of other locales the country still publishes stay; those it no longer does go.
  const carried = carryEditions(previous, dataset.editions, dataset.country.id);
  const manifest = buildManifest(request.root, dataset, scores, version, inputs?.digest ?? '', { ...carried.records, ...records }, { ...carried.files, ...Object.fromEntries(files.map((f) => [f.path, digest(f.bytes)])) });
  const changes = compareManifests(previous, manifest, (id) => nameOf(dataset, id));
  const unlogged = unloggedChanges(manifest, previous, previous ? readPublishedState(outputDir, dataset.country.id) : undefined, dataset.corrections, (id) => scores.byId.get(id)?.decimals);
  warnings.push(...unloggedWarnings(dataset, unlogged.changes));
  files.push(
    { path: `${dataset.country.id}/manifest.json`, bytes: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: `${dataset.country.id}/CHANGES.md`, bytes: renderChangesMarkdown(changes, localisedName(dataset.country.name, dataset.config.sourceLocale)) },
    { path: `${dataset.country.id}/changes.json`, bytes: `${JSON.stringify(changes, null, 2)}\n` },
  );
  let written: string[];
  try {
    // The state first: it only names values published before, so it holds whether or not
    // the edition below is published.
    writePublishedState(outputDir, dataset.country.id, { inputsDigest: manifest.inputsDigest, warnings, unlogged: unlogged.unlogged });
    written = writeAtomically(outputDir, files, carried.keep);
  } catch (error) {
    throw asEnvironmentError(error, { path: join(outputDir, '.versions'), note: `Nothing was published: ${join(outputDir, dataset.country.id)} still holds the previous edition.` });
  }
  if (cache !== noCache) pruneCache(cacheDir);
  lap('publish');
  const breakingMs = jobs.reduce((sum, job) => sum + (job.cached?.breakingMs ?? 0), 0);
  return { country: dataset.country.id, written, scores, editions: laidOut, warnings, timings, breakingMs, changes };
}

/**
 * UI strings of a locale, the source locale's standing in, marked, for a missing one: the
 * translation policy has reported it (an error under `fail`, so such a document is never
 * published).
 */
export function messagesFor(dataset: Dataset, locale: string): Messages {
  const own = dataset.content.get(locale)!.strings;
  const source = dataset.content.get(dataset.config.sourceLocale)?.strings;
  return new Messages(own, locale !== dataset.config.sourceLocale ? source : undefined, untranslatedMark(dataset.config.sourceLocale));
}

/** What compose needs to know of each figure in a locale: caption, alt text, chart, note. */
export function figureInfos(dataset: Dataset, charts: Charts, locale: string): Map<string, FigureInfo> {
  const source = dataset.config.sourceLocale;
  const pick = (text: Readonly<Record<string, string>> | undefined) => (text ? text[locale] ?? (text[source] !== undefined ? `${untranslatedMark(source)}${text[source]}` : '') : undefined);
  return new Map(dataset.figures.map((figure) => {
    const chart = charts.get(figure.id);
    return [figure.id, { id: figure.id, caption: pick(figure.caption) ?? '', alt: chart?.alt ?? '', chart: chart?.id, note: pick(figure.note) }];
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

/** The country a build request builds and the output folder it publishes to; undefined when the configuration cannot be read (ingest then reports why). */
function buildTarget(request: RunRequest): { country: string; outputDir: string } | undefined {
  const config = readConfig(new InputReader(request.root), request.configPath);
  if (!config) return undefined;
  return { country: request.country ?? config.countries[0]!, outputDir: outputPath(request.root, config) };
}

/** Where a build of the request would read and write, and a digest of all it could read. */
interface BuildInputs {
  country: string;
  outputDir: string;
  digest: string;
}

function inputsOf(request: RunRequest, version: string): BuildInputs | undefined {
  const config = readConfig(new InputReader(request.root), request.configPath);
  if (!config) return undefined;
  const country = request.country ?? config.countries[0]!;
  return {
    country,
    outputDir: outputPath(request.root, config),
    digest: digestInputs(
      request.root,
      [request.configPath, `${config.dataDir}/frameworks`, `${config.dataDir}/countries/${country}`, config.templatesDir],
      [version, country, JSON.stringify(request.locales ?? null), process.env.SOURCE_DATE_EPOCH ?? ''],
    ),
  };
}

/** The result of the previous build when nothing changed since, else undefined. */
function unchangedBuild({ country, outputDir, digest: inputs }: BuildInputs): Omit<RunResult, 'timings' | 'notices' | 'breakingMs'> | undefined {
  const previous = readPreviousManifest(outputDir, country);
  if (!previous || previous.inputsDigest !== inputs || !outputsIntact(outputDir, previous, digest)) return undefined;
  const state = readPublishedState(outputDir, country);
  const editions = Object.entries(previous.editions).map(([key, record]) => {
    const [locale, document] = key.split('/') as [string, 'acr' | 'brief'];
    return { locale, document, pages: record.pages.length };
  });
  return {
    country,
    written: [],
    scores: { framework: '', country, byId: new Map(), dimensions: [] },
    editions,
    warnings: state?.inputsDigest === inputs ? [...state.warnings] : [],
    changes: { first: false, inputs: [], values: [], scores: [], rankings: [], editions: [] },
  };
}

/**
 * The theme as it affects drawing (fonts by their content, sizes, colours, templates), for
 * cache keys. Nothing in it depends on where the project or the fonts lie, so a copy of the
 * project elsewhere reuses what was kept.
 */
function themeDigest(dataset: Dataset): string {
  const { font, file: _file, ...rest } = dataset.theme;
  return digest(JSON.stringify({ family: font.family, faces: Object.values(font.faces).map((f) => [f.key, fileDigest(f.file), f.name]), ...rest }));
}

/** The digest of a file's content. */
function fileDigest(file: string): string {
  return digest(readFileSync(file));
}

/** The cache key of a laid-out document: everything its PDF depends on. */
function layoutKey(version: string, document: ComposedDocument, style: unknown, charts: readonly { id: string; digest: string; width: number; height: number }[]): string {
  const { warnings: _warnings, ...content } = document;
  return cacheKey('layout', version, content, style, charts.map(({ id, digest: d, width, height }) => [id, d, width, height]));
}

/** The PDF laid out last time from exactly this input, if kept (the store verified both entries). */
function cachedLayoutResult(cache: StageCache, key: string, notice: (message: string) => void): LayoutResult | undefined {
  const meta = cache.get(`${key}.json`);
  const bytes = cache.get(`${key}.pdf`);
  if (!meta || !bytes) return undefined;
  try {
    // A kept layout cost no breaking in this run.
    const saved = JSON.parse(Buffer.from(meta).toString('utf8')) as { pageCount: number; anchorPages: [string, number][]; pageDigests: string[] };
    if (!Number.isInteger(saved.pageCount) || !Array.isArray(saved.anchorPages) || !Array.isArray(saved.pageDigests)) throw new Error('fields missing');
    return { bytes: new Uint8Array(bytes), pageCount: saved.pageCount, anchorPages: new Map(saved.anchorPages), pageDigests: saved.pageDigests, breakingMs: 0 };
  } catch {
    notice(`.cache/${key}.json: not a layout record; laid out again`);
    return undefined;
  }
}

function storeLayoutResult(cache: StageCache, key: string, result: LayoutResult): void {
  cache.set(`${key}.pdf`, result.bytes);
  cache.set(`${key}.json`, JSON.stringify({ pageCount: result.pageCount, anchorPages: [...result.anchorPages], pageDigests: result.pageDigests }));
}

/** The PNG of a chart, rendered once per distinct SVG. */
/** `drawing` is the pipeline version with the theme's digest. */
async function cachedPng(stages: Stages, cache: StageCache, drawing: string, svg: string, dataset: Dataset): Promise<Uint8Array> {
  const key = cacheKey('png', drawing, svg);
  const cached = cache.get(key);
  if (cached) return new Uint8Array(cached);
  const png = await whileDrawing('a chart\'s PNG picture', () => stages.renderPng(svg, dataset.theme, 2));
  cache.set(key, png);
  return png;
}
