import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipelineVersion } from '../pipeline/cache/version.ts';
import { nodeFlags } from '../pipeline/util/node-flags.mjs';
import { edit, repoRoot, tempProject } from './helpers/project.ts';

const command = join(repoRoot, 'bin', 'csi-report.js');
const run = (root: string, ...args: string[]) => spawnSync(process.execPath, ['--expose-gc', command, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

describe('the csi-report command (bin/csi-report.js)', () => {
  it('runs node with the same flags from its first line, npm start and npm run check', () => {
    const scripts = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const flags = nodeFlags.join(' ');
    expect(readFileSync(command, 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${flags}`);
    expect(scripts.start).toBe(`node ${flags} bin/csi-report.js build`);
    expect(scripts.check).toBe(`node ${flags} bin/csi-report.js check`);
  });

  it('builds a project from the bundled pipeline, as npm start does', () => {
    const root = tempProject('mini');
    const built = run(root, 'build');
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(/testland en acr: \d+ pages/);
    expect(existsSync(join(root, 'output/testland/en/acr.pdf'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(root, 'output/testland/manifest.json'), 'utf8'));
    // The bundle stamps the same pipeline version as the sources it was made from.
    expect(manifest.pipeline).toBe(pipelineVersion());
  });

  it('rebuilds after a correction from what the last build kept, to the same bytes as a build from nothing', () => {
    const root = tempProject('mini');
    expect(run(root, 'build').status).toBe(0);
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 43.5');
    expect(run(root, 'build').status).toBe(0);
    const fresh = tempProject('mini');
    edit(fresh, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 43.5');
    expect(run(fresh, 'build', '--no-cache').status).toBe(0);
    for (const file of ['output/testland/en/acr.pdf', 'output/testland/scores.csv']) {
      expect(readFileSync(join(root, file)).equals(readFileSync(join(fresh, file))), file).toBe(true);
    }
    expect(readFileSync(join(root, 'output/testland/scores.csv'), 'utf8')).toContain('43.5');
  });

  it('reports bad input with the file and line, and exit code 2', () => {
    const root = tempProject('mini');
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 400');
    const checked = run(root, 'check');
    expect(checked.status).toBe(2);
    expect(checked.stderr).toContain('data/countries/testland/indicators.yaml:3:12: error: the value 400 of indicator "1.1.1" lies outside 0–100');
  });
});
