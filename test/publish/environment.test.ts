import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureConsole } from '../helpers/console.ts';
import { edit, outputFiles, tempProject } from '../helpers/project.ts';

/**
 * The machine's refusals, injected into node:fs as the pipeline sees it: a write whose path
 * matches `path` fails with `code`, as a full disk, a read-only mount or a denied permission
 * would make it fail.
 */
const refusal = vi.hoisted(() => ({
  code: '',
  path: /$^/,
  /** Throws the refusal for a write by `syscall` to `path` when it matches. */
  check(syscall: string, path: string): void {
    if (this.code && this.path.test(path)) throw Object.assign(new Error(`${this.code}: injected, ${syscall} '${path}'`), { code: this.code, syscall, path });
  },
}));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const writeFileSync: typeof real.writeFileSync = (path, ...rest) => {
    refusal.check('open', String(path));
    return real.writeFileSync(path, ...rest);
  };
  return { ...real, default: { ...real, writeFileSync }, writeFileSync };
});
// The stage cache writes its entries through node:fs/promises.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile: typeof real.writeFile = async (path, ...rest) => {
    refusal.check('open', String(path));
    return real.writeFile(path, ...rest);
  };
  return { ...real, default: { ...real, writeFile }, writeFile };
});
afterEach(() => {
  refusal.code = '';
  refusal.path = /$^/;
});

const printed = captureConsole();

/**
 * Every file under output/ with its bytes, but the record of unlogged changes (not part of
 * the edition: it is written first, and holds either way).
 */
const snapshot = (root: string) => outputFiles(root, (name) => name.startsWith('.published-'));

const advice: Record<string, string> = {
  ENOSPC: 'the disk is full: free some space and build again',
  EACCES: 'permission was denied',
  EROFS: 'the file system is read-only: choose an output folder on a writable disk',
  EMFILE: 'too many files are open: raise the limit (ulimit -n)',
};

describe('the machine refuses a write: exit 74, the path and what to do, the edition intact', () => {
  it.each(Object.keys(advice))('%s while publishing', async (code) => {
    const root = tempProject('mini');
    expect(await main([], root)).toBe(0);
    const before = snapshot(root);
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 46');
    refusal.code = code;
    refusal.path = /output\/\.versions\/testland-[0-9a-f]+\/en\/acr\.pdf$/;
    printed.err = [];
    expect(await main([], root)).toBe(74);
    const message = printed.err.join('\n');
    expect(message).toMatch(new RegExp(`output/\\.versions/testland-[0-9a-f]+/en/acr\\.pdf: ${code}: `));
    expect(message).toContain(advice[code]);
    expect(message).toContain(`Nothing was published: ${join(root, 'output/testland')} still holds the previous edition.`);
    expect(message).not.toContain('internal error');
    // Every published file as it was; no half-written version, no lock left behind.
    const after = snapshot(root);
    for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), path).toBe(true);
    expect([...after.keys()].filter((path) => !before.has(path))).toEqual([]);
    expect(readdirSync(join(root, 'output')).filter((name) => name.includes('.lock'))).toEqual([]);
    // With room again, the build publishes.
    refusal.code = '';
    expect(await main([], root)).toBe(0);
    expect(readFileSync(join(root, 'output/testland/scores.csv'), 'utf8')).toContain('46.0');
  });

  it('a full disk while taking the lock leaves no lock file', async () => {
    const root = tempProject('mini');
    refusal.code = 'ENOSPC';
    refusal.path = /\.build-testland\.lock/;
    expect(await main([], root)).toBe(74);
    expect(printed.err.join('\n')).toMatch(/\.build-testland\.lock\.\S+: ENOSPC: the disk is full: free some space and build again/);
    expect(readdirSync(join(root, 'output')).filter((name) => name.includes('lock'))).toEqual([]);
    refusal.code = '';
    expect(await main([], root)).toBe(0);
  });

  it('a full disk in .cache/ only costs the kept work, said once', async () => {
    const root = tempProject('mini');
    refusal.code = 'ENOSPC';
    refusal.path = /\/\.cache\//;
    expect(await main([], root)).toBe(0);
    const notices = printed.err.filter((line) => line.includes('.cache/'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^csi-report: \S*\/\.cache\/\S*: ENOSPC: the disk is full: free some space and build again\. Work is not kept for the next build\.$/);
    expect(readFileSync(join(root, 'output/testland/scores.csv'), 'utf8')).toContain('40.0');
  });

  it('a real error of the pipeline is still an internal error', async () => {
    const root = tempProject('mini');
    refusal.code = 'EBADF';
    refusal.path = /\.versions/;
    expect(await main([], root)).toBe(1);
    expect(printed.err.join('\n')).toContain('internal error');
  });
});
