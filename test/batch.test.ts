import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, repoRoot, tempProject } from './helpers/project.ts';
import fc from 'fast-check';
import { batchLanes } from '../pipeline/batch.ts';

const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const cli = join(repoRoot, 'pipeline', 'cli.ts');

/** A project with three fictional countries: two good, one with a broken value. */
function threeCountries(): string {
  const root = tempProject('mini');
  const countries = join(root, 'data', 'countries');
  cpSync(join(countries, 'testland'), join(countries, 'otherland'), { recursive: true });
  cpSync(join(countries, 'testland'), join(countries, 'brokenland'), { recursive: true });
  for (const id of ['otherland', 'brokenland']) edit(root, `data/countries/${id}/country.yaml`, 'id: testland', `id: ${id}`);
  edit(root, 'data/countries/brokenland/indicators.yaml', 'value: 40', 'value: "forty"');
  return root;
}

describe('csi-report build --all', () => {
  it('builds one country at a time for every two cores, never more than there are countries', () => {
    expect(batchLanes(2, 2)).toBe(1);
    expect(batchLanes(3, 8)).toBe(3);
    expect(batchLanes(9, 8)).toBe(4);
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 128 }), (countries, cores) => {
      const lanes = batchLanes(countries, cores);
      expect(lanes).toBeGreaterThanOrEqual(1);
      expect(lanes).toBeLessThanOrEqual(countries);
      // Each build keeps two threads busy: its own and its PNG thread.
      expect(lanes === 1 || lanes * 2 <= cores).toBe(true);
    }));
  });

  it('builds every country, publishes the good ones and fails for the broken one', () => {
    const root = threeCountries();
    const run = spawnSync(tsx, [cli, 'build', '--all'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^brokenland\s+failed \(exit 2\)/m);
    expect(run.stdout).toMatch(/^otherland\s+ok\s+en\/acr: \d+ pages/m);
    expect(run.stdout).toMatch(/^testland\s+ok\s+en\/acr: \d+ pages/m);
    expect(run.stdout).toContain('2 of 3 countries built.');
    // Not a terminal: plain progress lines, no cursor movement.
    expect(run.stdout).toMatch(/^otherland: done in [\d.]+ s$/m);
    expect(run.stdout).not.toContain('\x1b[');
    expect(run.stderr).toContain('data/countries/brokenland/indicators.yaml:3:12: error: expected a number, found "forty"');
    expect(existsSync(join(root, 'output/testland/en/acr.pdf'))).toBe(true);
    expect(existsSync(join(root, 'output/otherland/en/acr.pdf'))).toBe(true);
    expect(existsSync(join(root, 'output/brokenland'))).toBe(false);
  });
});

describe('csi-report watch', () => {
  it('rebuilds after a change, prints what changed, and keeps going after an input error', async () => {
    const root = tempProject('mini');
    const child = spawn(tsx, [cli, 'watch'], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const waitFor = async (test: () => boolean, what: string) => {
      for (let i = 0; i < 300 && !test(); i += 1) await new Promise((r) => setTimeout(r, 100));
      if (!test()) throw new Error(`timed out waiting for ${what}\nstdout: ${out}\nstderr: ${err}`);
    };
    try {
      await waitFor(() => out.includes('first build'), 'the first build');
      const file = join(root, 'data/countries/testland/indicators.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('value: 40', 'value: 52'));
      await waitFor(() => out.includes('value 1.1.1: 40.0 → 52.0'), 'the rebuild');
      writeFileSync(file, readFileSync(file, 'utf8').replace('value: 52', 'value: fifty'));
      await waitFor(() => err.includes('expected a number, found "fifty"'), 'the input error');
      writeFileSync(file, readFileSync(file, 'utf8').replace('value: fifty', 'value: 55'));
      await waitFor(() => out.includes('value 1.1.1: 52.0 → 55.0'), 'the rebuild after the error');
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGINT');
    }
  });
});
