import type { Edition, StageTimings } from '../pipeline/run.ts';
import type { BuildRound, WatchRound } from './measure.ts';
import type { PeerBuildReport } from './peer-build.ts';
import type { ChildRun } from './child.ts';
import type { PeerRender } from './peer.ts';
import { formatKiB, formatMs, formatRate, formatRatio, formatRuns, markdownTable, median } from './stats.ts';

/** Everything one benchmark run measured. */
export interface BenchResults {
  /** Where and when it ran. */
  environment: { date: string; cpu: string; cores: number; node: string; platform: string };
  /** Repetitions of each measurement. */
  runs: number;
  /** Steps 1–3, one round per repetition. */
  rounds: BuildRound[];
  /** Steps 1–3 with the documents laid out on the build's own thread only (`--threads 1`). */
  oneThread: BuildRound[];
  /** Step 3b: corrections in a running watch. */
  watch: WatchRound;
  /** Step 4, one per repetition. */
  inProcess: { timings: StageTimings; editions: Edition[]; breakingMs: number }[];
  /** Step 5. */
  peer: PeerResults;
}

/** The peer's measurements, or why there are none. */
export type PeerResults =
  | { available: false; reason: string }
  | {
      available: true;
      /** "Typst 0.14.2 (@myriaddreamin/typst-ts-node-compiler 0.7.0)". */
      engine: string;
      /** Whole builds in a fresh process, writing the PDFs only. */
      builds: { run: ChildRun; report: PeerBuildReport }[];
      /** The same, writing also the files ours publishes beside the PDFs (`--same-outputs`), run right after each of `builds`. */
      sameOutputs: { run: ChildRun; report: PeerBuildReport }[];
      /** In-process renders of the composed documents. */
      inProcess: { frontEnd: Record<'ingest' | 'score' | 'chart' | 'compose', number>; render: PeerRender }[];
      /** Pages of each Typst PDF, as Typst says and as pdf.js counts them. */
      pages: { locale: string; kind: string; typst: number; pdfjs: number }[];
    };

/** Typst page counts further than this factor from ours mean the conversion lost or repeated content. */
const plausiblePageFactor = 2;

/** Editions whose Typst PDF has an implausible page count, described; empty when all are plausible. */
export function implausiblePages(results: BenchResults): string[] {
  if (!results.peer.available) return [];
  const ours = results.inProcess[0]?.editions ?? [];
  return results.peer.pages.flatMap((page) => {
    const own = ours.find((e) => e.locale === page.locale && e.document === page.kind)?.pages;
    const problems: string[] = [];
    if (page.typst !== page.pdfjs) problems.push(`${page.locale} ${page.kind}: Typst reports ${page.typst} pages, the PDF has ${page.pdfjs}`);
    if (own === undefined || page.pdfjs < 2 || page.pdfjs > own * plausiblePageFactor || page.pdfjs * plausiblePageFactor < own) problems.push(`${page.locale} ${page.kind}: ${page.pdfjs} Typst pages against our ${own ?? '?'}`);
    return problems;
  });
}

/** The results as a Markdown document: what ran, the tables, and what each number means. */
export function renderReport(results: BenchResults): string {
  const { environment: env, runs } = results;
  const editions = results.inProcess[0]?.editions ?? [];
  const engine = results.peer.available ? results.peer.engine : `**unavailable** — ${results.peer.reason}`;
  return [
    '# CSI report pipeline — benchmark',
    '',
    `Measured ${env.date} on ${env.cpu} (${env.cores} cores), Node ${env.node}, ${env.platform}. ` +
      `Editions: ${editions.map((e) => `${e.locale} ${e.document}`).join(', ')} (${editions.length} PDFs). ` +
      `${runs === 1 ? 'Each figure is from one run' : `Each figure is the median of ${runs} runs; the runs are listed in the order they ran`}. Peer engine: ${engine}.`,
    '',
    '## Builds in a fresh process',
    '',
    buildTable(results),
    '',
    '## Stages of one build, in-process',
    '',
    stageTable(results),
    '',
    '## Pages and throughput',
    '',
    pageTable(results),
    '',
    throughputTable(results),
    '',
    '## Ours / peer',
    '',
    ratioTable(results),
    '',
    notes(results),
    '',
  ].join('\n');
}

