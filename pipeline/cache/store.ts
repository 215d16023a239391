import { createHash, randomInt, webcrypto } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { StageCache } from './key.ts';
import { asEnvironmentError } from '../errors/errors.ts';
import { isRunning } from '../util/process.ts';

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
 *
 * Writing is not the build's work: `set` hands the entry to Node's I/O threads (its digest
 * by Web Crypto, its file by `fs/promises`) and returns, so the build's thread does not wait
 * for a few hundred files to be created on disk. Until its file is in place an entry is
 * served from memory; `flush` waits for every entry set so far. The value given to `set` is
 * written as it is then, and must not be changed afterwards.
 */
export function fileCache(dir: string, notice: (message: string) => void = () => undefined): StageCache {
  mkdirSync(dir, { recursive: true });
  let refused = false;
  let failure: unknown;
  /** Entries set whose file is not in place yet: what `get` serves meanwhile, and the write each waits for. */
  const pending = new Map<string, { content: Uint8Array; written: Promise<void> }>();
  // Files are written under a temporary name first, unique to the process and thread (countries
  // of `build --all` write from threads of one process) and to this store, the process id where
  // `removeStrayEntries` looks for it.
  const store = randomInt(1_000_000);
  let count = 0;
  const temporary = (key: string) => join(dir, `.${key}.${process.pid}.${threadId}.${store}${String((count += 1)).padStart(6, '0')}`);
  const write = async (key: string, content: Uint8Array, before: Promise<void> | undefined): Promise<void> => {
    // A second entry of a key (a memo table saved again) is written after the first.
    await before;
    const temp = temporary(key);
    try {
      const sha = Buffer.from(await webcrypto.subtle.digest('SHA-256', content as Uint8Array<ArrayBuffer>)).toString('hex');
      await writeFile(temp, [Buffer.from(headerOf(key, content.length, sha), 'latin1'), content]);
      await rename(temp, join(dir, key));
    } catch (error) {
      await rm(temp, { force: true });
      const environment = asEnvironmentError(error, { path: dir });
      if (environment === error) {
        failure ??= error;
        return;
      }
      // Said once a build: every later entry would meet the same full disk.
      if (!refused) notice(`${(environment as Error).message} Work is not kept for the next build.`);
      refused = true;
    }
  };
  return {
    get: (key) => {
      const waiting = pending.get(key);
      if (waiting) return waiting.content;
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
      const content = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
      const entry = { content, written: Promise.resolve() };
      entry.written = write(key, content, pending.get(key)?.written).finally(() => {
        if (pending.get(key) === entry) pending.delete(key);
      });
      pending.set(key, entry);
    },
    flush: async () => {
      while (pending.size > 0) await Promise.all([...pending.values()].map((entry) => entry.written));
      const error = failure;
      failure = undefined;
      if (error !== undefined) throw error;
    },
  };
}

/** The first line of an entry as stored: key, length and digest of the content after it. */
function headerOf(key: string, length: number, sha: string): string {
  return `${MAGIC} ${key} ${length} ${sha}\n`;
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
