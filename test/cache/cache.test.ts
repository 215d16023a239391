import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCache, pruneCache } from '../../pipeline/cache/store.ts';
import { runPipeline, type RunRequest } from '../../pipeline/run.ts';
import { edit, tempProject } from '../helpers/project.ts';

const pdfOf = (root: string) => readFileSync(join(root, 'output/testland/en/acr.pdf'));

/**
 * Builds with the cache, then checks the result against a build of the same input without any
 * cache in a fresh copy: a cache that served a stale result would make them differ.
 */
async function buildAndCompare(root: string, change: (root: string) => void, extra: Partial<RunRequest> = {}) {
  const before = pdfOf(root);
  change(root);
  const cached = await runPipeline({ root, configPath: 'pipeline.config.yaml', ...extra });
  const fresh = tempProject('mini');
  change(fresh);
  await runPipeline({ root: fresh, configPath: 'pipeline.config.yaml', noCache: true, ...extra });
  return { before, after: pdfOf(root), fresh: pdfOf(fresh), cached };
}

const changes: [string, (root: string) => void][] = [
  ['a data value', (r) => edit(r, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 41')],
  ['the narrative', (r) => edit(r, 'data/countries/testland/narrative/en/acr/findings.md', 'is the strongest', 'remains the strongest')],
  ['a document template', (r) => edit(r, 'templates/acr/document.yaml', '  - bibliography\n', '')],
  ['the page template', (r) => edit(r, 'templates/page.yaml', 'left: 57', 'left: 60')],
  ['a locale file', (r) => edit(r, 'templates/locales/en/document.yaml', 'contents: "Contents"', 'contents: "Table of contents"')],
  ['the configuration', (r) => edit(r, 'pipeline.config.yaml', 'sourceDate: "2020-01-01"', 'sourceDate: "2020-02-01"')],
  ['the font', (r) => edit(r, 'templates/theme.yaml', 'regular: {file: "400Regular/SourceSans3_400Regular.ttf"', 'regular: {file: "300Light/SourceSans3_300Light.ttf"')],
];

describe('the build cache', () => {
  it('does nothing when nothing changed', async () => {
    const root = tempProject('mini');
    const first = await runPipeline({ root, configPath: 'pipeline.config.yaml' });
    const again = await runPipeline({ root, configPath: 'pipeline.config.yaml' });
    expect(again.written).toEqual([]);
    expect(again.changes).toMatchObject({ first: false, values: [], scores: [], editions: [] });
    // It reports the editions the last build published, and no scores it did not compute.
    expect(again.editions.map((e) => `${e.locale}/${e.document}`).sort()).toEqual(first.editions.map((e) => `${e.locale}/${e.document}`).sort());
    expect(again.editions.every((e) => e.pages > 0)).toBe(true);
    expect(again.scores).toBeUndefined();
    expect(first.scores?.byId.size).toBeGreaterThan(0);
  });

  it.each(changes)('rebuilds what depends on %s, exactly as a build without cache would', async (_name, change) => {
    const root = tempProject('mini');
    await runPipeline({ root, configPath: 'pipeline.config.yaml' });
    const { before, after, fresh, cached } = await buildAndCompare(root, change);
    expect(cached.written.length).toBeGreaterThan(0);
    expect(after.equals(before)).toBe(false);
    expect(after.equals(fresh)).toBe(true);
  });

  it('publishes where the configuration says now, also when what it said before was kept', async () => {
    const root = tempProject('mini');
    const config = readFileSync(join(root, 'pipeline.config.yaml'), 'utf8');
    await runPipeline({ root, configPath: 'pipeline.config.yaml' });
    writeFileSync(join(root, 'pipeline.config.yaml'), `${config}outputDir: published\n`);
    const moved = await runPipeline({ root, configPath: 'pipeline.config.yaml' });
    expect(moved.written.length).toBeGreaterThan(0);
    expect(existsSync(join(root, 'published/testland/en/acr.pdf'))).toBe(true);
    // Back to the first configuration: its output folder still holds the build of these very inputs.
    writeFileSync(join(root, 'pipeline.config.yaml'), config);
    const back = await runPipeline({ root, configPath: 'pipeline.config.yaml' });
    expect(back.written).toEqual([]);
    expect(back.editions.map((e) => `${e.locale}/${e.document}`)).toEqual(['en/acr']);
  });

  it('rebuilds everything for another version of the pipeline', async () => {
    const root = tempProject('mini');
    await runPipeline({ root, configPath: 'pipeline.config.yaml', pipelineVersion: '1.0.0+a' });
    const again = await runPipeline({ root, configPath: 'pipeline.config.yaml', pipelineVersion: '1.0.0+b' });
    expect(again.written.length).toBeGreaterThan(0);
    expect(again.changes?.pipeline).toEqual({ old: '1.0.0+a', new: '1.0.0+b' });
  });
});

describe('the cache folder', () => {
  it('stays under its limit, losing the entries used longest ago first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-cache-'));
    const cache = fileCache(dir);
    for (const [index, key] of ['a', 'b', 'c', 'd'].entries()) {
      cache.set(key, 'x'.repeat(100));
      await cache.flush();
      const then = new Date(Date.UTC(2026, 0, 1 + index));
      utimesSync(join(dir, key), then, then);
    }
    // Reading the oldest entry marks it as used now.
    expect(cache.get('a')).toBeDefined();
    // Room for two and a half entries as stored (their header included).
    const limit = statSync(join(dir, 'a')).size * 2.5;
    expect(pruneCache(dir, limit)).toBe(2);
    expect(['a', 'b', 'c', 'd'].filter((key) => existsSync(join(dir, key)))).toEqual(['a', 'd']);
    expect(pruneCache(dir, limit)).toBe(0);
  });
});

describe('an entry kept', () => {
  it('is served at once, and from disk, byte for byte, by the next build once written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-cache-'));
    const cache = fileCache(dir);
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251);
    cache.set('pdf', bytes);
    cache.set('text', 'Гражданское общество — ₸ 1 000');
    expect(cache.get('pdf')).toEqual(bytes);
    await cache.flush();
    const next = fileCache(dir);
    expect(Buffer.from(next.get('pdf')!).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(next.get('text')!).toString('utf8')).toBe('Гражданское общество — ₸ 1 000');
    // Only the entries: no file they were written to first is left.
    expect(readdirSync(dir).sort()).toEqual(['pdf', 'text']);
  });

  it('set twice under one key holds the second value, whichever write ends first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-cache-'));
    const cache = fileCache(dir);
    cache.set('memo', 'x'.repeat(3_000_000));
    cache.set('memo', 'second');
    expect(Buffer.from(cache.get('memo')!).toString()).toBe('second');
    await cache.flush();
    expect(Buffer.from(fileCache(dir).get('memo')!).toString()).toBe('second');
  });
});
