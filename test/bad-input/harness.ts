import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, vi } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { fixtures, repoRoot } from '../helpers/project.ts';

/** A project a case starts from: the small fixture project or the repository's own data. */
export type BaseProject = 'mini' | 'repo';

/** Edits a case makes to its temporary copy of the project before running. */
export interface CaseProject {
  /** The temporary project's root. */
  root: string;
  /** Writes a file (text or bytes), creating its folder. */
  put(path: string, content: string | Uint8Array): void;
  /** Replaces one exact piece of a file; fails when it is not there, so a case cannot silently test nothing. */
  edit(path: string, from: string | RegExp, to: string): void;
  /** Reads a file. */
  read(path: string): string;
  /** Appends to a file. */
  append(path: string, text: string): void;
  /** Puts a folder (holding one file) where a file was. */
  replaceWithFolder(path: string): void;
}

/** One kind of bad input and what a user must see. */
export interface BadCase {
  /** What is wrong, as a test name. */
  name: string;
  /** The project copied (default: the small fixture project). */
  project?: BaseProject;
  /** Makes the input bad. */
  setup(project: CaseProject): void;
  /** Command line (default `check`; the project root is the working folder). */
  argv?: string[];
  /** Environment variables set while the case runs. */
  env?: Record<string, string>;
  /** Expected exit code (default 2). */
  exit?: number;
  /** `file` or `file:line` the error is reported at. */
  at?: string;
  /** The message of the error at that place. */
  message: RegExp;
  /** The hint printed with it. */
  hint?: RegExp;
  /** How many errors the run reports, when one mistake must not be told several times. */
  errors?: number;
  /** Files or folders (relative to the root) left out of the "unchanged" comparison, e.g. a folder the case made unreadable. */
  ignore?: string[];
  /** Runs after the comparison, e.g. to give back permissions. */
  cleanup?(project: CaseProject): void;
  /**
   * The case takes permissions away, which do not bind the superuser: run as root, it goes
   * through the csi-report command as the unprivileged user "nobody".
   */
  unprivileged?: boolean;
}

/** What a run of a case printed and left behind. */
export interface CaseRun {
  exit: number;
  out: string;
  err: string;
  root: string;
}

const bases = new Map<BaseProject, string>();

/**
 * A project with a published build in its output folder, made once per test file; every case
 * starts from a copy of it. The repository's data is built in English only, to keep it quick.
 */
export async function baseProject(kind: BaseProject): Promise<string> {
  let base = bases.get(kind);
  if (base) return base;
  base = mkdtempSync(join(tmpdir(), `csi-bad-${kind}-`));
  if (kind === 'mini') {
    cpSync(join(repoRoot, 'templates'), join(base, 'templates'), { recursive: true });
    cpSync(join(fixtures, 'projects', 'mini'), base, { recursive: true });
  } else {
    for (const entry of ['data', 'templates', 'pipeline.config.yaml']) cpSync(join(repoRoot, entry), join(base, entry), { recursive: true });
  }
  const code = await quietly(() => main(kind === 'repo' ? ['build', '--locale', 'en'] : ['build'], base!));
  if (code !== 0) throw new Error(`the ${kind} project did not build (exit ${code})`);
  rmSync(join(base, '.cache'), { recursive: true, force: true });
  bases.set(kind, base);
  return base;
}

/** Copies a base project, its published output included (links stay links). */
export function copyProject(base: string): CaseProject {
  const root = mkdtempSync(join(tmpdir(), 'csi-case-'));
  cpSync(base, root, { recursive: true, verbatimSymlinks: true });
  const path = (p: string) => join(root, p);
  return {
    root,
    put: (p, content) => {
      mkdirSync(dirname(path(p)), { recursive: true });
      writeFileSync(path(p), content);
    },
    edit: (p, from, to) => {
      const text = readFileSync(path(p), 'utf8');
      const found = typeof from === 'string' ? text.includes(from) : from.test(text);
      if (!found) throw new Error(`${p} does not contain ${String(from)}`);
      writeFileSync(path(p), text.replace(from, to));
    },
    read: (p) => readFileSync(path(p), 'utf8'),
    append: (p, text) => writeFileSync(path(p), readFileSync(path(p), 'utf8') + text),
    replaceWithFolder: (p) => {
      rmSync(path(p));
      mkdirSync(path(p));
      writeFileSync(join(path(p), 'note.txt'), 'a folder where a file belongs');
    },
  };
}

