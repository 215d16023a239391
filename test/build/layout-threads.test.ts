import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { noCache } from '../../pipeline/cache/key.ts';
import { composeEditions } from '../../pipeline/build/front.ts';
import { Claims } from '../../pipeline/build/claims.ts';
import { lanesFor, layoutThreadsFor, longestFirst } from '../../pipeline/build/layout.ts';
import type { Block, ComposedDocument } from '../../pipeline/document/types.ts';
import { portableTheme, type LayoutJob } from '../../pipeline/build/layout-job.ts';
import { JobRunner } from '../../pipeline/build/layout-runner.ts';
import { LayoutThread } from '../../pipeline/build/layout-thread.ts';
import { RenderError } from '../../pipeline/errors/errors.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { main } from '../../pipeline/cli.ts';
import { captureConsole } from '../helpers/console.ts';
import { keptParagraphs } from '../helpers/memo.ts';
import { testDocument } from '../helpers/documents.ts';
import { kazakhstan } from '../chart/kazakhstan.ts';
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
    // What the layout thread learned is kept with what this one did: the next build finds every
    // paragraph of every document already broken, as after a build on one thread.
    const alone = keptParagraphs(join(inject('builtOutput'), '..'));
    expect(alone.length).toBeGreaterThan(1000);
    expect(keptParagraphs(root)).toEqual(alone);
  }, 240_000);

  it('report a document the layout thread could not draw as a render error naming it', async () => {
    const root = tempProject('repo');
    const front = await composeEditions({ root, configPath: 'pipeline.config.yaml', locales: ['en'], version: 'test', cache: noCache });
    const { locale, documents: composed, charts } = front.editions[0]!;
    const document = composed.find((d) => d.kind === 'brief');
    const figure = [...charts.values()][0]!;
    // A chart whose drawing is broken: its SVG is not well formed.
    const job = (whole: boolean): LayoutJob => ({
      locale,
      document: document!,
      // A chart's digest is that of its drawing: the broken one has another.
      charts: [...charts.values()].map(({ id, svg, width, height }) => ({ id, svg: whole ? svg : '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', width, height, digest: whole ? id : `broken ${id}` })),
      hyphenation: { name: `${locale}:test`, locale, unbreakable: [] },
      fonts: 'test fonts',
    });
    expect(figure).toBeDefined();
    const memory = new BuildMemory();
    const thread = new LayoutThread({ version: 'test' }, () => undefined, memory.memos);
    thread.begin(front.dataset.page, portableTheme(front.dataset.theme), 2);
    thread.offer(0, job(true));
    thread.offer(1, job(false));
    try {
      const here = await new JobRunner({ style: front.dataset.page, theme: front.dataset.theme }, memory.lines, { cache: noCache, version: 'test', notice: () => undefined }).run(job(true));
      const there = await thread.result(0);
      // Laid out there, it is no longer this thread's to take.
      expect(thread.claim(0)).toBe(false);
      expect(Buffer.from(there.bytes).equals(Buffer.from(here.bytes))).toBe(true);
      expect(there.pageCount).toBe(here.pageCount);
      expect([...there.anchorPages]).toEqual([...here.anchorPages]);
      // Its charts broken, the document cannot be drawn on the layout thread.
      const failed = await thread.result(1).then(() => undefined, (error: unknown) => error);
      expect(failed).toBeInstanceOf(RenderError);
      expect((failed as Error).message).toMatch(/^the en brief could not be drawn: /);
      expect(thread.claim(1)).toBe(false);
      await thread.done();
    } finally {
      await thread.stop();
    }
  }, 120_000);
});

