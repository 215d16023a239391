import { createHash } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { InputError } from '../errors/errors.ts';
import { outputMarker, swapName, versionMarker } from '../util/output-names.ts';

/** A file to publish, relative to the output folder. */
export interface OutputFile {
  /** Path below the output folder, forward slashes, starting with the country folder. */
  path: string;
  /** Content. */
  bytes: string | Uint8Array;
}

/**
 * Publishes a country's files so that a reader — or the next build — sees either the whole
 * previous edition or the whole new one, never a mix, even when the build is killed midway.
 *
 * Every version is a complete folder `output/.versions/<country>-<digest>/`, named by a digest
 * of its content; `output/<country>` is a symbolic link to the current one. A new version is
 * written beside the old (files the build did not make — other locales of a partial build —
 * are carried over as hard links), and the link is replaced by an atomic rename. Only then is
 * the old version removed.
 */
export function writeAtomically(outputDir: string, files: readonly OutputFile[], keep: (path: string) => boolean = () => true): string[] {
  const countries = new Set(files.map((file) => file.path.split('/')[0]!));
  for (const country of countries) {
    publishCountry(outputDir, country, files.filter((file) => file.path.startsWith(`${country}/`)), keep);
  }
  return files.map((file) => file.path);
}

/** `keep` says which files of the previous version (path below the country folder) the new one carries over. */
function publishCountry(outputDir: string, country: string, files: readonly OutputFile[], keep: (path: string) => boolean): void {
  const versions = join(outputDir, '.versions');
  mkdirSync(versions, { recursive: true });
  markOutputFolder(outputDir);
  const link = join(outputDir, country);
  const previous = currentVersion(outputDir, link);
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) hash.update(file.path).update('\u0000').update(file.bytes).update('\u0000');
  const next = join(versions, `${country}-${hash.digest('hex').slice(0, 16)}`);
  if (previous === next) return;
  // A folder of the same name can only be the remains of a build killed while writing it.
  rmSync(next, { recursive: true, force: true });
  try {
    const own = new Set(files.map((file) => file.path.slice(country.length + 1)));
    if (previous) carryOver(previous, next, new Set([...own, versionMarker]), keep);
    mkdirSync(next, { recursive: true });
    writeFileSync(join(next, versionMarker), 'A version of a country\'s editions, written by csi-report.\n');
    for (const file of files) {
      const target = join(next, file.path.slice(country.length + 1));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.bytes);
    }
    swapLink(outputDir, link, next);
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    throw error;
  }
  if (previous && previous.startsWith(versions)) rmSync(previous, { recursive: true, force: true });
}

/**
 * The folder `output/<country>` stands for now. A plain folder there is moved into `.versions/`
 * only when this pipeline made it (it holds the version marker): a folder of anyone else's is
 * never moved or replaced.
 */
function currentVersion(outputDir: string, link: string): string | undefined {
  if (!existsSync(link)) {
    if (lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) rmSync(link, { force: true }); // a dangling link
    return undefined;
  }
  if (lstatSync(link).isSymbolicLink()) return join(outputDir, readlinkSync(link));
  if (!existsSync(join(link, versionMarker))) {
    throw new InputError([{ place: { file: link }, message: 'this folder was not made by csi-report, so the build will not replace it', hint: 'Move it away, or choose another output folder, then build again.', severity: 'error' }]);
  }
  const moved = join(outputDir, '.versions', `${link.split('/').pop()}-unversioned`);
  rmSync(moved, { recursive: true, force: true });
  renameSync(link, moved);
  return moved;
}

/** Hard-links every file of `from` that the new version does not write itself and keeps. */
function carryOver(from: string, to: string, own: ReadonlySet<string>, keep: (path: string) => boolean, prefix = ''): void {
  for (const entry of readdirSync(join(from, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) carryOver(from, to, own, keep, path);
    else if (!own.has(path) && keep(path)) {
      mkdirSync(dirname(join(to, path)), { recursive: true });
      linkSync(join(from, path), join(to, path));
    }
  }
}

/** Points `link` at `target` in one rename: the link is never missing or half made. */
function swapLink(outputDir: string, link: string, target: string): void {
  const temp = join(dirname(link), swapName(basename(link), process.pid));
  rmSync(temp, { force: true });
  symlinkSync(relative(outputDir, target), temp);
  renameSync(temp, link);
}

/** Marks a folder the build made (or found empty) as its output, so later builds know it. */
export function markOutputFolder(outputDir: string): void {
  const marker = join(outputDir, outputMarker);
  if (!existsSync(marker)) writeFileSync(marker, 'This folder is written by csi-report; publishing replaces what is in it.\n');
}
