import type { Hash } from 'node:crypto';
import type { FileStamps } from './stamps.mjs';

/** See tree-digest.mjs. */
export function hashTree(hash: Hash, root: string, paths: readonly string[], accept?: (name: string) => boolean, stamps?: FileStamps): Hash;

/** See tree-digest.mjs. */
export function hashSources(hash: Hash, packageRoot: string, stamps?: FileStamps): Hash;

/** See tree-digest.mjs. */
export function sourceVersion(packageRoot: string, stamps?: FileStamps): { version: string; digest: string };
