import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { packageRoot } from './util/package-root.ts';

let cached: string | undefined;

/**
 * The pipeline's own version: the package version plus a digest of its source and its locked
 * dependencies, so any change to the code that makes the documents invalidates cached results
 * and shows in the change report.
 */
export function pipelineVersion(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      // Every module a build runs: TypeScript and the plain JavaScript of the worker threads.
      else if (/\.(ts|mjs)$/.test(entry.name)) hash.update(entry.name).update(readFileSync(path));
    }
  };
  visit(join(packageRoot, 'pipeline'));
  const root = packageRoot;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  try {
    hash.update(readFileSync(join(root, 'package-lock.json')));
  } catch {
    // An installed copy without a lockfile: the source digest still tells versions apart.
  }
  cached = `${pkg.version}+${hash.digest('hex').slice(0, 12)}`;
  return cached;
}
