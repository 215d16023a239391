import { createHash } from 'node:crypto';
import { sep } from 'node:path';
import type { FileStamps } from './stamps.mjs';
import { hashTree } from './tree-digest.mjs';

/**
 * A digest of every file a build of one country can read: its data, the frameworks, the
 * templates and the configuration, with `extra` (the pipeline version, the request). Equal
 * digests mean the build would give the same outputs. `stamps` remembers the digests of files
 * that did not change (stamps.mjs). Also the files it digested, relative to `root` with forward
 * slashes, in the order it read them.
 */
export function digestInputs(root: string, paths: readonly string[], extra: readonly string[], stamps?: FileStamps): { digest: string; files: string[] } {
  const files: string[] = [];
  const hash = hashTree(createHash('sha256'), root, paths, (path: string) => files.push(path.split(sep).join('/')) > 0, stamps);
  for (const part of extra) hash.update(part).update('\u0000');
  return { digest: hash.digest('hex').slice(0, 32), files };
}
