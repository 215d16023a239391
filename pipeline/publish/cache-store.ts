import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { StageCache } from '../cache.ts';

let written = 0;

/** What the stage cache of a project may hold before the least recently used entries go. */
export const CACHE_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * The stage cache on disk, in `.cache/` of the project. Entries are written to a temporary
 * name and renamed, so a killed build never leaves a half-written entry behind. An entry read
 * is marked as used (its modification time), so `pruneCache` keeps what builds still use.
 */
export function fileCache(dir: string): StageCache {
  mkdirSync(dir, { recursive: true });
  return {
    get: (key) => {
      const path = join(dir, key);
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(path);
      } catch {
        return undefined;
      }
      try {
        const now = new Date();
        utimesSync(path, now, now);
      } catch {
        // A cache that cannot be marked still serves; pruning then goes by age alone.
      }
      return bytes;
    },
    set: (key, value) => {
      // Unique to this thread: countries of `build --all` write from threads of one process.
      const temp = join(dir, `.${key}.${process.pid}.${threadId}.${(written += 1)}`);
      writeFileSync(temp, value);
      renameSync(temp, join(dir, key));
    },
  };
}

/**
 * Keeps the cache under `limit` bytes by removing the entries used longest ago: every build
 * adds the PDFs and pictures it made, and a new pipeline version starts its kept work anew,
 * so without a bound the folder only grows. Returns the number of entries removed.
 */
export function pruneCache(dir: string, limit = CACHE_LIMIT_BYTES): number {
  let entries: { path: string; size: number; used: number }[];
  try {
    entries = readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .map((name) => {
        const path = join(dir, name);
        const { size, mtimeMs } = statSync(path);
        return { path, size, used: mtimeMs };
      });
  } catch {
    return 0;
  }
  let total = entries.reduce((sum, entry) => sum + entry.size, 0);
  let removed = 0;
  for (const entry of entries.sort((a, b) => a.used - b.used)) {
    if (total <= limit) break;
    try {
      unlinkSync(entry.path);
      total -= entry.size;
      removed += 1;
    } catch {
      // Removed by another build meanwhile.
    }
  }
  return removed;
}
