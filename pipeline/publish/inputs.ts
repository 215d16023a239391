import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Manifest } from './manifest.ts';

/**
 * A digest of every file a build of one country can read: its data, the frameworks, the
 * templates and the configuration. Equal digests (with the same pipeline version and request)
 * mean the build would give the same outputs.
 */
export function digestInputs(root: string, paths: readonly string[], extra: readonly string[]): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    const full = join(root, path);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) visit(join(path, name));
      return;
    }
    hash.update(relative(root, full)).update('\u0000').update(readFileSync(full)).update('\u0000');
  };
  for (const path of paths) visit(path);
  for (const part of extra) hash.update(part).update('\u0000');
  return hash.digest('hex').slice(0, 32);
}

/** True when every file the manifest lists is in the output folder with the same content. */
export function outputsIntact(outputDir: string, manifest: Manifest, digest: (bytes: Uint8Array) => string): boolean {
  return Object.entries(manifest.files).every(([path, expected]) => {
    const file = join(outputDir, path);
    return existsSync(file) && digest(readFileSync(file)) === expected;
  });
}
