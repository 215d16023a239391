import { createHash } from 'node:crypto';
import { hashTree } from './tree-digest.mjs';

/**
 * A digest of every file a build of one country can read: its data, the frameworks, the
 * templates and the configuration, with `extra` (the pipeline version, the request). Equal
 * digests mean the build would give the same outputs.
 */
export function digestInputs(root: string, paths: readonly string[], extra: readonly string[]): string {
  const hash = hashTree(createHash('sha256'), root, paths);
  for (const part of extra) hash.update(part).update('\u0000');
  return hash.digest('hex').slice(0, 32);
}
