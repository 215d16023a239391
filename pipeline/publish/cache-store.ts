import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { StageCache } from '../cache.ts';

let written = 0;

/**
 * The stage cache on disk, in `.cache/` of the project. Entries are written to a temporary
 * name and renamed, so a killed build never leaves a half-written entry behind.
 */
export function fileCache(dir: string): StageCache {
  mkdirSync(dir, { recursive: true });
  return {
    get: (key) => {
      try {
        return readFileSync(join(dir, key));
      } catch {
        return undefined;
      }
    },
    set: (key, value) => {
      // Unique to this thread: countries of `build --all` write from threads of one process.
      const temp = join(dir, `.${key}.${process.pid}.${threadId}.${(written += 1)}`);
      writeFileSync(temp, value);
      renameSync(temp, join(dir, key));
    },
  };
}
