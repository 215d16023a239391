import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join, relative } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { runPipeline, type Edition, type StageTimings } from '../pipeline/run.ts';
import { bundleScript, mustSucceed, runChild, type ChildRun } from './child.ts';
import { nodeFlags } from '../pipeline/util/node-flags.mjs';
import { composeProject } from './compose.ts';
import type { PeerBuildReport } from './peer-build.ts';
import { renderWithTypst, type PeerRender, type TypstEngine } from './peer.ts';
import { copyProject, correctIndicator, defaultCountry, removeProject, type Correction } from './project.ts';

/** What one round of CLI builds on one fresh copy measured. */
export interface BuildRound {
  /** Cold: empty output/, no cache. */
  cold: ChildRun;
  /** Again, nothing changed. */
  unchanged: ChildRun;
  /** After one indicator correction. */
  corrected: ChildRun;
  /** The correction made. */
  correction: Correction;
  /** PDFs whose bytes differ after the no-change rebuild, and after the correction. */
  changedPdfs: { unchanged: number; corrected: number; total: number };
  /** Pages whose content (the drawing operators, decoded) differs after the correction, of all pages. */
  changedPages: { corrected: number; total: number };
}

/** Where the benchmark runs and what it builds. */
export interface BenchSetup {
  /** The repository. */
  repoRoot: string;
  /** Locales to build; every configured one when absent. */
  locales?: readonly string[];
  /** The indicator corrected in the third build, and by how much. */
  correction: { indicator: string; delta: number };
}

/**
 * Steps 1–3: on a fresh copy, a cold build, a rebuild with nothing changed, and a rebuild
 * after one indicator correction, each `node bin/csi-report.js build` (the csi-report command)
 * in a fresh process, on the threads it picks itself or on `threads` (`--threads`).
 */
export async function measureBuildRound(setup: BenchSetup, threads?: number): Promise<BuildRound> {
  const root = copyProject(setup.repoRoot);
  try {
    const args = ['build', ...localeArgs(setup.locales), ...(threads === undefined ? [] : ['--threads', String(threads)])];
    const build = (what: string) => runChild(setup.repoRoot, 'bin/csi-report.js', args, root).then((run) => mustSucceed(run, what));
    const cold = await build('the cold build');
    const afterCold = pdfDigests(root);
    const unchanged = await build('the rebuild with nothing changed');
    const afterUnchanged = pdfDigests(root);
    const pagesBefore = await pageDigests(root);
    const correction = correctIndicator(root, defaultCountry(root), setup.correction.indicator, setup.correction.delta);
    const corrected = await build(`the rebuild after correcting ${setup.correction.indicator}`);
    const afterCorrected = pdfDigests(root);
    const pagesAfter = await pageDigests(root);
    return {
      cold,
      unchanged,
      corrected,
      correction,
      changedPdfs: { unchanged: countChanged(afterCold, afterUnchanged), corrected: countChanged(afterUnchanged, afterCorrected), total: afterCorrected.size },
      changedPages: countChangedPages(pagesBefore, pagesAfter),
    };
  } finally {
    removeProject(root);
  }
}

/** What a running `csi-report watch` measured: one correction after another. */
export interface WatchRound {
  /** Milliseconds from saving each correction to the watcher's report that the outputs are written. */
  rebuildMs: number[];
  /** The watcher's peak RSS over all of it, in KiB. */
  maxRssKiB: number | undefined;
  /** The watcher's RSS after each correction's report, in KiB (Linux /proc; empty elsewhere). */
  rssKiB: number[];
  /** PDFs whose bytes changed with the last correction, of all. */
  changedPdfs: { changed: number; total: number };
}

/**
 * Step 3b: `csi-report watch` on a fresh copy, as a user runs it while correcting data: after
 * its first build, `count` corrections of the indicator, 1.5 s apart, each timed from writing
 * the file to the watcher printing "wrote N files" (its debounce of 100 ms included).
 */
