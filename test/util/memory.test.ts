import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectionDue, MemoryRelease } from '../../pipeline/util/memory.ts';

// A real full collection, as `node --expose-gc` gives it to the build.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const exposed = globalThis as { gc?: () => void };
const before = exposed.gc;

afterEach(() => {
  exposed.gc = before;
});

const MiB = 1024 * 1024;

describe('collecting garbage between documents', () => {
  it('counts a full collection V8 made by itself: past the budget since the start, it does not collect again', async () => {
    // The process past the growth budget since a heap that has never been collected in full.
    const ballast = Buffer.alloc(160 * MiB, 1);
    expect(collectionDue(process.memoryUsage.rss(), 0)).toBe(true);
    const asked = vi.fn(collect);
    exposed.gc = asked;
    // V8 collects by itself (here: a full collection not asked through `release`) while it is
    // watched; had it not been seen, the growth since 0 would have the build collect.
    const heap = new MemoryRelease();
    heap.watch();
    collect();
    await heap.release(true);
    expect(asked).not.toHaveBeenCalled();
    heap.stop();
    expect(ballast.length).toBe(160 * MiB);
  });

  it('never collects when the build asks it not to, and then only yields', async () => {
    const asked = vi.fn(collect);
    exposed.gc = asked;
    const heap = new MemoryRelease();
    await heap.release(false);
    expect(asked).not.toHaveBeenCalled();
    heap.stop();
  });

  it('collects past the budget or the ceiling, and not otherwise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 500 }), fc.integer({ min: 0, max: 300 }), (lastFullMiB, grownMiB) => {
        const lastFull = lastFullMiB * MiB;
        const rss = lastFull + grownMiB * MiB;
        expect(collectionDue(rss, lastFull)).toBe(rss > 360 * MiB || grownMiB > 128);
      }),
    );
  });
});
