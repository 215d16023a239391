import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the csi-report package: the nearest folder above this module whose
 * package.json names it. The pipeline runs from its TypeScript sources (tests, tsx) or from
 * a bundle of them (bin/csi-report.js); both find their sources and worker entry through it.
 */
function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'csi-report') return dir;
    if (dirname(dir) === dir) throw new Error(`no csi-report package.json above ${start}`);
  }
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