function buildTable(results: BenchResults): string {
  const { rounds } = results;
  const correction = rounds[0]?.correction;
  // A count of the first of `runs`, out of its total, and "varied" if the rounds disagree.
  const changed = (pick: (r: BuildRound) => { changed: number; total: number }, runs: readonly BuildRound[] = rounds) => {
    const first = pick(runs[0]!);
    return `${first.changed} of ${first.total}` + (runs.every((r) => pick(r).changed === first.changed && pick(r).total === first.total) ? '' : ' (varied)');
  };
  const pdfs = (count: (r: BuildRound) => number) => (r: BuildRound) => ({ changed: count(r), total: r.changedPdfs.total });
  const pages = (r: BuildRound) => ({ changed: r.changedPages.corrected, total: r.changedPages.total });
  const row = (label: string, runs: readonly ChildRun[], changedPdfs: string) => {
    const ms = runs.map((r) => r.wallMs);
    return [label, formatMs(median(ms)), formatRuns(ms), formatKiB(Math.max(...runs.map((r) => r.maxRssKiB ?? Number.NaN))), changedPdfs];
  };
  const rows = [
    row('cold: all editions, empty output/', rounds.map((r) => r.cold), '—'),
    row('rebuild, nothing changed', rounds.map((r) => r.unchanged), changed(pdfs((r) => r.changedPdfs.unchanged))),
    row(`rebuild after correcting ${correction?.indicator} (${correction?.from} → ${correction?.to})`, rounds.map((r) => r.corrected), `${changed(pdfs((r) => r.changedPdfs.corrected))}; pages ${changed(pages)}`),
    row('cold, laid out on one thread (`--threads 1`)', results.oneThread.map((r) => r.cold), '—'),
    row(`rebuild after correcting ${correction?.indicator}, one thread`, results.oneThread.map((r) => r.corrected), changed(pdfs((r) => r.changedPdfs.corrected), results.oneThread)),
  ];
  const { watch } = results;
  // Many corrections: the runs column gives the range, and the RSS column also the RSS after the last one.
  const spread = watch.rebuildMs.length > 5 ? `${watch.rebuildMs.length} corrections, ${formatMs(Math.min(...watch.rebuildMs))} – ${formatMs(Math.max(...watch.rebuildMs))}` : formatRuns(watch.rebuildMs);
  const settled = watch.rssKiB.length > 0 ? ` (after the last: ${formatKiB(watch.rssKiB.at(-1))})` : '';
  rows.push([`correction in a running \`csi-report watch\` (saved → written)`, formatMs(median(watch.rebuildMs)), spread, `${formatKiB(watch.maxRssKiB ?? Number.NaN)}${settled}`, `${watch.changedPdfs.changed} of ${watch.changedPdfs.total}`]);
  if (results.peer.available) {
    rows.push(row('peer: same front end, Typst instead of our layout, writing its PDFs', results.peer.builds.map((b) => b.run), '—'));
    rows.push(row('peer, writing also the chart SVGs and PNGs and the open data, as ours does', results.peer.sameOutputs.map((b) => b.run), '—'));
  }
  // Each round ran both ways seconds apart: their ratios, round by round, move less with the machine's drift.
  const byRound = (pick: (r: BuildRound) => ChildRun) => pairRatios(results.rounds.map((r) => pick(r).wallMs), results.oneThread.map((r) => pick(r).wallMs));
  const cold = byRound((r) => r.cold);
  const corrected = byRound((r) => r.corrected);
  const threads = cold.length === 0 ? '' : `\n\nThe command as it runs by default / \`--threads 1\`, round by round: cold ${cold.map(formatRatio).join(', ')} (median ${formatRatio(median(cold))}); after the correction ${corrected.map(formatRatio).join(', ')} (median ${formatRatio(median(corrected))}).`;
  return markdownTable(['build (`csi-report build`)', 'wall time', 'runs', 'peak RSS', 'PDFs changed'], rows, ['l', 'r', 'r', 'r', 'r']) + threads;
}

