import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { StageCache } from './key.ts';
import { asEnvironmentError } from '../errors/errors.ts';
import { isRunning } from '../util/process.ts';

let written = 0;

/** What the stage cache of a project may hold before the least recently used entries go. */
export const CACHE_LIMIT_BYTES = 256 * 1024 * 1024;

/** The first word of every entry's header; a file without it was not written by this store. */
const MAGIC = 'csi-cache/1';

/**
 * The stage cache on disk, in `.cache/` of the project.
 *
 * Every entry is verified before it is served: its first line records the key it was stored
 * under, the length of its content and the SHA-256 of that content, and a read checks all
 * three. A truncated, zero-filled, garbled or edited entry, or a file copied in from another
 * key, is removed and reported through `notice` (one line), and the stage makes its result
 * again — so damage to `.cache/` costs time, never a wrong published byte.
 *
 * Entries are written to a temporary name and renamed, so a killed build never leaves a
 * half-written entry behind. An entry read is marked as used (its modification time), so
 * `pruneCache` keeps what builds still use. A write the disk refuses is reported and skipped:
 * the cache only saves work.
 */
export function fileCache(dir: string, notice: (message: string) => void = () => undefined): StageCache {
  mkdirSync(dir, { recursive: true });
  let refused = false;
  return {
    get: (key) => {
      const path = join(dir, key);
      let file: Buffer;
      try {
        file = readFileSync(path);
      } catch {
        return undefined;
      }
      const opened = openEntry(key, file);
      if (typeof opened === 'string') {
        rmSync(path, { force: true });
        notice(`.cache/${key}: ${opened}; removed, and made again`);
        return undefined;
      }
      try {
        const now = new Date();
        utimesSync(path, now, now);
      } catch {
        // A cache that cannot be marked still serves; pruning then goes by age alone.
      }
      return opened;
    },
    set: (key, value) => {
      // Unique to this thread: countries of `build --all` write from threads of one process.
      const temp = join(dir, `.${key}.${process.pid}.${threadId}.${(written += 1)}`);
      try {
        // The header, then the content: not copied into one buffer first, as the largest
        // entries (the memo tables) are megabytes.
        const { header, content } = sealEntry(key, value);
        writeFileSync(temp, header);
        appendFileSync(temp, content);
        renameSync(temp, join(dir, key));
      } catch (error) {
        rmSync(temp, { force: true });
        const environment = asEnvironmentError(error, { path: dir });
        if (environment === error) throw error;
        // Said once a build: every later entry would meet the same full disk.
        if (!refused) notice(`${(environment as Error).message} Work is not kept for the next build.`);
        refused = true;
      }
    },
  };
}

/** An entry as stored: a header line naming key, length and digest, then the content. */
function sealEntry(key: string, value: string | Uint8Array): { header: Buffer; content: Buffer } {
  const content = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const header = `${MAGIC} ${key} ${content.length} ${createHash('sha256').update(content).digest('hex')}\n`;
  return { header: Buffer.from(header, 'latin1'), content };
}

/** The content of a stored entry, or why it cannot be trusted. */
export function openEntry(key: string, file: Buffer): Uint8Array | string {
  const end = file.indexOf(0x0a);
  const header = end > 0 && end < 512 ? file.subarray(0, end).toString('latin1').split(' ') : [];
  if (header.length !== 4 || header[0] !== MAGIC) return 'not an entry of this cache (no header)';
  const [, storedKey, length, sha] = header as [string, string, string, string];
  if (storedKey !== key) return `an entry of another key (${storedKey.slice(0, 40)})`;
  const content = file.subarray(end + 1);
  if (String(content.length) !== length) return `${content.length} bytes where ${length} were written (cut short or added to)`;
  if (createHash('sha256').update(content).digest('hex') !== sha) return 'its content does not match its digest (damaged)';
  return content;
}

/**
 * Removes the temporary files of processes that no longer run (a build killed while writing
 * an entry). Returns their names.
 */
export function removeStrayEntries(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => {
    const temp = /^\..+\.(\d+)\.\d+\.\d+$/.exec(name);
    if (!temp || Number(temp[1]) === process.pid || isRunning(Number(temp[1]))) return false;
    rmSync(join(dir, name), { force: true });
    return true;
  });
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
