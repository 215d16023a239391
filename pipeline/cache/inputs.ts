import { createHash } from 'node:crypto';
import type { FileStamps } from './stamps.mjs';
import { hashTree } from './tree-digest.mjs';

/**
 * A digest of every file a build of one country can read: its data, the frameworks, the
 * templates and the configuration, with `extra` (the pipeline version, the request). Equal
 * digests mean the build would give the same outputs. `stamps` remembers the digests of files
 * that did not change (stamps.mjs).
 */
export function digestInputs(root: string, paths: readonly string[], extra: readonly string[], stamps?: FileStamps): string {
  const hash = hashTree(createHash('sha256'), root, paths, undefined, stamps);
  for (const part of extra) hash.update(part).update('\u0000');
  return hash.digest('hex').slice(0, 32);
}
