import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { versionOf } from '../../pipeline/cache/version.ts';

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the package's sources, package file and lockfile. */
function copyOfPackage(): string {
  const root = mkdtempSync(join(tmpdir(), 'csi-version-'));
  copies.push(root);
  for (const entry of ['pipeline', 'package.json', 'package-lock.json']) cpSync(entry, join(root, entry), { recursive: true });
  return root;
}

describe('the pipeline version', () => {
  it('is the package version with a digest of the sources, the same wherever the package lies', () => {
    const [a, b] = [copyOfPackage(), copyOfPackage()];
    expect(versionOf(a)).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    expect(versionOf(a)).toBe(versionOf(b));
    expect(versionOf(a)).toBe(versionOf('.'));
  });

  it('changes with every kind of source a build runs: TypeScript, the worker threads\' JavaScript, the lockfile', () => {
    for (const file of ['pipeline/score/index.ts', 'pipeline/chart/png-worker.mjs', 'package-lock.json']) {
      const root = copyOfPackage();
      const before = versionOf(root);
      appendFileSync(join(root, file), file.endsWith('.json') ? ' ' : '\n// changed\n');
      expect(versionOf(root), file).not.toBe(before);
    }
  });

  it('does not change with a file the build never runs', () => {
    const root = copyOfPackage();
    const before = versionOf(root);
    writeFileSync(join(root, 'pipeline', 'NOTES.md'), 'not code');
    expect(versionOf(root)).toBe(before);
  });
});
