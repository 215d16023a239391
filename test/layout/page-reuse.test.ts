import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipeline/run.ts';
import { RecordedPages } from '../../pipeline/layout/recorded-pages.ts';
import type { RecordedPage } from '../../pipeline/layout/draw.ts';
import { edit, tempProject } from '../helpers/project.ts';
import { JobRunner } from '../../pipeline/build/layout-runner.ts';
import { BuildMemory } from '../../pipeline/build/memory.ts';
import type { StageCache } from '../../pipeline/cache/key.ts';
import type { Block } from '../../pipeline/document/types.ts';
import { testDocument } from '../helpers/documents.ts';
import { kazakhstan } from '../chart/kazakhstan.ts';

const configPath = 'pipeline.config.yaml';
const pdfOf = (root: string) => readFileSync(join(root, 'output/testland/en/acr.pdf'));
/** The fixture's one-value correction. */
const correct = (root: string) => edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 41');

/** The PDF a build without cache makes of the fixture, `change` made first. */
async function withoutCache(change: (root: string) => void): Promise<Buffer> {
  const fresh = tempProject('mini');
  change(fresh);
  await runPipeline({ root: fresh, configPath, noCache: true });
  return pdfOf(fresh);
}

describe('pages written again after a correction', () => {
  it('are pages the correction did not change, and the PDF is byte for byte that of a build without cache', async () => {
    const root = tempProject('mini');
    const first = await runPipeline({ root, configPath });
    expect(first.reusedPages).toBe(0);
    const pages = first.editions.reduce((sum, edition) => sum + edition.pages, 0);

    correct(root);
    const corrected = await runPipeline({ root, configPath });
    const changed = corrected.changes!.editions.reduce((sum, edition) => sum + edition.pages.length, 0);
    expect(changed).toBeGreaterThan(0);
    // Every page the change report names was drawn anew; most of the others were not.
    expect(corrected.reusedPages).toBeGreaterThan(0);
    expect(corrected.reusedPages).toBeLessThanOrEqual(pages - changed);

    expect(pdfOf(root).equals(await withoutCache(correct))).toBe(true);
  }, 120_000);

  it('are taken from the pages either thread wrote, with the same bytes, when two threads lay out', async () => {
    const correctDefault = (root: string) => edit(root, 'data/countries/kazakhstan/indicators.yaml', '"2.4.1":\n    value: 14.4', '"2.4.1":\n    value: 15.2');
    const request = { configPath, locales: ['en'], layoutThreads: 2 };
    const root = tempProject('repo');
    await runPipeline({ root, ...request });
    correctDefault(root);
    const corrected = await runPipeline({ root, ...request });
    expect(corrected.reusedPages).toBeGreaterThan(0);

    const fresh = tempProject('repo');
    correctDefault(fresh);
    await runPipeline({ root: fresh, configPath, locales: ['en'], noCache: true });
    for (const document of ['acr', 'brief']) {
      const path = `output/kazakhstan/en/${document}.pdf`;
      expect(readFileSync(join(root, path)).equals(readFileSync(join(fresh, path))), path).toBe(true);
    }
  }, 240_000);

  it('are drawn again, with a notice, when their kept entry is damaged', async () => {
    const root = tempProject('mini');
    await runPipeline({ root, configPath });
    const cache = join(root, '.cache');
    const entries = readdirSync(cache).filter((name) => name.startsWith('pages-'));
    expect(entries.length).toBeGreaterThan(0);
    for (const name of entries) {
      const bytes = readFileSync(join(cache, name));
      writeFileSync(join(cache, name), bytes.subarray(0, Math.floor(bytes.length / 2)));
    }
    correct(root);
    const notices: string[] = [];
    const corrected = await runPipeline({ root, configPath, onNotice: (message) => notices.push(message) });
    expect(corrected.reusedPages).toBe(0);
    expect(notices.some((line) => /^\.cache\/pages-\S+: .+; removed, and made again$/.test(line)), notices.join('\n')).toBe(true);

    expect(pdfOf(root).equals(await withoutCache(correct))).toBe(true);
  }, 120_000);

  it('draw anew a page that shows nothing new but its number', async () => {
    const { dataset, theme } = kazakhstan();
    const paragraph = (text: string): Block => ({ kind: 'paragraph', inlines: [{ kind: 'text', text }] });
    const breakPage: Block = { kind: 'page-break' };
    const blocks = [paragraph('The first page.'), breakPage, paragraph('A page that only moves.')];
    const moved = [paragraph('The first page.'), breakPage, paragraph('A page put in before it.'), breakPage, paragraph('A page that only moves.')];
    const layOut = (cache: StageCache, content: Block[]) =>
      new JobRunner({ style: dataset.page, theme }, new BuildMemory().lines, { cache, version: 'test', notice: () => undefined }).run({ locale: 'en', document: testDocument(content, { textColumn: false }), charts: [], hyphenation: { name: 'en:test', locale: 'en', unbreakable: [] }, fonts: 'test' });

    const cache = memoryCache();
    expect((await layOut(cache, blocks)).reusedPages).toBe(0);
    const again = await layOut(cache, moved);
    // The first page is the same; the last shows the same text under another page number.
    expect(again.reusedPages).toBe(1);
    const fresh = await layOut(memoryCache(), moved);
    expect(Buffer.from(again.bytes).equals(Buffer.from(fresh.bytes))).toBe(true);
    expect((await layOut(cache, moved)).reusedPages).toBe(3);
  });
});

