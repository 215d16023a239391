import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { packageRoot } from '../util/package-root.ts';
import { hashSources } from './tree-digest.mjs';

let known: string | undefined;

/**
 * The pipeline's own version: the package version plus a digest of every source a build runs
 * and its locked dependencies (tree-digest.mjs, the same digest that decides when the
 * command's bundle is made again), so any change to the code that makes the documents
 * invalidates kept results and shows in the change report. Worked out once per process.
 */
export function pipelineVersion(): string {
  known ??= versionOf(packageRoot);
  return known;
}

/** The version of the pipeline whose package lies at `root`. */
export function versionOf(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return `${pkg.version}+${hashSources(createHash('sha256'), root).digest('hex').slice(0, 12)}`;
}
