// File digests remembered with what the file system says of each file, so that a start or a
// rebuild with nothing changed does not read and digest every source, chunk, input and output
// again. Plain JavaScript: the csi-report command uses it before any TypeScript is loaded.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A file's stamp is its size, inode, and the nanosecond times of its last change of content
 * (mtime) and of any change at all (ctime, which the kernel sets on every write and no one can
 * set back). A remembered digest is used only while all four are what they were when it was
 * recorded. The kernel takes these times from a clock that advances in ticks of a few
 * milliseconds, so a file written again within the tick in which it was read would keep its
 * stamp with other bytes (git's "racy" files). A digest is therefore recorded only for a file
 * whose last change was at least `SETTLED_NS` before it was read — any later write gets a later
 * ctime — and whose stamp did not change while it was read. Any other file is digested from its
 * bytes again next time.
 */
const SETTLED_NS = 200_000_000n;

/** The sha256 of `bytes`, hex. */
export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

export class FileStamps {
  /**
   * @param {string | undefined} recordFile where the stamps are kept (read now, written by
   *   `save`); undefined keeps nothing and digests every file from its bytes.
   */
  constructor(recordFile) {
    this.recordFile = recordFile;
    /** @type {Map<string, [string, string, string, string, string]>} path → size, ino, mtimeNs, ctimeNs, digest */
    this.entries = new Map();
    this.changed = false;
    /** @type {Set<string>} the files asked about by this process */
    this.used = new Set();
    if (!recordFile) return;
    try {
      const saved = JSON.parse(readFileSync(recordFile, 'utf8'));
      if (saved && saved.format === 1 && saved.entries && typeof saved.entries === 'object') {
        for (const [path, entry] of Object.entries(saved.entries)) {
          if (Array.isArray(entry) && entry.length === 5 && entry.every((part) => typeof part === 'string')) this.entries.set(path, entry);
        }
      }
    } catch {
      // None kept yet, or unreadable: every file is digested from its bytes.
    }
  }

  /**
   * The sha256 (hex) of the file at `path`, or undefined when there is no such file. Read
   * from its bytes unless its stamp is the one recorded with its digest.
   *
   * @param {string} path
   * @returns {string | undefined}
   */
  digest(path) {
    let stat;
    try {
      stat = statSync(path, { bigint: true });
    } catch {
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    this.used.add(path);
    const readAt = BigInt(Date.now()) * 1_000_000n;
    const stamp = [String(stat.size), String(stat.ino), String(stat.mtimeNs), String(stat.ctimeNs)];
    const known = this.entries.get(path);
    if (known && known[0] === stamp[0] && known[1] === stamp[1] && known[2] === stamp[2] && known[3] === stamp[3]) return known[4];
    let bytes;
    try {
      bytes = readFileSync(path);
    } catch {
      return undefined;
    }
    const digest = sha256(bytes);
    const after = statSync(path, { bigint: true });
    if (this.recordFile && after.mtimeNs === stat.mtimeNs && after.ctimeNs === stat.ctimeNs && after.size === stat.size && after.ino === stat.ino && readAt - stat.ctimeNs >= SETTLED_NS) {
      this.entries.set(path, [...stamp, digest]);
      this.changed = true;
    } else if (known) {
      this.entries.delete(path);
      this.changed = true;
    }
    return digest;
  }

  /**
   * Writes the stamps of the files this process asked about, when any was added or dropped
   * (the stamps of files no longer asked about — an older bundle's, a removed input's — go),
   * whole or not at all; a folder that cannot be written to keeps none.
   */
  save() {
    if (!this.recordFile) return;
    for (const path of this.entries.keys()) {
      if (this.used.has(path)) continue;
      this.entries.delete(path);
      this.changed = true;
    }
    if (!this.changed) return;
    // Named as the stage cache names what it is writing (a dot, the name, the process), so a
    // start killed meanwhile leaves a file the next one recognises and removes.
    const temp = join(dirname(this.recordFile), `.${basename(this.recordFile)}.${process.pid}.${Date.now()}.0`);
    try {
      writeFileSync(temp, JSON.stringify({ format: 1, entries: Object.fromEntries(this.entries) }));
      renameSync(temp, this.recordFile);
      this.changed = false;
    } catch {
      // A read-only project or package: the next start digests from the bytes again.
    }
  }
}
