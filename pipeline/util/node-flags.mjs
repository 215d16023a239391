// The flags node runs the csi-report command with. bin/csi-report.js's first line and the npm
// scripts (package.json: start, check) give node exactly these, written out, as node must have
// them before anything runs; test/launcher.test.ts checks that the three agree with this list,
// and the benchmark starts every build with it. Plain JavaScript, as the benchmark's helpers
// that spawn builds import it.
//
// - --expose-gc: a build frees each finished document's memory (pipeline/util/memory.ts).
// - --initial-old-space-size=96: V8 lets the old generation reach 96 MB before its first full
//   collection. It starts at a few megabytes, and with the slow heap growth the command asks
//   for (pipeline/util/engine.ts) a build's heap was collected in full six times or more while
//   it grew to its working size (about 50 MB in a correction, 100 MB cold), each time marking
//   everything loaded so far. The size of a heap V8 sets up when the process starts, so it cannot
//   be set from inside, as engine.ts sets the rest. Measured with builds taken in turns on the
//   2-core benchmark machine: cold 5.09–5.34 s against 5.46–5.61 s (4 pairs, every pair
//   faster), a correction 2.22–2.91 s against 2.27–2.99 s (4 of 5 pairs faster), about 5 % less
//   CPU; peak RSS about 35 MiB higher cold, 10–15 MiB after a correction. The peer build was
//   as fast with it as without (3 pairs).
export const nodeFlags = ['--expose-gc', '--initial-old-space-size=96'];
