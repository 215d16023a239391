import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CsiError, ExitCode } from '../errors/errors.ts';

/** A held build lock; `release` gives it back. */
export interface BuildLock {
  release(): void;
}

/**
 * Takes the output folder's build lock, so two builds started at once cannot interleave their
 * writes or their comparison with the previous build. A lock left by a process that no longer
 * runs (killed mid-build) is taken over.
 */
export function acquireBuildLock(outputDir: string, country: string): BuildLock {
  mkdirSync(outputDir, { recursive: true });
  // One lock per country: a batch builds different countries side by side.
  const file = join(outputDir, `.build-${country}.lock`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (holder && holder !== process.pid && isRunning(holder)) {
        throw new CsiError(
          `another build (process ${holder}) is writing to ${outputDir}; wait for it to finish, or remove ${file} if no build is running.`,
          ExitCode.busy,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new CsiError(`could not take the build lock ${file}`, ExitCode.busy);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
