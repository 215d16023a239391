import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { runPipeline, type Edition, type StageTimings } from '../pipeline/run.ts';
import { bundleScript, mustSucceed, runChild, type ChildRun } from './child.ts';
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
 * in a fresh process.
 */
export async function measureBuildRound(setup: BenchSetup): Promise<BuildRound> {
  const root = copyProject(setup.repoRoot);
  try {
    const args = ['build', ...localeArgs(setup.locales)];
    const build = (what: string) => runChild(setup.repoRoot, 'bin/csi-report.js', args, root).then((run) => mustSucceed(run, what));
    const cold = await build('the cold build');
    const afterCold = pdfDigests(root);
    const unchanged = await build('the rebuild with nothing changed');
    const afterUnchanged = pdfDigests(root);
    const correction = correctIndicator(root, defaultCountry(root), setup.correction.indicator, setup.correction.delta);
    const corrected = await build(`the rebuild after correcting ${setup.correction.indicator}`);
    const afterCorrected = pdfDigests(root);
    return {
      cold,
      unchanged,
      corrected,
      correction,
      changedPdfs: { unchanged: countChanged(afterCold, afterUnchanged), corrected: countChanged(afterUnchanged, afterCorrected), total: afterCorrected.size },
    };
  } finally {
    removeProject(root);
  }
}

/** Step 5a: the peer's whole build (our front end + Typst) in a fresh process on a fresh copy. */
export async function measurePeerBuild(setup: BenchSetup): Promise<{ run: ChildRun; report: PeerBuildReport }> {
  const root = copyProject(setup.repoRoot);
  try {
    const script = await bundleScript(setup.repoRoot, 'bench/peer-build.ts');
    const run = mustSucceed(await runChild(setup.repoRoot, script, localeArgs(setup.locales), root), 'the Typst build');
    const line = run.stdout.trim().split('\n').pop() ?? '';
    return { run, report: JSON.parse(line) as PeerBuildReport };
  } finally {
    removeProject(root);
  }
}

/** Step 4: our build in this process, for its per-stage times and page counts. */
export async function measureInProcess(setup: BenchSetup): Promise<{ timings: StageTimings; editions: Edition[] }> {
  const root = copyProject(setup.repoRoot);
  try {
    const result = await runPipeline({ root, configPath: 'pipeline.config.yaml', locales: setup.locales });
    return { timings: result.timings, editions: result.editions };
  } finally {
    removeProject(root);
  }
}

/** Step 5b: the same documents composed in this process and rendered by Typst, cold. */
export async function measurePeerInProcess(setup: BenchSetup, engine: Extract<TypstEngine, { available: true }>): Promise<{ frontEnd: Record<'ingest' | 'score' | 'chart' | 'compose', number>; render: PeerRender }> {
  const root = copyProject(setup.repoRoot);
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
  const digests = new Map<string, string>();
  const output = join(root, 'output');
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const name of readdirSync(folder)) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      // A country's folder is a symbolic link to its current version: followed.
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile() && name.endsWith('.pdf')) digests.set(relative(output, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(output);
  return digests;
}

function countChanged(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): number {
  return [...after].filter(([path, digest]) => before.get(path) !== digest).length;
}
