import { writeFileSync } from 'node:fs';

// Preloaded (`--import`) into a child build so it reports its own peak memory: the RSS
// high-water mark of the process, in kilobytes, written when it exits to the file named by
// BENCH_MAXRSS_FILE. tsx runs the script in a node process of its own; this module is loaded
// into that one, so the figure is the build's and not the launcher's.
const file = process.env.BENCH_MAXRSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