describe('sharing the documents between threads', () => {
  it('gives each document to exactly one thread, whichever asks first, in any order of asking', () => {
    const asks = fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.constantFrom('main' as const, 'thread' as const)), { maxLength: 60 });
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), asks, (capacity, list) => {
      const claims = new Claims(capacity);
      const owner = new Map<number, string>();
      for (const [index, who] of list) {
        if (index >= capacity) {
          expect(() => claims.take(index, who)).toThrow(RangeError);
          continue;
        }
        const taken = claims.take(index, who);
        // Taken by the first to ask, never again, by the same thread or the other.
        expect(taken).toBe(!owner.has(index));
        if (taken) owner.set(index, who);
      }
    }));
  });

  it("lets a thread that asks later see the other's claims in the shared memory", async () => {
    const claims = new Claims(64);
    const { Worker } = await import('node:worker_threads');
    // A thread that claims every even document, then reports which it got.
    const worker = new Worker(`
      const { workerData, parentPort } = require('node:worker_threads');
      const cells = new Int32Array(workerData);
      const got = [];
      for (let i = 0; i < cells.length; i += 2) if (Atomics.compareExchange(cells, i, 0, 2) === 0) got.push(i);
      parentPort.postMessage(got);
    `, { eval: true, workerData: claims.buffer });
    const theirs = await new Promise<number[]>((resolve) => worker.once('message', resolve));
    await worker.terminate();
    const ours = Array.from({ length: 64 }, (_, i) => i).filter((i) => claims.take(i, 'main'));
    expect(theirs).toEqual(Array.from({ length: 32 }, (_, i) => 2 * i));
    expect(ours).toEqual(Array.from({ length: 32 }, (_, i) => 2 * i + 1));
  });

  it('refuses a number of threads it cannot use, before building anything', async () => {
    const root = tempProject('mini');
    for (const threads of ['0', '3', 'two', '1.5']) {
      printed.err = [];
      expect(await main(['build', '--threads', threads], root)).toBe(64);
      expect(printed.err.join('\n')).toContain(`--threads: "${threads}" is not a number of threads to lay out on: give 1 or 2.`);
    }
  });

  it('gives back the memory of each document a thread laid out before it lays out the next, and not after the last', async () => {
    const { dataset, theme } = kazakhstan();
    const events: string[] = [];
    const runner = new JobRunner({ style: dataset.page, theme }, new BuildMemory().lines, { cache: noCache, version: 'test', notice: () => undefined }, async () => {
      events.push('released');
    });
    for (const text of ['First.', 'Second.', 'Third.']) {
      const document = testDocument([{ kind: 'paragraph', inlines: [{ kind: 'text', text }] }], { textColumn: false });
      await runner.run({ locale: 'en', document, charts: [], hyphenation: { name: 'en:test', locale: 'en', unbreakable: [] }, fonts: 'test' });
      events.push(`laid out ${text}`);
    }
    expect(events).toEqual(['laid out First.', 'released', 'laid out Second.', 'released', 'laid out Third.']);
  });

  it('builds one country on two threads where there are two cores, and watches and builds every country on one', () => {
    expect(layoutThreadsFor('build', false, undefined, 2)).toBe(2);
    expect(layoutThreadsFor('build', false, undefined, 8)).toBe(2);
    expect(layoutThreadsFor('build', false, undefined, 1)).toBe(1);
    expect(layoutThreadsFor('watch', false, undefined, 8)).toBe(1);
    expect(layoutThreadsFor('build', true, undefined, 8)).toBe(1);
    // What was asked for is what is done.
    expect(layoutThreadsFor('build', false, 1, 8)).toBe(1);
    expect(layoutThreadsFor('watch', false, 2, 8)).toBe(2);
  });

  it('lays out here the document with the most blocks first, counting those inside boxes and side rows, each once', () => {
    const paragraph = (): Block => ({ kind: 'paragraph', inlines: [{ kind: 'text', text: 'x' }] });
    const documentOf = (top: number, boxed: number, aside: number) => ({
      blocks: [
        ...Array.from({ length: top }, paragraph),
        ...(boxed > 0 ? [{ kind: 'box', title: 't', tone: 'action', blocks: Array.from({ length: boxed }, paragraph) } as Block] : []),
        ...(aside > 0 ? [{ kind: 'aside-row', side: [], main: Array.from({ length: aside }, paragraph) } as unknown as Block] : []),
      ],
    }) as unknown as ComposedDocument;
    const size = (top: number, boxed: number, aside: number) => top + (boxed > 0 ? boxed + 1 : 0) + (aside > 0 ? aside + 1 : 0);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(30), fc.nat(5), fc.nat(5)), { maxLength: 8 }), (shapes) => {
        const order = longestFirst(shapes.map(([top, boxed, aside]) => documentOf(top, boxed, aside)));
        expect([...order].sort((a, b) => a - b)).toEqual(shapes.map((_, index) => index));
        const sizes = order.map((index) => size(...shapes[index]!));
        for (let i = 1; i < order.length; i += 1) {
          expect(sizes[i - 1]!).toBeGreaterThanOrEqual(sizes[i]!);
          // Among documents of one size, the order they were composed in.
          if (sizes[i - 1] === sizes[i]) expect(order[i - 1]!).toBeLessThan(order[i]!);
        }
      }),
    );
  });

  it('uses one thread unless asked for two, never more threads than documents', () => {
    expect(lanesFor(6)).toBe(1);
    expect(lanesFor(6, 2)).toBe(2);
    expect(lanesFor(1, 2)).toBe(1);
    expect(lanesFor(0, 2)).toBe(1);
  });
});
