import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunRequest } from './run.ts';
import { packageRoot } from './util/package-root.ts';

/** The outcome of one country's build in a batch. */
export interface BatchOutcome {
  /** Country id. */
  country: string;
  /** True when every edition was published. */
  ok: boolean;
  /** Exit code the country's build would have had alone. */
  exitCode: number;
  /** Editions published (`locale/document: pages`). */
  editions: string[];
  /** The error message, for a failed build. */
  error?: string;
  /** Wall time, ms. */
  ms: number;
}

/** Every country with a `country.yaml` under the data folder, sorted. */
export function listCountries(root: string, dataDir: string): string[] {
  const dir = join(root, dataDir, 'countries');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => existsSync(join(dir, name, 'country.yaml'))).sort();
}

/**
 * How many countries `build --all` builds at once: one for every two cores, as each build
 * keeps two busy (its own thread and the one that draws its PNGs), and never more than there
 * are countries. On the two-core benchmark machine two countries at once (the default and
 * the fixture country) took 8.8–9.5 s and peaked at 457–467 MiB, one at a time 9.9–11.0 s at
 * 346–361 MiB: a process stays under the 400 MiB a build keeps under.
 */
export function batchLanes(countries: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(Math.floor(cores / 2), countries));
}

/**
 * Builds every country in worker threads, `batchLanes` at once. A failing country does not
 * stop the others; each publishes on its own.
 */
export async function buildAll(request: Omit<RunRequest, 'country'>, countries: readonly string[], onProgress: (outcome: BatchOutcome | { country: string; started: true }) => void): Promise<BatchOutcome[]> {
  const queue = [...countries];
  const outcomes: BatchOutcome[] = [];
  const lanes = batchLanes(queue.length);
  const lane = async () => {
    for (let country = queue.shift(); country !== undefined; country = queue.shift()) {
      onProgress({ country, started: true });
      const outcome = await buildInWorker({ ...request, country });
      outcomes.push(outcome);
      onProgress(outcome);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return outcomes.sort((a, b) => a.country.localeCompare(b.country));
}

function buildInWorker(request: RunRequest & { country: string }): Promise<BatchOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    // A function cannot cross to a thread; the worker prints its notices itself.
    const { onNotice: _onNotice, ...data } = request;
    const worker = new Worker(join(packageRoot, 'pipeline', 'batch-thread.mjs'), { workerData: data });
    let settled = false;
    const finish = (outcome: Omit<BatchOutcome, 'ms' | 'country'>) => {
      if (settled) return;
      settled = true;
      resolve({ country: request.country, ms: performance.now() - started, ...outcome });
    };
    worker.on('message', (message: Omit<BatchOutcome, 'ms' | 'country'>) => finish(message));
    worker.on('error', (error: Error) => finish({ ok: false, exitCode: 1, editions: [], error: error.message }));
    worker.on('exit', (code) => finish({ ok: false, exitCode: code || 1, editions: [], error: `the worker stopped (exit ${code})` }));
  });
}
