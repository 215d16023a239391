import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleOptions, threadEntries } from '../pipeline/util/bundle-options.mjs';
import { nodeFlags } from '../pipeline/util/node-flags.mjs';

/** One timed run of a script in a fresh process. */
export interface ChildRun {
  /** Milliseconds from spawn to exit: process start, module loading, the work, exit. */
  wallMs: number;
  /** Peak resident memory of the node process running the script, in KiB. */
  maxRssKiB: number | undefined;
  /** Exit code. */
  code: number;
  /** What it printed. */
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <script> <args>` in `cwd` as a user would from a shell, and times it from spawn to
 * exit. `script` is JavaScript (the csi-report command, or a bundle made by `bundleScript`).
 * The child reports its own peak RSS through bench/max-rss.mjs, preloaded with `--import`.
 */
export async function runChild(repoRoot: string, script: string, args: readonly string[], cwd: string): Promise<ChildRun> {
  const preload = pathToFileURL(join(repoRoot, 'bench', 'max-rss.mjs')).href;
  const scratch = mkdtempSync(join(tmpdir(), 'csi-bench-rss-'));
  const rssFile = join(scratch, 'maxrss');
  try {
    const start = performance.now();
    // With the flags bin/csi-report.js's first line and npm start give node; the peer's build
    // too, so that the two start alike.
    const child = spawn(process.execPath, [...nodeFlags, '--import', preload, join(repoRoot, script), ...args], { cwd, env: { ...process.env, BENCH_MAXRSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const code = await new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
    });
    const wallMs = performance.now() - start;
    const maxRssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
    return { wallMs, maxRssKiB, code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Throws with what the child said when it failed: a benchmark of a failing build measures nothing. */
export function mustSucceed(run: ChildRun, what: string): ChildRun {
  if (run.code === 0) return run;
  const said = (run.stderr.trim() || run.stdout.trim()).split('\n').slice(-25).join('\n');
  throw new Error(`${what} failed with exit code ${run.code}:\n${said}`);
}

/**
 * Bundles a TypeScript script of the benchmark the way bin/csi-report.js bundles the pipeline
 * (the same options: pipeline/util/bundle-options.mjs),
 * so the peer's build starts as ours does, and returns the bundle's path relative to the
 * repository. Made before any timing starts.
 */
export async function bundleScript(repoRoot: string, script: string): Promise<string> {
  const { build } = await import('esbuild');
  const folder = join('node_modules', '.cache', 'csi-report-bench');
  const name = basename(script, '.ts');
  // The PNG thread's entry beside it, as in the command's bundle (threadEntries): the peer's
  // build draws the chart PNGs with --same-outputs.
  const entryPoints = { [name]: join(repoRoot, script), 'png-worker': threadEntries(join(repoRoot, 'pipeline'))['png-worker'] };
  await build({ ...bundleOptions, entryPoints, outdir: join(repoRoot, folder), outExtension: { '.js': '.mjs' }, logLevel: 'error' });
  return join(folder, `${name}.mjs`);
}