function stageTable(results: BenchResults): string {
  const ours = (stage: keyof StageTimings) => median(results.inProcess.map((r) => r.timings[stage]));
  const peer = results.peer.available ? results.peer.inProcess : [];
  const peerFront = (stage: 'ingest' | 'score' | 'chart' | 'compose') => (peer.length ? formatMs(median(peer.map((p) => p.frontEnd[stage]))) : 'n/a');
  const peerRender = (pick: (render: PeerRender) => number) => (peer.length ? formatMs(median(peer.map((p) => pick(p.render)))) : 'n/a');
  const sum = (render: PeerRender, key: 'convertMs' | 'compileMs' | 'pdfMs') => render.documents.reduce((total, d) => total + d[key], 0);
  const total = median(results.inProcess.map((r) => Object.values(r.timings).reduce((a, b) => a + b, 0)));
  const breaking = median(results.inProcess.map((r) => r.breakingMs));
  const pagesLaidOut = results.inProcess[0]?.editions.reduce((sum, e) => sum + e.pages, 0) ?? 0;
  const peerTotal = peer.length ? formatMs(median(peer.map((p) => Object.values(p.frontEnd).reduce((a, b) => a + b, 0) + p.render.totalMs))) : 'n/a';
  const rows = [
    ['ingest', formatMs(ours('ingest')), peerFront('ingest')],
    ['score', formatMs(ours('score')), peerFront('score')],
    ['chart', formatMs(ours('chart')), peerFront('chart')],
    ['compose', formatMs(ours('compose')), peerFront('compose')],
    ['**layout** (all PDFs)', `**${formatMs(ours('layout'))}**`, `**${peerRender((r) => r.totalMs)}**`],
    ['· of which setting paragraphs: Knuth–Plass breaking and hyphenation', formatMs(breaking), ''],
    ['· · the same per page', `${(breaking / Math.max(1, pagesLaidOut)).toFixed(2)} ms`, ''],
    ['· peer: compiler + fonts + chart SVGs', '', peerRender((r) => r.setupMs)],
    ['· peer: ComposedDocument → Typst markup', '', peerRender((r) => sum(r, 'convertMs'))],
    ['· peer: Typst compile', '', peerRender((r) => sum(r, 'compileMs'))],
    ['· peer: PDF export', '', peerRender((r) => sum(r, 'pdfMs'))],
    ['publish', formatMs(ours('publish')), '—'],
    ['total', formatMs(total), peerTotal],
  ];
  return markdownTable(['stage', 'ours', 'peer (Typst)'], rows, ['l', 'r', 'r']);
}

function pageTable(results: BenchResults): string {
  const ours = results.inProcess[0]?.editions ?? [];
  const peerPages = results.peer.available ? results.peer.pages : [];
  const rows = ours.map((edition) => {
    const peer = peerPages.find((p) => p.locale === edition.locale && p.kind === edition.document);
    return [`${edition.locale} ${edition.document}`, String(edition.pages), peer ? String(peer.pdfjs) : 'n/a', peer ? formatRatio(peer.pdfjs / edition.pages) : 'n/a'];
  });
  const total = (pages: number[]) => pages.reduce((a, b) => a + b, 0);
  rows.push(['**all**', `**${total(ours.map((e) => e.pages))}**`, peerPages.length ? `**${total(peerPages.map((p) => p.pdfjs))}**` : 'n/a', peerPages.length ? formatRatio(total(peerPages.map((p) => p.pdfjs)) / total(ours.map((e) => e.pages))) : 'n/a']);
  return markdownTable(['edition', 'our pages', 'Typst pages', 'Typst / ours'], rows, ['l', 'r', 'r', 'r']);
}

function throughputTable(results: BenchResults): string {
  const ourPages = (results.inProcess[0]?.editions ?? []).reduce((sum, e) => sum + e.pages, 0);
  const layoutPublish = median(results.inProcess.map((r) => r.timings.layout + r.timings.publish));
  const cold = median(results.rounds.map((r) => r.cold.wallMs));
  const rows = [
    ['pages / s of layout + publish (in-process)', formatRate(ourPages / (layoutPublish / 1000)), '—'],
    ['pages / s of the cold build (wall, fresh process)', formatRate(ourPages / (cold / 1000)), '—'],
  ];
  if (results.peer.available) {
    const peerPages = results.peer.pages.reduce((sum, p) => sum + p.pdfjs, 0);
    const typst = median(results.peer.inProcess.map((p) => p.render.totalMs));
    const wall = median(results.peer.builds.map((b) => b.run.wallMs));
    rows[0]![2] = `${formatRate(peerPages / (typst / 1000))} (Typst layout)`;
    rows[1]![2] = formatRate(peerPages / (wall / 1000));
  }
  return markdownTable(['throughput', 'ours', 'peer (Typst)'], rows, ['l', 'r', 'r']);
}

function ratioTable(results: BenchResults): string {
  if (!results.peer.available) return `The peer engine is unavailable on this machine, so there is no ratio: ${results.peer.reason}`;
  const layout = median(results.inProcess.map((r) => r.timings.layout)) / median(results.peer.inProcess.map((p) => p.render.totalMs));
  const whole = median(results.rounds.map((r) => r.cold.wallMs)) / median(results.peer.builds.map((b) => b.run.wallMs));
  const peerWalls = results.peer.builds.map((b) => b.run.wallMs);
  const sameWalls = results.peer.sameOutputs.map((b) => b.run.wallMs);
  const pairs = pairRatios(results.rounds.map((r) => r.cold.wallMs), peerWalls);
  const samePairs = pairRatios(results.rounds.map((r) => r.cold.wallMs), sameWalls);
  const correction = median(results.rounds.map((r) => r.corrected.wallMs)) / median(peerWalls);
  const correctionPairs = pairRatios(results.rounds.map((r) => r.corrected.wallMs), peerWalls);
  const listed = (ratios: readonly number[]) => ratios.map(formatRatio).join(', ');
  return markdownTable(['comparison', 'ours / Typst'], [
    ['layout stage: our layout of all PDFs / Typst setup + conversion + compile + PDF export (in-process)', formatRatio(layout)],
    ['whole build: our cold build / the peer build (wall time, fresh process; medians)', formatRatio(whole)],
    [`whole build, pair by pair: each cold build / the peer build run right after it (median; ${listed(pairs)})`, formatRatio(median(pairs))],
    [`whole build, pair by pair, the peer writing the same files as ours: each cold build / that peer build of its round (median; ${listed(samePairs)})`, formatRatio(median(samePairs))],
    ['correction: our rebuild after the correction, fresh process / the peer build (medians)', formatRatio(correction)],
    [`correction, pair by pair: each rebuild after the correction / the peer build of its round (median; ${listed(correctionPairs)})`, formatRatio(median(correctionPairs))],
  ], ['l', 'r']);
}

