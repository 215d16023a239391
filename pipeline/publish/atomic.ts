import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file to publish, relative to the output folder. */
export interface OutputFile {
  /** Path below the output folder, forward slashes. */
  path: string;
  /** Content. */
  bytes: string | Uint8Array;
}

/**
 * Writes files so that a reader never sees a half-written one: everything is first written
 * into a staging folder inside the output folder (same file system, so rename is atomic),
 * and only when every file is written are they renamed into place. A failure before that
 * point leaves every previously published file untouched.
 */
export function writeAtomically(outputDir: string, files: readonly OutputFile[]): string[] {
  const staging = join(outputDir, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const target = join(staging, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.bytes);
    }
    for (const file of files) {
      const target = join(outputDir, file.path);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(staging, file.path), target);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return files.map((file) => file.path);
}
