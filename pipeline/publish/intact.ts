import { join } from 'node:path';
import type { Manifest } from './manifest.ts';

/**
 * True when every file the manifest lists is in the output folder with the same content:
 * `sha256Of` gives a file's SHA-256 (hex), undefined when it is missing; the manifest records
 * its first 16 hex digits (util/digest.ts).
 */
export function outputsIntact(outputDir: string, manifest: Manifest, sha256Of: (path: string) => string | undefined): boolean {
  return Object.entries(manifest.files).every(([path, expected]) => sha256Of(join(outputDir, path))?.slice(0, 16) === expected);
}
