import { writeFileSync } from 'node:fs';

// Preloaded (`node --import`) into a child build so it reports its own peak memory: the RSS
// high-water mark of the process, in kilobytes, written when it exits to the file named by
// BENCH_MAXRSS_FILE. Plain JavaScript, so it needs no loader of its own.
const file = process.env.BENCH_MAXRSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
