import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { CsiError, ExitCode } from '../errors/errors.ts';
import { isRunning } from '../util/process.ts';
import { lockName, temporaryName } from '../util/output-names.ts';

/** A held build lock; `release` gives it back. */
export interface BuildLock {
  /** The lock file. */
  file: string;
  /** Gives the lock back (only if it is still this build's). */
  release(): void;
}

/** How to take the lock. */
export interface LockOptions {
  /** Wait for a running build to finish (default); false: fail at once with exit 75. */
  wait?: boolean;
  /** Told once, when the build has to wait. */
  onWait?: (message: string) => void;
  /** How often to look again while waiting, in ms. */
  pollMs?: number;
}

/** Who holds a lock: written into the lock file. */
interface Holder {
  pid: number;
  /** The holder's start time as the kernel counts it, to tell a reused process id apart. */
  started?: string;
  thread?: number;
  token?: string;
}

/**
 * Takes a country's build lock in the output folder, for the whole build — reading the input,
 * comparing with the previous edition, publishing — so two builds of one country never race:
 * the second waits and then compares itself with what the first published.
 *
 * Safe across processes and within one: the lock file is made complete under a temporary
 * name and hard-linked into place, which fails when it exists, so there is never an empty or
 * half-written lock (a full disk leaves nothing behind). A lock is another build's as long as
 * its process runs, whether that is another process, another thread or this very one; a lock
 * whose process no longer runs — or whose process id now belongs to a process started later —
 * is taken over.
 */
export async function acquireBuildLock(outputDir: string, country: string, options: LockOptions = {}): Promise<BuildLock> {
  mkdirSync(outputDir, { recursive: true });
  const file = join(outputDir, lockName(country));
  const own: Holder = { pid: process.pid, started: startTime(process.pid), thread: threadId, token: randomBytes(8).toString('hex') };
  const content = JSON.stringify(own);
  let told = false;
  for (;;) {
    if (tryCreate(file, content)) {
      return {
        file,
        release: () => {
          if (readText(file) === content) rmSync(file, { force: true });
        },
      };
    }
    const text = readText(file);
    if (text === undefined) continue; // released meanwhile
    const holder = parseHolder(text);
    if (!holder || !holderRuns(holder)) {
      takeOver(file, text);
      continue;
    }
    const who = holder.pid === process.pid ? 'this process' : `process ${holder.pid}`;
    if (options.wait === false) {
      throw new CsiError(`another build of ${country} (${who}) is writing to ${outputDir}; run again when it has finished, or leave out --no-wait to wait for it.`, ExitCode.busy);
    }
    if (!told) options.onWait?.(`waiting for another build of ${country} (${who}) to finish… (--no-wait stops instead)`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
  }
}

/** Makes the lock file with its full content, or returns false when it exists. */
function tryCreate(file: string, content: string): boolean {
  const temp = temporaryName(file, process.pid, `${threadId}.${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(temp, content);
    try {
      linkSync(temp, file);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      // A file system without hard links: exclusive creation, then the content.
      return createExclusive(file, content);
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

function createExclusive(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } catch (error) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw error;
  }
  closeSync(fd);
  return true;
}

/**
 * Removes a lock judged stale — but only the one judged: it is renamed aside first, and if
 * what was renamed is not what was read (another build took the lock in between), it is put
 * back.
 */
function takeOver(file: string, stale: string): void {
  const aside = temporaryName(file, process.pid, `${threadId}.${randomBytes(4).toString('hex')}`, 'stale');
  try {
    renameSync(file, aside);
  } catch {
    return; // gone already
  }
  if (readText(aside) !== stale) {
    try {
      linkSync(aside, file);
    } catch {
      // Another build holds a newer lock; the one put aside was taken over meanwhile.
    }
  }
  rmSync(aside, { force: true });
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The holder named by a lock file: JSON, or a bare process id (older builds). */
function parseHolder(text: string): Holder | undefined {
  if (/^\s*\d+\s*$/.test(text)) return { pid: Number(text) };
  try {
    const holder = JSON.parse(text) as Holder;
    return Number.isInteger(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

function holderRuns(holder: Holder): boolean {
  if (!isRunning(holder.pid)) return false;
  // The same id, but a process started at another time: the holder died and its id was reused.
  const started = startTime(holder.pid);
  return holder.started === undefined || started === undefined || started === holder.started;
}

/** A process's start time in clock ticks since boot (Linux /proc); undefined elsewhere. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
