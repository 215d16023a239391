import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mustSucceed, runChild } from './child.ts';
import { bundlePeerBuild, countPdfPages, measureBuildRound, measureInProcess, measurePeerBuild, measurePeerInProcess, measureWatch, type BenchSetup } from './measure.ts';
import { loadTypst, type PeerRender } from './peer.ts';
import { implausiblePages, renderReport, type BenchResults, type PeerResults } from './report.ts';

const usage = `Usage: npm run bench [-- options]

Measures the build of the default editions and renders the same documents with Typst.
Works on temporary copies of the project; writes output/bench/results.md and, for
inspection, the Typst sources and PDFs to output/bench/typst/.

Options:
  --runs N         repetitions of each measurement (default 3; the median is reported)
  --locale CODE    build one locale only (repeatable; default: every configured locale)
  --corrections N  corrections made in the running watch (default 50)
  -h, --help       show this help`;

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The benchmark of the report pipeline, with Typst as the peer engine:
 *
 *   fresh copy ─► cold build ─► rebuild, nothing changed ─► rebuild after one correction   ┐ fresh processes,
 *   fresh copy ─► peer build: our ingest … compose, then Typst                             │ taking turns
 *   fresh copy ─► the same, writing also our chart files and open data                     ┘
 *   fresh copy ─► runPipeline: per-stage times, pages                                  ┐   in-process,
 *   fresh copy ─► composeEditions ─► Typst: setup, convert, compile, PDF export        ┘   taking turns
 *                                                       ─► table on stdout, output/bench/results.md
 *
 * Every number comes from this run; nothing is compared with an expected figure.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { corrections: { type: 'string', default: '50' }, runs: { type: 'string', default: '3' }, locale: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a whole number of at least 1, not "${values.runs}"`);
  const corrections = Number(values.corrections);
  if (!Number.isInteger(corrections) || corrections < 1) throw new Error(`--corrections wants a whole number of at least 1, not "${values.corrections}"`);
  const setup: BenchSetup = { repoRoot, locales: values.locale, correction: { indicator: '2.4.1', delta: 0.8 } };
  const engine = await loadTypst();
  if (!engine.available) console.error(`bench: the peer engine is unavailable: ${engine.reason}`);

  // The csi-report command bundles the pipeline on its first run after a source change, as
  // it would once on a user's machine after an update; that is done here, untimed.
  mustSucceed(await runChild(repoRoot, 'bin/csi-report.js', ['--help'], repoRoot), 'making the csi-report bundle');
  const peerScript = engine.available ? await bundlePeerBuild(setup) : '';
  // 1–3. Cold build, no-change rebuild, one-value correction: a round per repetition.
  // 5a. Each round is followed by the peer's whole build in a fresh process, as step 1 is
  // ours: the two cold builds of a pair run seconds apart, so a machine that slows down or
  // speeds up over the run moves both, and each pair gives a ratio of its own. Then the same
  // round on the build's own thread only (`--threads 1`), so the two ways of laying out are
  // compared within each round too.
  const rounds = [];
  const peerBuilds = [];
  const peerSameOutputs = [];
  const oneThread = [];
  for (let i = 1; i <= runs; i += 1) {
    progress(`builds, round ${i} of ${runs}`);
    rounds.push(await measureBuildRound(setup));
    if (engine.available) {
      progress(`Typst build ${i} of ${runs}`);
      peerBuilds.push(await measurePeerBuild(setup, peerScript));
      progress(`Typst build writing the same files as ours ${i} of ${runs}`);
      peerSameOutputs.push(await measurePeerBuild(setup, peerScript, true));
    }
    progress(`builds on one layout thread, round ${i} of ${runs}`);
    oneThread.push(await measureBuildRound(setup, 1));
  }
  // 3b. Corrections while `csi-report watch` runs, as a team correcting data works.
  progress(`${corrections} corrections in a running watch`);
  const watch = await measureWatch(setup, corrections);
  // 4 and 5b. Our build and the peer's render in this process, taking turns after one untimed
  // warm-up of each, so neither pays alone for loading and compiling the shared code.
  progress('in-process warm-up');
  await measureInProcess(setup);
  if (engine.available) await measurePeerInProcess(setup, engine);
  const inProcess = [];
  const renders = [];
  for (let i = 1; i <= runs; i += 1) {
    progress(`in-process build${engine.available ? ' and Typst render' : ''} ${i} of ${runs}`);
    inProcess.push(await measureInProcess(setup));
    if (engine.available) renders.push(await measurePeerInProcess(setup, engine));
  }
  let peer: PeerResults = { available: false, reason: engine.available ? '' : engine.reason };
  if (engine.available) {
    const last = renders.at(-1)!.render;
    keepTypstOutput(last);
    const pages = [];
    for (const document of last.documents) pages.push({ locale: document.locale, kind: document.kind, typst: document.pages, pdfjs: await countPdfPages(document.pdf) });
    peer = { available: true, engine: typstVersion(last), builds: peerBuilds, sameOutputs: peerSameOutputs, inProcess: renders, pages };
  }

  const results: BenchResults = { environment: environment(), runs, rounds, oneThread, watch, inProcess, peer };
  const report = renderReport(results);
  const file = join(repoRoot, 'output', 'bench', 'results.md');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, report);
  console.log(`\n${report}\nWritten to ${file.slice(repoRoot.length + 1)}.`);
  const problems = implausiblePages(results);
  if (problems.length === 0) return 0;
  console.error(`bench: the Typst PDFs do not have plausible page counts, so the comparison is void:\n  ${problems.join('\n  ')}`);
  return 1;
}

function progress(step: string): void {
  console.error(`bench: ${step}…`);
}

function environment(): BenchResults['environment'] {
  const cpu = cpus();
  return { date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', cpu: cpu[0]?.model.trim() ?? 'unknown CPU', cores: cpu.length, node: process.versions.node, platform: `${process.platform}-${process.arch}` };
}

/** The Typst version as the PDFs name their creator, and the npm package that carries it. */
function typstVersion(render: PeerRender): string {
  const pdf = render.documents[0]?.pdf;
  const creator = pdf ? /\/Creator\s*\((Typst [^)]*)\)/.exec(Buffer.from(pdf).toString('latin1'))?.[1] : undefined;
  const packageJson = join(repoRoot, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler', 'package.json');
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  return `${creator ?? 'Typst'} (@myriaddreamin/typst-ts-node-compiler ${version})`;
}

/** The last Typst render's sources and PDFs, so a reader can look at what was compared. */
function keepTypstOutput(render: PeerRender): void {
  const folder = join(repoRoot, 'output', 'bench', 'typst');
  mkdirSync(folder, { recursive: true });
  for (const document of render.documents) {
    writeFileSync(join(folder, `${document.locale}-${document.kind}.typ`), document.source);
    writeFileSync(join(folder, `${document.locale}-${document.kind}.pdf`), document.pdf);
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
