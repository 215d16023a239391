import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipeline/run.ts';
import { RecordedPages } from '../../pipeline/layout/recorded-pages.ts';
import type { RecordedPage } from '../../pipeline/layout/draw.ts';
import { edit, tempProject } from '../helpers/project.ts';
import { JobRunner } from '../../pipeline/build/layout-runner.ts';
import { BuildMemory } from '../../pipeline/build/memory.ts';
import type { Block } from '../../pipeline/document/types.ts';
import { testDocument } from '../helpers/documents.ts';
import { kazakhstan } from '../chart/kazakhstan.ts';

const configPath = 'pipeline.config.yaml';
const pdfOf = (root: string) => readFileSync(join(root, 'output/testland/en/acr.pdf'));

describe('pages written again after a correction', () => {
  it('are pages the correction did not change, and the PDF is byte for byte that of a build without cache', async () => {
    const root = tempProject('mini');
    const first = await runPipeline({ root, configPath });
    expect(first.reusedPages).toBe(0);
    const pages = first.editions.reduce((sum, edition) => sum + edition.pages, 0);

    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 41');
    const corrected = await runPipeline({ root, configPath });
    const changed = corrected.changes!.editions.reduce((sum, edition) => sum + edition.pages.length, 0);
    expect(changed).toBeGreaterThan(0);
    // Every page the change report names was drawn anew; most of the others were not.
    expect(corrected.reusedPages).toBeGreaterThan(0);
    expect(corrected.reusedPages).toBeLessThanOrEqual(pages - changed);

    const fresh = tempProject('mini');
    edit(fresh, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 41');
    await runPipeline({ root: fresh, configPath, noCache: true });
    expect(pdfOf(root).equals(pdfOf(fresh))).toBe(true);
  }, 120_000);

  it('draw anew a page that shows nothing new but its number', async () => {
    const { dataset, theme } = kazakhstan();
    const paragraph = (text: string): Block => ({ kind: 'paragraph', inlines: [{ kind: 'text', text }] });
    const breakPage: Block = { kind: 'page-break' };
    const blocks = [paragraph('The first page.'), breakPage, paragraph('A page that only moves.')];
    const moved = [paragraph('The first page.'), breakPage, paragraph('A page put in before it.'), breakPage, paragraph('A page that only moves.')];
    const layOut = (memory: BuildMemory, content: Block[]) =>
      new JobRunner({ style: dataset.page, theme }, memory.lines, memory.pages).run({ locale: 'en', document: testDocument(content, { textColumn: false }), charts: [], hyphenation: { name: 'en:test', locale: 'en', unbreakable: [] }, fonts: 'test' });

    const memory = new BuildMemory();
    expect((await layOut(memory, blocks)).reusedPages).toBe(0);
    const again = await layOut(memory, moved);
    // The first page is the same; the last shows the same text under another page number.
    expect(again.reusedPages).toBe(1);
    const fresh = await layOut(new BuildMemory(), moved);
    expect(Buffer.from(again.bytes).equals(Buffer.from(fresh.bytes))).toBe(true);
    expect((await layOut(memory, moved)).reusedPages).toBe(3);
  });
});

const page = (n: number): RecordedPage => ({ content: `BT /T1 10 Tf [<00${n.toString(16).padStart(2, '0')}>] TJ ET\n\u00e9`, opacities: n % 2 ? ['Op0.5_n'] : [], glyphs: { Regular: [n, 500, 1, 65 + (n % 26)] } });

describe('the table of recorded pages', () => {
  it('reads back, from its bytes, every page it keeps', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }), (numbers) => {
        const table = new RecordedPages();
        for (const n of numbers) table.set(`k${n}`, page(n));
        const read = new RecordedPages();
        read.loadBytes(table.saveBytes());
        expect(read.size()).toBe(numbers.length);
        for (const n of numbers) expect(read.get(`k${n}`)).toEqual(page(n));
        expect(read.get('none')).toBeUndefined();
      }),
    );
  });

  it('refuses bytes cut short', () => {
    const table = new RecordedPages();
    for (let n = 0; n < 3; n++) table.set(`k${n}`, page(n));
    const bytes = table.saveBytes();
    expect(() => new RecordedPages().loadBytes(bytes.subarray(0, bytes.length - 1))).toThrow(/cut short/);
    expect(() => new RecordedPages().loadBytes(bytes.subarray(0, 2))).toThrow(/cut short/);
  });

  it('keeps the pages used since it was last saved, and of the others only the most recently saved', () => {
    const table = new RecordedPages();
    for (let n = 0; n < 300; n++) table.set(`old${n}`, page(n % 256));
    table.save();
    // A build that uses ten of them and writes 200 new pages.
    for (let n = 0; n < 10; n++) table.get(`old${n}`);
    for (let n = 0; n < 200; n++) table.set(`new${n}`, page(n));
    const saved = Object.keys(table.save());
    expect(saved).toHaveLength(315);
    expect(saved.filter((key) => key.startsWith('new'))).toHaveLength(200);
    // The ten used, then the others in the order they were last saved.
    expect(saved.filter((key) => key.startsWith('old'))).toEqual(Array.from({ length: 115 }, (_, n) => `old${n}`));
    expect(table.size()).toBe(315);
  });
});
