import { readFileSync, statSync } from 'node:fs';
import { digest } from '../util/digest.ts';

/**
 * Digests of files' contents, each worked out once per file and change (its path, size,
 * inode, and modification and change times): font files enter cache keys by what they are,
 * not where they lie. One per build memory (`BuildMemory.files`), shared by the chart cache's
 * theme digest, the layout cache's keys and the broken lines' keys.
 */
export class FileDigests {
  private readonly known = new Map<string, string>();

  /** The digest of `file`'s content. */
  of(file: string): string {
    const { size, ino, mtimeMs, ctimeMs } = statSync(file);
    const key = `${file}|${size}|${ino}|${mtimeMs}|${ctimeMs}`;
    let known = this.known.get(key);
    if (known === undefined) {
      known = digest(readFileSync(file));
      this.known.set(key, known);
    }
    return known;
  }
}
