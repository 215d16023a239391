import { setFlagsFromString } from 'node:v8';

/**
 * How the csi-report command sets up V8 for a build, once, before any build. Both settings
 * suit a run that does a great deal of work once and ends: a build, or a watcher's builds.
 *
 * - **The heap grows by a fifth past the live data** before V8 collects old garbage, instead of
 *   the factor of up to four it picks by itself for a heap this size. A build's live data is
 *   about 110 MB (loaded code, fonts, remembered shapes and lines); its garbage then no longer
 *   piles up to hundreds of megabytes between collections. Measured on the watcher: peak RSS
 *   over eight corrections 390 → 344 MiB, the rebuild as fast as before.
 * - **A function is optimised after 16 times as much of it has run** as V8 waits for by
 *   default (the interrupt budget, in bytes of bytecode executed). With the default, a cold
 *   build of the default editions had V8's optimising compiler compile about 1 100 functions
 *   (and throw away 157 of them again), on background threads: about 4.4 s of CPU, a third of
 *   the build's, measured by the CPU time of V8's threads with and without
 *   `--no-concurrent-recompilation`. On two cores that is time the build's own thread waits
 *   for. Most of those functions run a few thousand times in a build and are done: compiling
 *   them cost more than their optimised code would have saved. With the longer
 *   budget about 200 functions are optimised, those the build spends its time in. Measured
 *   with alternating cold builds on the 2-core benchmark machine: 9.0–10.2 s → 7.8–8.0 s, and
 *   CPU (user) 13.3–15.1 s → 9.8 s; 8× and 32× were about as good, 64× worse again.
 *
 * The size the old generation starts at is set up with the heap when the process starts; the
 * command gives it to node on the command line (node-flags.mjs).
 */
export function tuneEngine(): void {
  setFlagsFromString('--heap-growing-percent=20');
  setFlagsFromString(`--interrupt-budget=${16 * DEFAULT_INTERRUPT_BUDGET}`);
}

/**
 * How V8 collects the young generation in a process whose own threads keep the cores busy: a
 * build that lays out on two threads beside its PNG thread. By default V8 splits each scavenge
 * of a thread's young objects into tasks for its background threads, and the thread waits until
 * all are done; with every core taken by the build's own threads, a task waits for a core and
 * the thread collecting waits with it. Without it, each thread collects its own young
 * generation alone. Measured with cold builds taken in turns on the 2-core benchmark machine:
 * faster in 10 pairs of 12 (median 0.1 s, 0.1–0.3 s less CPU); corrections, which lay out on
 * one thread for most of their time, as fast either way (eight pairs). A build on one thread
 * (and the benchmark's peer) keeps V8's default, where a scavenge's tasks find a free core.
 * V8 reads the setting at every scavenge, so it holds from the next one on.
 */
export function tuneEngineForThreads(layoutThreads: number): void {
  if (layoutThreads > 1) setFlagsFromString('--no-parallel-scavenge');
}

/** V8's own interrupt budget in Node 20 (V8 11.3): 66 KiB of bytecode executed. */
const DEFAULT_INTERRUPT_BUDGET = 66 * 1024;
