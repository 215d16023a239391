// One way of digesting files for everything that must notice a change to them: the pipeline
// version (every source a build runs), the command's bundle (the same sources, made into one
// file) and a build's inputs (data, templates, configuration). Plain JavaScript, because the
// csi-report command digests the sources before any TypeScript is loaded.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Feeds `hash` every file under `paths` (relative to `root`; missing ones are skipped) that
 * `accept` takes, in a fixed order: each as its path relative to `root`, with "/" between
 * folders, and its bytes, each followed by a NUL. The digest therefore follows content and
 * names within the project, never where the project lies.
 *
 * @param {import('node:crypto').Hash} hash
 * @param {string} root
 * @param {readonly string[]} paths
 * @param {(name: string) => boolean} [accept]
 * @returns {import('node:crypto').Hash}
 */
export function hashTree(hash, root, paths, accept = () => true) {
  const visit = (path) => {
    const full = join(root, path);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) visit(join(path, name));
      return;
    }
    if (!accept(path)) return;
    hash.update(relative(root, full).split(sep).join('/')).update('\u0000').update(readFileSync(full)).update('\u0000');
  };
  for (const path of paths) visit(path);
  return hash;
}

/** What the pipeline is made of: its modules and the locked versions of what it uses. */
const SOURCES = ['pipeline', 'package.json', 'package-lock.json'];

/**
 * Feeds `hash` every source of the pipeline under `packageRoot`: the TypeScript and the plain
 * JavaScript of the worker threads, the package file and the lockfile. A change to any of them
 * changes the pipeline version (what kept results are filed under) and the command's bundle.
 *
 * @param {import('node:crypto').Hash} hash
 * @param {string} packageRoot
 * @returns {import('node:crypto').Hash}
 */
export function hashSources(hash, packageRoot) {
  return hashTree(hash, packageRoot, SOURCES, (path) => /\.m?[jt]s$/.test(path) || /^package(-lock)?\.json$/.test(path));
}

/**
 * The pipeline version of the package at `packageRoot` — its package version and a digest of
 * its sources — and the full digest. The csi-report command works it out once, for its bundle
 * and for the build it runs; the pipeline's own `pipelineVersion` gives the same.
 *
 * @param {string} packageRoot
 * @returns {{ version: string; digest: string }}
 */
export function sourceVersion(packageRoot) {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  const digest = hashSources(createHash('sha256'), packageRoot).digest('hex');
  return { version: `${pkg.version}+${digest.slice(0, 12)}`, digest };
}