/** Every file and link below a folder with a digest of its content: what "unchanged" compares. */
export function snapshot(root: string, ignore: readonly string[] = []): Map<string, string> {
  const seen = new Map<string, string>();
  const walk = (rel: string) => {
    const full = join(root, rel);
    if (ignore.includes(rel)) return;
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) seen.set(rel, `link:${readlinkSync(full)}`);
    else if (stat.isDirectory()) {
      if (rel) seen.set(rel, 'folder');
      for (const name of readdirSync(full).sort()) if (!(rel === '' && name === '.cache')) walk(rel ? `${rel}/${name}` : name);
    } else seen.set(rel, createHash('sha256').update(readFileSync(full)).digest('hex'));
  };
  walk('');
  return seen;
}

/** Runs the command line in-process, capturing what it prints. */
export async function runCli(argv: readonly string[], root: string, env: Record<string, string> = {}): Promise<{ exit: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(args.join(' ')));
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    const exit = await main(argv, root);
    return { exit, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    log.mockRestore();
    error.mockRestore();
  }
}

/** Runs the csi-report command as the user "nobody" (uid 65534), for cases about permissions. */
let bundled = false;
function runAsNobody(argv: readonly string[], root: string, env: Record<string, string> = {}): { exit: number; out: string; err: string } {
  // The command's bundle is made (in node_modules/.cache, which "nobody" may not write) first.
  if (!bundled) bundled = spawnSync(process.execPath, [join(repoRoot, 'bin', 'csi-report.js'), '--help']).status === 0;
  chmodSync(root, 0o777);
  const result = spawnSync(process.execPath, ['--expose-gc', join(repoRoot, 'bin', 'csi-report.js'), ...argv], {
    cwd: root,
    uid: 65534,
    gid: 65534,
    env: { ...process.env, ...env, HOME: root },
    encoding: 'utf8',
  });
  chmodSync(root, 0o700);
  return { exit: result.status ?? -1, out: result.stdout, err: result.stderr.trimEnd() };
}

async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    return await run();
  } finally {
    log.mockRestore();
  }
}

/**
 * Runs one case on a fresh copy and checks what the user must get: the exit code, the error
 * at its file and line with its hint, no stack trace, and every input and published file
 * byte-identical afterwards.
 */
export async function runCase(testCase: BadCase): Promise<CaseRun> {
  const project = copyProject(await baseProject(testCase.project ?? 'mini'));
  testCase.setup(project);
  const before = snapshot(project.root, testCase.ignore);
  const asNobody = testCase.unprivileged === true && process.getuid?.() === 0;
  const run = asNobody ? runAsNobody(testCase.argv ?? ['check'], project.root, testCase.env) : await runCli(testCase.argv ?? ['check'], project.root, testCase.env);
  try {
    const shown = `exit ${run.exit}\n${run.err}\n${run.out}`;
    expect(run.exit, shown).toBe(testCase.exit ?? 2);
    expect(run.err, 'no stack trace').not.toMatch(/\n\s+at .+[:(]\d+/);
    expect(run.err, 'not an internal error').not.toMatch(/internal error/);
    const lines = run.err.split('\n');
    const index = lines.findIndex((line) => (testCase.at === undefined || line.startsWith(testCase.at.endsWith(':') ? testCase.at : `${testCase.at}:`) || line.includes(` ${testCase.at}:`) || line.startsWith(`${testCase.at} `)) && testCase.message.test(line));
    expect(index, `an error${testCase.at ? ` at ${testCase.at}` : ''} matching ${testCase.message}\n${shown}`).toBeGreaterThanOrEqual(0);
    if (testCase.hint) expect(lines.slice(index, index + 3).join('\n'), `the hint ${testCase.hint}`).toMatch(testCase.hint);
    if (testCase.errors !== undefined) expect(run.err.match(/: error: /g)?.length ?? 0, 'number of errors').toBe(testCase.errors);
    const after = snapshot(project.root, testCase.ignore);
    expect([...after].filter(([path, value]) => before.get(path) !== value).map(([path]) => path), 'files written or changed').toEqual([]);
    expect([...before.keys()].filter((path) => !after.has(path)), 'files removed').toEqual([]);
  } finally {
    testCase.cleanup?.(project);
  }
  return { ...run, root: project.root };
}