/** The ratio of each of our runs to the peer's run of the same round, in the order they ran. */
export function pairRatios(ours: readonly number[], peer: readonly number[]): number[] {
  return peer.slice(0, ours.length).map((theirs, i) => ours[i]! / theirs);
}

function notes(results: BenchResults): string {
  const lines = [
    '### What the numbers mean',
    '',
    '- **wall time**: from spawning `node bin/csi-report.js build`, with the node flags `npm start` gives it (pipeline/util/node-flags.mjs) — the csi-report command, what `npm start` runs — (cwd: a fresh temporary copy of data/, templates/ and pipeline.config.yaml) to its exit: Node start, loading the pipeline, the build, writing output/. The command runs a bundle of the TypeScript sources that it makes on its first run after a source change (about half a second, once, like an install step); the benchmark makes it before timing anything.',
    '- **cold** starts from a copy with no output/ and no build cache; the **rebuild** rows run in the same copy right after it; the correction changes one raw value in the copy\'s data/countries/<country>/indicators.yaml by editing that line. Every round uses a new copy.',
    '- **peak RSS**: the highest of the runs\' `process.resourceUsage().maxRSS` of the node process that runs the build, printed by that process at exit (bench/max-rss.mjs, preloaded with `--import`).',
    '- **watch**: `csi-report watch` on a fresh copy; after its first build, one correction per run (the same indicator, a step further each time) 1.5 s after the last report, as a person works, each timed from writing indicators.yaml to the watcher printing "wrote N files" — its 100 ms debounce, the rebuild and the publish (`--corrections N`, 50 by default). Peak RSS is the watcher\'s over all of them; "after the last" is its RSS (/proc VmRSS) when it reported the last correction.',
    '- **PDFs changed**: PDFs under output/ whose bytes differ from the build before (first round; "varied" if the rounds disagree); for the correction also the pages whose content — their drawing operators, decoded — differs from the same page before it: the pages that show the corrected value or what follows from it, and those its new line breaks moved.',
    '- **stages**: `runPipeline(...).timings` of our build in the benchmark\'s own process on a fresh copy, taking turns with the peer\'s render after one untimed warm-up of each; before each run every result kept in the process (shaped words, widths, lines, templates) is forgotten, so only loaded and compiled code carries over; what starting a process costs is in the fresh-process table. Our *chart* stage also renders the PNG files it publishes (awaited after layout); the peer column runs the same front end (`composeEditions` of pipeline/build/front.ts, the function the build runs, the glyph check included) with no stage cache, then Typst instead of our layout, and writes nothing, so it has no publish.',
    '- **peer layout**: a new Typst compiler with its global memo cache emptied (so no run reuses another\'s work), the same Source Sans 3 files our layout embeds, the chart SVGs as image bytes, then each document converted to Typst markup, compiled and exported as PDF.',
    '- **peer build**: bench/peer-build.ts, bundled the same way and run with node, with the same node flags as ours, in a fresh process on a fresh copy: our ingest → score → chart → compose, then Typst, writing its PDFs (no chart PNGs, SVGs or open data). It runs right after each round of our builds, so each of our cold builds has a peer build a few seconds from it; the pair-by-pair ratio compares those, which a machine whose speed drifts during the run moves less than the ratio of the medians. Then the same build with `--same-outputs`, which also writes what ours publishes beside its PDFs, with our code: every chart\'s SVG and its PNG (drawn on a PNG thread while the documents are composed and compiled, as ours are) and the scores as JSON and CSV; not the manifest and change report of our publishing.',
    '- **pages**: ours from the build; Typst\'s counted in the PDF by pdf.js. A Typst count more than twice or less than half ours would mean lost or repeated content, and fails the benchmark.',
    '- **ours / Typst** below 1 means our pipeline took less time.',
  ];
  return lines.join('\n');
}