export async function measureWatch(setup: BenchSetup, count: number): Promise<WatchRound> {
  const root = copyProject(setup.repoRoot);
  const scratch = mkdtempSync(join(tmpdir(), 'csi-bench-rss-'));
  const rssFile = join(scratch, 'maxrss');
  const preload = pathToFileURL(join(setup.repoRoot, 'bench', 'max-rss.mjs')).href;
  const child = spawn(process.execPath, [...nodeFlags, '--import', preload, join(setup.repoRoot, 'bin', 'csi-report.js'), 'watch', ...localeArgs(setup.locales)], { cwd: root, env: { ...process.env, BENCH_MAXRSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let said = '';
  let waiting: (() => void) | undefined;
  let builds = 0;
  let lines = '';
  child.stdout.on('data', (chunk: Buffer) => {
    lines += chunk.toString('utf8');
    said += chunk.toString('utf8');
    let end: number;
    while ((end = lines.indexOf('\n')) >= 0) {
      const line = lines.slice(0, end);
      lines = lines.slice(end + 1);
      if (/^wrote \d+ files to /.test(line)) {
        builds += 1;
        waiting?.();
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
  const nextBuild = (what: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}: the watcher reported no build within 180 s:\n${said.split('\n').slice(-20).join('\n')}`)), 180_000);
      waiting = () => {
        clearTimeout(timer);
        waiting = undefined;
        resolve();
      };
    });
  try {
    await nextBuild('the first build');
    const rebuildMs: number[] = [];
    const rssKiB: number[] = [];
    let before = pdfDigests(root);
    let after = before;
    for (let i = 1; i <= count; i += 1) {
      // A person reads the report before saving the next correction.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const built = nextBuild(`correction ${i}`);
      const start = performance.now();
      before = after;
      correctIndicator(root, defaultCountry(root), setup.correction.indicator, setup.correction.delta);
      await built;
      rebuildMs.push(performance.now() - start);
      const rss = currentRssKiB(child.pid);
      if (rss !== undefined) rssKiB.push(rss);
      after = pdfDigests(root);
    }
    if (builds !== count + 1) throw new Error(`the watcher built ${builds} times for ${count} corrections`);
    child.kill('SIGINT');
    await exited;
    const maxRssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
    return { rebuildMs, maxRssKiB, rssKiB, changedPdfs: { changed: countChanged(before, after), total: after.size } };
  } finally {
    child.kill('SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
    removeProject(root);
  }
}

/** A process's resident memory now, in KiB, from /proc (Linux); undefined elsewhere. */
function currentRssKiB(pid: number | undefined): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The peer's build bundled, as our command is, before anything is timed; once a run. */
export function bundlePeerBuild(setup: BenchSetup): Promise<string> {
  return bundleScript(setup.repoRoot, 'bench/peer-build.ts');
}

/**
 * Step 5a: the peer's whole build (our front end + Typst; `script`, from `bundlePeerBuild`) in
 * a fresh process on a fresh copy; with `sameOutputs`, writing also the chart files and open
 * data ours publishes.
 */
export async function measurePeerBuild(setup: BenchSetup, script: string, sameOutputs = false): Promise<{ run: ChildRun; report: PeerBuildReport }> {
  const root = copyProject(setup.repoRoot);
  try {
    const run = mustSucceed(await runChild(setup.repoRoot, script, [...localeArgs(setup.locales), ...(sameOutputs ? ['--same-outputs'] : [])], root), 'the Typst build');
    const line = run.stdout.trim().split('\n').pop() ?? '';
    return { run, report: JSON.parse(line) as PeerBuildReport };
  } finally {
    removeProject(root);
  }
}

/** Step 4: our build in this process, for its per-stage times and page counts. */
export async function measureInProcess(setup: BenchSetup): Promise<{ timings: StageTimings; editions: Edition[]; breakingMs: number }> {
  const root = copyProject(setup.repoRoot);
  // Nothing an earlier run shaped, measured or compiled is reused (the peer's compiler is new
  // each time too): each run has a memory of its own. Only the code stays loaded and compiled.
  try {
    const result = await runPipeline({ root, configPath: 'pipeline.config.yaml', locales: setup.locales });
    return { timings: result.timings, editions: result.editions, breakingMs: result.breakingMs };
  } finally {
    removeProject(root);
  }
}

/** Step 5b: the same documents composed in this process and rendered by Typst, cold. */
export async function measurePeerInProcess(setup: BenchSetup, engine: Extract<TypstEngine, { available: true }>): Promise<{ frontEnd: Record<'ingest' | 'score' | 'chart' | 'compose', number>; render: PeerRender }> {
  const root = copyProject(setup.repoRoot);
  // The shared front end starts from nothing as ours does: it remembers nothing.
  try {
    const project = await composeProject(root, 'pipeline.config.yaml', setup.locales);
    return { frontEnd: project.timings, render: renderWithTypst(engine, project, root) };
  } finally {
    removeProject(root);
  }
}

/** Pages of a PDF as a reader counts them (pdf.js), independent of what the engine says. */
export async function countPdfPages(pdf: Uint8Array): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}

function localeArgs(locales: readonly string[] | undefined): string[] {
  return (locales ?? []).flatMap((locale) => ['--locale', locale]);
}

/** A digest of every PDF below output/, by path. */
function pdfDigests(root: string): Map<string, string> {
  return new Map([...pdfFiles(root)].map(([path, file]) => [path, createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

/** Each PDF under output/ (by its path there) with the digest of each page's decoded content streams, in page order. */
async function pageDigests(root: string): Promise<Map<string, string[]>> {
  const digests = new Map<string, string[]>();
  for (const [path, file] of pdfFiles(root)) {
    const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    digests.set(path, pdf.getPages().map((page) => {
      const contents = page.node.Contents();
      const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
      const hash = createHash('sha256');
      for (const stream of streams) if (stream instanceof PDFRawStream) hash.update(decodePDFRawStream(stream).decode());
      return hash.digest('hex');
    }));
  }
  return digests;
}

/** Pages of `after` whose content differs from the page at the same place in `before` (a page with no counterpart counts as changed). */
function countChangedPages(before: ReadonlyMap<string, string[]>, after: ReadonlyMap<string, string[]>): { corrected: number; total: number } {
  let corrected = 0;
  let total = 0;
  for (const [path, pages] of after) {
    const old = before.get(path) ?? [];
    total += pages.length;
    corrected += pages.filter((digest, index) => old[index] !== digest).length;
  }
  return { corrected, total };
}

/** The PDFs under output/: path there → file. */
function pdfFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const output = join(root, 'output');
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const name of readdirSync(folder)) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      // A country's folder is a symbolic link to its current version: followed.
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile() && name.endsWith('.pdf')) files.set(relative(output, path), path);
    }
  };
  walk(output);
  return files;
}

function countChanged(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): number {
  return [...after].filter(([path, digest]) => before.get(path) !== digest).length;
}
