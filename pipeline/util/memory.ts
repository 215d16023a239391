import { setFlagsFromString } from 'node:v8';
/**
 * Gives back the memory of finished work, between documents: once the process has grown by
 * GROWTH_BUDGET since it last did, or whenever it is larger than CEILING. V8 collects old
 * garbage only when its heap has grown well past the live data, so a cold build of the
 * default country, left alone, peaks above 400 MB with each finished document's garbage
 * still in place. A full collection costs 60 ms or more, so it is not done after every
 * document. A process that rebuilds again and again (watch) leaves this to V8: it would pay
 * for a collection in nearly every build. `always` collects whatever the size, before work
 * that needs room, unless the process has hardly grown since the last collection. The csi-report command runs node with --expose-gc for this; without it
 * this only yields.
 */
const GROWTH_BUDGET = 128 * 1024 * 1024;
/** Growth since the last collection below which collecting again would find next to nothing. */
const SETTLED_GROWTH = 16 * 1024 * 1024;
/** Above this size, every chance is taken. */
const CEILING = 360 * 1024 * 1024;
let baseline = 0;

export async function releaseMemory(enabled = true, always = false): Promise<void> {
  const gc = enabled ? (globalThis as { gc?: () => void }).gc : undefined;
  const rss = process.memoryUsage.rss();
  // `always` needs no second collection right after one: the process has not grown since.
  const grown = rss - baseline > SETTLED_GROWTH;
  if (typeof gc === 'function' && ((always && grown) || rss > CEILING || rss - baseline > GROWTH_BUDGET)) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    baseline = process.memoryUsage.rss();
  } else {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Makes V8 grow its heap by a fifth past the live data before it collects old garbage,
 * instead of the factor of up to four it picks by itself for a heap this size. A build's
 * live data is about 110 MB (loaded code, fonts, remembered shapes and lines); its garbage
 * then no longer piles up to hundreds of megabytes between collections. Measured on the
 * watcher: peak RSS over eight corrections 390 → 344 MiB, the rebuild as fast as before.
 * Done once, by the csi-report command, before any build.
 */
export function tightenHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=20');
}
