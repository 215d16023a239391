import { packageRoot } from '../util/package-root.ts';
import { sourceVersion } from './tree-digest.mjs';

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
  return sourceVersion(root).version;
}
