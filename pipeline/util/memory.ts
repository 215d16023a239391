import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

/**
 * Gives back the memory of finished work, between documents: once the process has grown by
 * GROWTH_BUDGET since its heap was last collected in full (by V8 or here), or whenever it is
 * larger than CEILING. V8 collects old garbage only when its heap has grown well past the
 * live data, so a cold build of the default country, left alone, peaks above 400 MB with each
 * finished document's garbage still in place. A full collection costs 60 ms or more, so it is not done after every
 * document. A process that rebuilds again and again (watch) leaves this to V8: it would pay
 * for a collection in nearly every build. The csi-report command runs node with --expose-gc
 * for this; without it this only yields.
 *
 * One per build memory (`BuildMemory.heap`): what it knows is when its thread's heap was last
 * collected in full.
 */
export class MemoryRelease {
  /** RSS when the last full collection of this thread's heap, V8's own or forced here, was seen. */
  private fullAt = 0;
  /** Watches V8's own full collections, from the first call on. */
  private observer: PerformanceObserver | undefined;

  /** Collects when the budget says so (see the class). */
  async release(enabled = true): Promise<void> {
    const gc = enabled ? (globalThis as { gc?: () => void }).gc : undefined;
    if (typeof gc !== 'function') {
      await turn();
      return;
    }
    this.watch();
    // V8 reports its collections a turn or two of the event loop after they happen.
    await turn();
    await turn();
    this.noteFull(this.observer!.takeRecords());
    if (collectionDue(process.memoryUsage.rss(), this.fullAt)) await this.collectWith(gc);
  }

  /** Collects now, whatever the size: in idle time, between a watcher's builds, where it costs nobody anything. */
  async collect(): Promise<void> {
    await this.collectWith((globalThis as { gc?: () => void }).gc);
  }

  /** Collects in full with `gc` (when node exposes it), lets finalizers run, and notes the size it left. */
  private async collectWith(gc: (() => void) | undefined): Promise<void> {
    gc?.();
    await turn();
    this.fullAt = process.memoryUsage.rss();
  }

  /** Stops watching V8's collections: at the end of a build, and of a watcher. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /**
   * Starts noting V8's own full collections, from the start of a build: one V8 made before the
   * first document counts, and saves a forced one that would find little.
   */
  watch(): void {
    if (this.observer) return;
    this.observer = new PerformanceObserver((list) => this.noteFull(list.getEntries()));
    this.observer.observe({ entryTypes: ['gc'] });
  }

  private noteFull(entries: readonly PerformanceEntry[]): void {
    if (entries.some((entry) => (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) this.fullAt = process.memoryUsage.rss();
  }
}

/**
 * Whether to collect now, at `rss` bytes, when the heap was last collected in full at
 * `lastFull` bytes: above the ceiling, or past the growth budget.
 */
export function collectionDue(rss: number, lastFull: number): boolean {
  return rss > CEILING || rss - lastFull > GROWTH_BUDGET;
}

const GROWTH_BUDGET = 128 * 1024 * 1024;
/** Above this size, every chance is taken. */
const CEILING = 360 * 1024 * 1024;

function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
