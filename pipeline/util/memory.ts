/**
 * Gives back the memory of finished work, between documents, once the process has grown
 * past RELEASE_ABOVE. V8 collects old garbage only when its heap has grown well past the live
 * data, and the native bitmaps of rendered chart PNGs are freed only after their wrappers are
 * collected and a turn of the event loop has run their finalizers. Left alone, a cold build
 * of the default country peaks near 450 MB; collecting after every document keeps it near
 * 330 MB but costs about 60 ms a time, so it is done only once the process is this large,
 * which keeps the peak near 370 MB for about half the cost.
 * The csi-report command runs node with --expose-gc for this; without it this only yields.
 */
const RELEASE_ABOVE = 288 * 1024 * 1024;

export async function releaseMemory(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === 'function' && process.memoryUsage.rss() > RELEASE_ABOVE) gc();
  await new Promise((resolve) => setImmediate(resolve));
}
