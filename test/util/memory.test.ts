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
  it('does not collect again when V8 has just collected in full', async () => {
    const asked = vi.fn(collect);
    exposed.gc = asked;
    const heap = new MemoryRelease();
    await heap.release(true);
    asked.mockClear();
    // V8 collects by itself (here: the same full collection, not asked through `release`).
    collect();
    await heap.release(true);
    expect(asked).not.toHaveBeenCalled();
    heap.stop();
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
