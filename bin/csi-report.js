#!/usr/bin/env -S node --expose-gc --initial-old-space-size=96
// The csi-report command. It runs the pipeline from one bundle of its TypeScript sources,
// made with esbuild on first use and again whenever a source, the lockfile or esbuild
// changes, and kept in node_modules/.cache/csi-report/. Loading one bundle instead of
// transpiling a hundred modules at every start saves about half a second a run.
// Node runs it with the flags of pipeline/util/node-flags.mjs (this first line, and npm start
// and npm run check the same way): --expose-gc lets a build collect each finished document's
// garbage before the next, and the old generation starts at the size a build grows to.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileStamps, sha256 } from '../pipeline/cache/stamps.mjs';
import { sourceVersion } from '../pipeline/cache/tree-digest.mjs';
import { bundleOptions, threadEntries } from '../pipeline/util/bundle-options.mjs';
import { exitWhenWritten } from '../pipeline/util/exit.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'pipeline');
const cacheDir = join(root, 'node_modules', '.cache', 'csi-report');

/**
 * The digests of the sources and the bundle's files, remembered with each file's stamp
 * (stamps.mjs): a start reads again only the files that changed.
 */
const stamps = new FileStamps(join(cacheDir, 'stamps.json'));

/** The pipeline's version and the digest of its sources (tree-digest.mjs), worked out once. */
const made = sourceVersion(root, stamps);

/** A digest of everything the bundle is made from: the pipeline's sources, esbuild's version and how this file bundles them. */
function bundleDigest(esbuildVersion) {
  return createHash('sha256').update(esbuildVersion).update('\0').update(readFileSync(fileURLToPath(import.meta.url))).update('\0').update(made.digest).digest('hex').slice(0, 16);
}

/** The name of the list of the bundle's files and their digests, written beside them. */
const SUMS = 'sums.json';

/** Every file below `dir` (relative paths, sorted), leaving out the list of digests. */
function filesOf(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesOf(dir, join(prefix, entry.name)) : [join(prefix, entry.name)]))
    .filter((file) => file !== SUMS)
    .sort();
}

/**
 * Why a kept bundle cannot be run, or undefined when every file is there with the digest
 * recorded when it was made and nothing was added. The bundle is code: a truncated chunk or
 * a changed byte must never run. Source maps run nothing and are read only under --debug;
 * their digests are checked then.
 */
function bundleDamage(dir, withMaps) {
  let sums;
  try {
    sums = JSON.parse(readFileSync(join(dir, SUMS), 'utf8'));
  } catch {
    return `${SUMS} is missing or unreadable`;
  }
  const files = filesOf(dir);
  const listed = Object.keys(sums).sort();
  if (files.join('\n') !== listed.join('\n')) return 'its files are not the ones it was made with';
  for (const file of files) {
    if (!withMaps && file.endsWith('.map')) continue;
    if (stamps.digest(join(dir, file)) !== sums[file]) return `${file} does not match its digest`;
  }
  return undefined;
}

/**
 * Removes what starts killed while bundling or recording stamps left: `<digest>.<pid>.tmp`
 * folders and `.stamps.json.<pid>.<time>.0` files of processes gone.
 */
function removeStrayBundles() {
  for (const name of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
    const match = /^[0-9a-f]+\.(\d+)\.tmp$/.exec(name) ?? /^\.stamps\.json\.(\d+)\.\d+\.0$/.exec(name);
    if (match && !isRunning(Number(match[1]))) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The bundle's entry for the current sources, made when missing or damaged. */
async function bundle(withMaps) {
  const esbuildPackage = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8'));
  removeStrayBundles();
  const target = join(cacheDir, bundleDigest(esbuildPackage.version));
  const entry = join(target, 'cli.mjs');
  if (existsSync(target)) {
    const damage = bundleDamage(target, withMaps);
    if (damage === undefined) return entry;
    console.error(`csi-report: the kept bundle ${target} is damaged (${damage}); making it again`);
    rmSync(target, { recursive: true, force: true });
  }
  const { build } = await import('esbuild');
  // Built beside its final place and renamed into it, so a concurrent start never sees half a bundle.
  const scratch = `${target}.${process.pid}.tmp`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  await build({
    // The PNG and layout threads' entries beside the chunks (threadEntries).
    entryPoints: { cli: join(sources, 'cli.ts'), ...threadEntries(sources) },
    outdir: scratch,
    // Packages are loaded from node_modules except those published as many small modules,
    // which go into the bundle (pipeline/util/bundle-options.mjs).
    ...bundleOptions,
    splitting: true,
    sourcemap: 'linked',
    // .mjs: a folder inside node_modules is outside the project's "type": "module".
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  // The digest of every file, kept beside them and checked at every start (bundleDamage).
  writeFileSync(join(scratch, SUMS), JSON.stringify(Object.fromEntries(filesOf(scratch).map((file) => [file, sha256(readFileSync(join(scratch, file)))])), null, 1));
  // Older bundles go: a checkout that returns to older sources makes its bundle again, once.
  for (const old of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
    if (!old.includes('.') && join(cacheDir, old) !== target) rmSync(join(cacheDir, old), { recursive: true, force: true });
  }
  try {
    renameSync(scratch, target);
  } catch (error) {
    // Another start made the same bundle first; theirs is as good.
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(entry)) throw error;
  }
  return entry;
}

const argv = process.argv.slice(2);
const debug = argv.includes('--debug');
if (debug) process.setSourceMapsEnabled(true);
const entry = await bundle(debug);
stamps.save();
const { main } = await import(pathToFileURL(entry).href);
await exitWhenWritten(await main(argv, process.cwd(), { pipelineVersion: made.version }));
