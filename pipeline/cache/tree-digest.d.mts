import type { Hash } from 'node:crypto';

/** See tree-digest.mjs. */
export function hashTree(hash: Hash, root: string, paths: readonly string[], accept?: (name: string) => boolean): Hash;

/** See tree-digest.mjs. */
export function hashSources(hash: Hash, packageRoot: string): Hash;

/** See tree-digest.mjs. */
export function sourceVersion(packageRoot: string): { version: string; digest: string };
