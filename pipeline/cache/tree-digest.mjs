// One way of digesting files for everything that must notice a change to them: the pipeline
// version (every source a build runs), the command's bundle (the same sources, made into one
// file) and a build's inputs (data, templates, configuration). Plain JavaScript, because the
// csi-report command digests the sources before any TypeScript is loaded.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { FileStamps } from './stamps.mjs';
import { join, sep } from 'node:path';

/**
 * Feeds `hash` every file under `paths` (relative to `root`; missing ones are skipped) that
 * `accept` takes, in a fixed order: each as its path relative to `root`, with "/" between
 * folders, and the sha256 of its bytes, each followed by a NUL. The digest therefore follows
 * content and names within the project, never where the project lies. `stamps` remembers each
 * file's sha256 with its stamp (stamps.mjs), so an unchanged file is not read again.
 *
 * @param {import('node:crypto').Hash} hash
 * @param {string} root
 * @param {readonly string[]} paths
 * @param {(name: string) => boolean} [accept]
 * @param {FileStamps} [stamps]
 * @returns {import('node:crypto').Hash}
 */
export function hashTree(hash, root, paths, accept = () => true, stamps = new FileStamps(undefined)) {
  const file = (path) => {
    if (!accept(path)) return;
    const digest = stamps.digest(join(root, path));
    if (digest !== undefined) hash.update(path.split(sep).join('/')).update('\u0000').update(digest).update('\u0000');
  };
  const folder = (path) => {
    const entries = readdirSync(join(root, path), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const inner = join(path, entry.name);
      // A link is followed to what it names, as reading it would.
      const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && statSync(join(root, inner), { throwIfNoEntry: false })?.isDirectory());
      if (isFolder) folder(inner);
      else file(inner);
    }
  };
  for (const path of paths) {
    const stat = statSync(join(root, path), { throwIfNoEntry: false });
    if (stat?.isDirectory()) folder(path);
    else if (stat) file(path);
  }
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
 * @param {FileStamps} [stamps]
 * @returns {import('node:crypto').Hash}
 */
export function hashSources(hash, packageRoot, stamps) {
  return hashTree(hash, packageRoot, SOURCES, (path) => /\.m?[jt]s$/.test(path) || /^package(-lock)?\.json$/.test(path), stamps);
}

/**
 * The pipeline version of the package at `packageRoot` — its package version and a digest of
 * its sources — and the full digest. The csi-report command works it out once, for its bundle
 * and for the build it runs; the pipeline's own `pipelineVersion` gives the same.
 *
 * @param {string} packageRoot
 * @param {FileStamps} [stamps]
 * @returns {{ version: string; digest: string }}
 */
export function sourceVersion(packageRoot, stamps) {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  const digest = hashSources(createHash('sha256'), packageRoot, stamps).digest('hex');
  return { version: `${pkg.version}+${digest.slice(0, 12)}`, digest };
}
