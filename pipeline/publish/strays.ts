import { existsSync, lstatSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isRunning } from '../util/process.ts';
import { parseBuildFile } from '../util/output-names.ts';

/**
 * Removes what a killed build of `country` left in the output folder: version folders under
 * `.versions/` that the country's link does not point to (a folder half written, or the old
 * edition of a build killed just after the link was swapped), a temporary link of a swap, and
 * the temporary files of a lock or of the published state (util/output-names.ts). Runs under
 * the country's build lock, so no other build of the country is writing any of them. Returns what it removed, relative to the output folder.
 */
export function removeStrays(outputDir: string, country: string): string[] {
  const removed: string[] = [];
  const link = join(outputDir, country);
  let current: string | undefined;
  let linked = false;
  try {
    linked = lstatSync(link).isSymbolicLink();
    if (linked) current = resolve(outputDir, readlinkSync(link));
  } catch {
    // No edition published yet.
  }
  const escaped = country.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const versions = join(outputDir, '.versions');
  // A folder moved aside from an old plain output folder is the only copy of that edition
  // until a link points elsewhere; a digest-named folder not linked is never needed.
  const version = new RegExp(`^${escaped}-(?:[0-9a-f]{16}${linked && current && existsSync(current) ? '|unversioned' : ''})$`);
  for (const name of existsSync(versions) ? readdirSync(versions) : []) {
    const path = join(versions, name);
    if (version.test(name) && path !== current) {
      rmSync(path, { recursive: true, force: true });
      removed.push(`.versions/${name}`);
    }
  }
  for (const name of readdirSync(outputDir)) {
    const file = parseBuildFile(name);
    const pid = file?.pid;
    if (file?.country === country && pid !== undefined && pid !== process.pid && !isRunning(pid)) {
      rmSync(join(outputDir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}
