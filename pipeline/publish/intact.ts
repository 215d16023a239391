import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from './manifest.ts';

/** True when every file the manifest lists is in the output folder with the same content. */
export function outputsIntact(outputDir: string, manifest: Manifest, digest: (bytes: Uint8Array) => string): boolean {
  return Object.entries(manifest.files).every(([path, expected]) => {
    const file = join(outputDir, path);
    return existsSync(file) && digest(readFileSync(file)) === expected;
  });
}