const page = (n: number): RecordedPage => ({ content: Buffer.from(`BT /T1 10 Tf [<00${n.toString(16).padStart(2, '0')}>] TJ ET\n\u00e9\n`, 'latin1'), opacities: n % 2 ? ['Op0.5_n'] : [], glyphs: { Regular: Int32Array.of(n, 500, 1, 65 + (n % 26)), Italic: Float64Array.of(n, 480.5, 2, 102, 105) } });

describe('the recorded pages of a document', () => {
  it('read back, from their bytes, every page kept', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }), (numbers) => {
        const pages = new RecordedPages();
        for (const n of numbers) pages.set(`k${n}`, page(n));
        const read = new RecordedPages();
        read.loadBytes(pages.saveBytes());
        for (const n of numbers) expect(read.get(`k${n}`)).toEqual(page(n));
        expect(read.get('none')).toBeUndefined();
      }),
    );
  });

  it('refuse bytes cut short', () => {
    const pages = new RecordedPages();
    for (let n = 0; n < 3; n++) pages.set(`k${n}`, page(n));
    const bytes = pages.saveBytes();
    expect(() => new RecordedPages().loadBytes(bytes.subarray(0, bytes.length - 1))).toThrow(/cut short/);
    expect(() => new RecordedPages().loadBytes(bytes.subarray(0, 2))).toThrow(/cut short/);
  });

  it('keep for the next build the pages this one used or wrote, and only those', () => {
    const first = new RecordedPages();
    for (let n = 0; n < 10; n++) first.set(`k${n}`, page(n));
    const next = new RecordedPages();
    next.loadBytes(first.saveBytes());
    for (let n = 0; n < 10; n++) next.get(`k${n}`);
    // Every page read and used, none written: nothing to write again.
    expect(next.changed()).toBe(false);
    const corrected = new RecordedPages();
    corrected.loadBytes(first.saveBytes());
    for (let n = 0; n < 8; n++) corrected.get(`k${n}`);
    corrected.set('k10', page(10));
    expect(corrected.changed()).toBe(true);
    const kept = new RecordedPages();
    kept.loadBytes(corrected.saveBytes());
    for (let n = 0; n <= 10; n++) expect(kept.get(`k${n}`) !== undefined, `k${n}`).toBe(n < 8 || n === 10);
  });
});

/** A stage cache in memory. */
function memoryCache(): StageCache {
  const entries = new Map<string, Uint8Array>();
  return { get: (key) => entries.get(key), set: (key, value) => void entries.set(key, typeof value === 'string' ? Buffer.from(value) : value), flush: async () => undefined };
}
