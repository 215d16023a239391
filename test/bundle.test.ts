import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempProject } from './helpers/project.ts';

/**
 * An installation of the command of its own — its bin/, the sources, and node_modules whose
 * packages are the repository's — so its bundle can be damaged without touching the bundle
 * other tests run.
 */
function installation(): string {
  const dir = mkdtempSync(join(tmpdir(), 'csi-install-'));
  cpSync(join(repoRoot, 'bin'), join(dir, 'bin'), { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(repoRoot, file), join(dir, file));
  symlinkSync(join(repoRoot, 'pipeline'), join(dir, 'pipeline'));
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (name !== '.cache') symlinkSync(join(repoRoot, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

const run = (install: string, root: string) => spawnSync(process.execPath, ['--expose-gc', join(install, 'bin/csi-report.js'), 'build', '--no-cache'], { cwd: root, encoding: 'utf8', timeout: 180_000 });

/** The folder of the one bundle of an installation. */
function bundleOf(install: string): string {
  const cache = join(install, 'node_modules/.cache/csi-report');
  const [folder] = readdirSync(cache).filter((name) => !name.includes('.'));
  return join(cache, folder!);
}

describe('the command\'s bundle is verified before it runs', () => {
  const damages: [string, (bundle: string) => void][] = [
    ['a one-byte change to the rounding', (bundle) => {
      // The formatter's half-up rule: round at 6 instead of 5, the kind of change that publishes 77.6 for 77.65.
      const chunk = readdirSync(bundle).find((name) => name.endsWith('.mjs') && readFileSync(join(bundle, name), 'utf8').includes('function roundHalfUp'))!;
      const text = readFileSync(join(bundle, chunk), 'utf8');
      const changed = text.replace(/(\]\s*\?\?\s*"0"\)\s*>=\s*)5/, '$16');
      expect(changed).not.toBe(text);
      writeFileSync(join(bundle, chunk), changed);
    }],
    ['an empty cli.mjs', (bundle) => writeFileSync(join(bundle, 'cli.mjs'), '')],
    ['a truncated chunk', (bundle) => {
      const chunk = readdirSync(bundle).find((name) => name.startsWith('chunk-') && name.endsWith('.mjs'))!;
      const bytes = readFileSync(join(bundle, chunk));
      writeFileSync(join(bundle, chunk), bytes.subarray(0, bytes.length >> 1));
    }],
    ['a file added', (bundle) => writeFileSync(join(bundle, 'extra.mjs'), 'export {};\n')],
  ];

  it('a damaged bundle is made again, said in one line, and the build publishes the right scores', () => {
    const install = installation();
    const root = tempProject('mini');
    expect(run(install, root).status).toBe(0);
    const expected = readFileSync(join(root, 'output/testland/scores.csv'));
    expect(existsSync(join(bundleOf(install), 'sums.json'))).toBe(true);
    for (const [what, damage] of damages) {
      damage(bundleOf(install));
      const result = run(install, root);
      expect(result.status, what).toBe(0);
      expect(result.stderr, what).toMatch(/^csi-report: the kept bundle \S+ is damaged \(.+\); making it again\n/);
      expect(result.stderr, what).not.toMatch(/\n {4}at /);
      expect(readFileSync(join(root, 'output/testland/scores.csv')).equals(expected), what).toBe(true);
      // Made again: the next start finds it intact and says nothing.
      const again = run(install, root);
      expect(again.stderr, what).toBe('');
    }
  });
});
