import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { noCache } from '../../pipeline/cache/key.ts';
import { composeEditions } from '../../pipeline/build/front.ts';
import { lanesFor, shareOut } from '../../pipeline/build/layout.ts';
import { portableTheme, type LayoutJob } from '../../pipeline/build/layout-job.ts';
import { JobRunner } from '../../pipeline/build/layout-runner.ts';
import { LayoutThread } from '../../pipeline/build/layout-thread.ts';
import { RenderError } from '../../pipeline/errors/errors.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { main } from '../../pipeline/cli.ts';
import { captureConsole } from '../helpers/console.ts';
import { tempProject } from '../helpers/project.ts';
import { BuildMemory } from '../../pipeline/build/memory.ts';

const editions = ['en', 'ru', 'kk'] as const;
const printed = captureConsole();
const documents = ['acr', 'brief'] as const;

describe('documents laid out on two threads', () => {
  it('give the very bytes of a build on one thread, in every edition', async () => {
    const root = tempProject('repo');
    const result = await runPipeline({ root, configPath: 'pipeline.config.yaml', layoutThreads: 2 });
    expect(result.editions).toHaveLength(6);
    for (const locale of editions) {
      for (const document of documents) {
        const path = join('kazakhstan', locale, `${document}.pdf`);
        expect(readFileSync(join(root, 'output', path)).equals(readFileSync(join(inject('builtOutput'), path))), path).toBe(true);
      }
    }
  }, 240_000);

  it('report a document the layout thread could not draw as a render error naming it', async () => {
    const root = tempProject('repo');
    const front = await composeEditions({ root, configPath: 'pipeline.config.yaml', locales: ['en'], version: 'test', cache: noCache });
    const { locale, documents: composed, charts } = front.editions[0]!;
    const document = composed.find((d) => d.kind === 'brief');
    const figure = [...charts.values()][0]!;
    // A chart whose drawing is broken: svg-to-pdfkit cannot convert it.
    const job = (whole: boolean): LayoutJob => ({
      locale,
      document: document!,
      charts: [...charts.values()].map(({ id, svg, width, height }) => ({ id, svg: whole ? svg : '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', width, height, digest: id })),
      hyphenation: { name: `${locale}:test`, locale, unbreakable: [] },
    });
    expect(figure).toBeDefined();
    const setup = { style: front.dataset.page, theme: portableTheme(front.dataset.theme), version: 'test' };
    const memory = new BuildMemory();
    const thread = new LayoutThread(setup, [{ index: 0, job: job(true) }, { index: 1, job: job(false) }], () => undefined, memory.memos);
    try {
      const here = await new JobRunner({ style: front.dataset.page, theme: front.dataset.theme }, memory.lines).run(job(true));
      const there = await thread.result(0);
      expect(Buffer.from(there.bytes).equals(Buffer.from(here.bytes))).toBe(true);
      expect(there.pageCount).toBe(here.pageCount);
      expect([...there.anchorPages]).toEqual([...here.anchorPages]);
      // Its charts broken, the document cannot be drawn on the layout thread.
      const failed = await thread.result(1).then(() => undefined, (error: unknown) => error);
      expect(failed).toBeInstanceOf(RenderError);
      expect((failed as Error).message).toMatch(/^the en brief could not be drawn: /);
      await thread.done();
    } finally {
      await thread.stop();
    }
  }, 120_000);
});

describe('sharing the documents between threads', () => {
  const job = (index: number, locale: string, size: number) => ({
    index,
    job: { locale, document: { blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'x'.repeat(size) }] }] }, charts: [], hyphenation: { name: locale, locale, unbreakable: [] } } as unknown as LayoutJob,
  });
  const jobs = fc.array(fc.tuple(fc.constantFrom('en', 'ru', 'kk', 'de'), fc.integer({ min: 0, max: 5000 })), { maxLength: 12 }).map((list) => list.map(([locale, size], index) => job(index, locale, size)));

  it('lays out every document exactly once, each share in build order, an edition on one thread', () => {
    fc.assert(fc.property(jobs, fc.integer({ min: 1, max: 2 }), (list, lanes) => {
      const shares = shareOut(list, lanes);
      expect(shares.flat().map((j) => j.index).sort((a, b) => a - b)).toEqual(list.map((j) => j.index));
      for (const share of shares) expect(share.map((j) => j.index)).toEqual([...share.map((j) => j.index)].sort((a, b) => a - b));
      const localesOf = shares.map((share) => new Set(share.map((j) => j.job.locale)));
      for (const locale of localesOf[0]!) expect(localesOf[1]!.has(locale)).toBe(false);
      if (lanes === 1) expect(shares[1]).toEqual([]);
    }));
  });

  it('gives the second thread work only when there are two editions to share', () => {
    const [here, there] = shareOut([job(0, 'en', 900), job(1, 'en', 100), job(2, 'ru', 950), job(3, 'ru', 90), job(4, 'kk', 940), job(5, 'kk', 80)], 2);
    // The largest edition here, the next there, the third to the thread with less work.
    expect(here.map((j) => j.index)).toEqual([2, 3]);
    expect(there.map((j) => j.index)).toEqual([0, 1, 4, 5]);
    expect(shareOut([job(0, 'en', 900), job(1, 'en', 100)], 2)[1]).toEqual([]);
  });

  it('refuses a number of threads it cannot use, before building anything', async () => {
    const root = tempProject('mini');
    for (const threads of ['0', '3', 'two', '1.5']) {
      printed.err = [];
      expect(await main(['build', '--threads', threads], root)).toBe(64);
      expect(printed.err.join('\n')).toContain(`--threads: "${threads}" is not a number of threads to lay out on: give 1 or 2.`);
    }
  });

  it('uses one thread unless asked for two, never more threads than documents', () => {
    expect(lanesFor(6)).toBe(1);
    expect(lanesFor(6, 2)).toBe(2);
    expect(lanesFor(1, 2)).toBe(1);
    expect(lanesFor(0, 2)).toBe(1);
  });
});
