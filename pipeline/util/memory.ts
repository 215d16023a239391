/**
 * Gives back the memory of finished work, between documents, once the process has grown by
 * GROWTH_BUDGET since it last did. V8 collects old garbage only when its heap has grown well
 * past the live data, and the native bitmaps of rendered chart PNGs are freed only after
 * their wrappers are collected and a turn of the event loop has run their finalizers: left
 * alone, a cold build of the default country peaks near 450 MB. A full collection costs 60 ms
 * or more, so it is done only after that much growth, not after every document; a process
 * that stays large (watch) then pays for it only now and then.
 * The csi-report command runs node with --expose-gc for this; without it this only yields.
 */
const GROWTH_BUDGET = 64 * 1024 * 1024;
let baseline = 0;

export async function releaseMemory(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const rss = process.memoryUsage.rss();
  if (typeof gc === 'function' && rss - baseline > GROWTH_BUDGET) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    baseline = process.memoryUsage.rss();
  } else {
    await new Promise((resolve) => setImmediate(resolve));
  }
}
