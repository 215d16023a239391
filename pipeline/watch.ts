import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { InputReader } from './input/read.ts';
import { readConfig } from './ingest/config.ts';
import { runPipeline, type RunRequest, type RunResult } from './run.ts';
import { BuildMemory } from './build/memory.ts';

/**
 * `csi-report watch`: builds once, then again after every change to the data, templates or
 * configuration (changes within 100 ms count as one: an editor's save, a script's several
 * writes). An input error is reported and the watcher goes on; it stops on Ctrl-C or when
 * `signal` aborts.
 */
export async function watchAndBuild(request: RunRequest, onBuilt: (result: RunResult) => void, onError: (error: unknown) => void, signal?: AbortSignal): Promise<number> {
  const config = readConfig(new InputReader(request.root), request.configPath);
  const dataDir = config?.dataDir ?? 'data';
  const templatesDir = config?.templatesDir ?? 'templates';
  // One memory for every build of the watcher: each correction starts from what the builds before it worked out.
  const memory = new BuildMemory();
  let building = false;
  let again = false;
  let stopped = false;
  // Settles when the build under way has ended (at once when none is).
  let ended = Promise.resolve();
  const build = async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    let end!: () => void;
    ended = new Promise<void>((resolve) => (end = resolve));
    try {
      // Within a build, garbage is collected only when the process has grown past its budget
      // (util/memory.ts), as in a single build: a watcher lives through many builds, and V8
      // left alone lets each build's garbage pile up to several hundred megabytes.
      onBuilt(await runPipeline({ ...request, memory, checkOnly: false }));
    } catch (error) {
      onError(error);
    } finally {
      building = false;
      if (again && !stopped) {
        again = false;
        void build();
      } else {
        // Then, once the report is out and while the person reads it, what the build left
        // is collected, so the next one starts small (the build ends its PNG thread itself).
        await memory.heap.collect();
      }
      end();
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void build(), 100);
  };
  const watchers: FSWatcher[] = [
    watch(join(request.root, dataDir), { recursive: true }, changed),
    watch(join(request.root, templatesDir), { recursive: true }, changed),
    watch(join(request.root, request.configPath), changed),
  ];
  console.log(`watching ${dataDir}/, ${templatesDir}/ and ${request.configPath} — Ctrl-C to stop`);
  await build();
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    if (signal?.aborted) return stop();
    process.once('SIGINT', stop);
    signal?.addEventListener('abort', stop);
  });
  stopped = true;
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  // A build under way finishes, publishing all its files or none, before the watcher returns.
  await ended;
  memory.heap.stop();
  return 0;
}
