import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BuildMemory } from '../pipeline/build/memory.ts';
import { runPipeline } from '../pipeline/run.ts';
import { edit, repoRoot, tempProject } from './helpers/project.ts';

const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const cli = join(repoRoot, 'pipeline', 'cli.ts');

/** Testland with the repository's theme. */
function testland(): string {
  return tempProject('mini');
}

/**
 * Otherland, with a theme of its own: its regular face is another font file under the same
 * registered name, its body text smaller and its accent another colour — what a cache keyed
 * by a font's name, or a measuring function left over from the other build, would get wrong.
 */
function otherland(): string {
  const root = tempProject('mini');
  const countries = join(root, 'data', 'countries');
  cpSync(join(countries, 'testland'), join(countries, 'otherland'), { recursive: true });
  edit(root, 'data/countries/otherland/country.yaml', 'id: testland', 'id: otherland');
  edit(root, 'data/countries/otherland/country.yaml', 'name: {en: Testland}', 'name: {en: Otherland}');
  edit(root, 'pipeline.config.yaml', 'countries: [testland]', 'countries: [otherland]');
  edit(root, 'templates/theme.yaml', 'regular: {file: "400Regular/SourceSans3_400Regular.ttf"', 'regular: {file: "600SemiBold/SourceSans3_600SemiBold.ttf"');
  edit(root, 'templates/theme.yaml', 'body: 10.5', 'body: 9.5');
  edit(root, 'templates/theme.yaml', 'accent: "#24577f"', 'accent: "#8a2f3c"');
  return root;
}

const pdfOf = (root: string, country: string) => readFileSync(join(root, 'output', country, 'en', 'acr.pdf'));

/** The PDF a project gets built alone, in a process of its own. */
function builtAlone(root: string, country: string): Buffer {
  const run = spawnSync(tsx, [cli, 'build'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  expect(run.status, run.stderr).toBe(0);
  return pdfOf(root, country);
}

/** Builds a project on a thread of its own, as `build --all` builds a country. */
function buildOnThread(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(repoRoot, 'pipeline', 'batch-thread.mjs'), { workerData: { root, configPath: 'pipeline.config.yaml' }, stderr: true });
    worker.once('message', (outcome: { ok: boolean; error?: string }) => (outcome.ok ? resolve() : reject(new Error(outcome.error))));
    worker.once('error', reject);
  });
}

describe('build state', () => {
  const alone = { testland: builtAlone(testland(), 'testland'), otherland: builtAlone(otherland(), 'otherland') };

  it('the two themes give different documents', () => {
    expect(alone.testland.equals(alone.otherland)).toBe(false);
  });

  it('two countries with different themes built at once in one process get the bytes each gets alone', async () => {
    const [a, b] = [testland(), otherland()];
    await Promise.all([runPipeline({ root: a, configPath: 'pipeline.config.yaml' }), runPipeline({ root: b, configPath: 'pipeline.config.yaml' })]);
    expect(pdfOf(a, 'testland').equals(alone.testland)).toBe(true);
    expect(pdfOf(b, 'otherland').equals(alone.otherland)).toBe(true);
    // And one after the other, each after what the other left in the process.
    const [c, d] = [otherland(), testland()];
    await runPipeline({ root: c, configPath: 'pipeline.config.yaml' });
    await runPipeline({ root: d, configPath: 'pipeline.config.yaml' });
    expect(pdfOf(c, 'otherland').equals(alone.otherland)).toBe(true);
    expect(pdfOf(d, 'testland').equals(alone.testland)).toBe(true);
  }, 240_000);

  it('two countries with different themes built with one memory, as a watcher keeps it, get the bytes each gets alone', async () => {
    // Everything the first build shaped, measured, broke into lines and compiled is in the memory the second starts from.
    const memory = new BuildMemory();
    const [a, b, c] = [testland(), otherland(), testland()];
    await runPipeline({ root: a, configPath: 'pipeline.config.yaml', memory, noCache: true });
    await runPipeline({ root: b, configPath: 'pipeline.config.yaml', memory, noCache: true });
    await runPipeline({ root: c, configPath: 'pipeline.config.yaml', memory, noCache: true });
    expect(pdfOf(a, 'testland').equals(alone.testland)).toBe(true);
    expect(pdfOf(b, 'otherland').equals(alone.otherland)).toBe(true);
    expect(pdfOf(c, 'testland').equals(alone.testland)).toBe(true);
  }, 240_000);

  it('two countries with different themes built on two threads get the bytes each gets alone', async () => {
    const [a, b] = [testland(), otherland()];
    await Promise.all([buildOnThread(a), buildOnThread(b)]);
    expect(pdfOf(a, 'testland').equals(alone.testland)).toBe(true);
    expect(pdfOf(b, 'otherland').equals(alone.otherland)).toBe(true);
  }, 240_000);
});
