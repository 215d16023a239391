import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { InputReader } from './ingest/read.ts';
import { readConfig } from './ingest/config.ts';
import { runPipeline, type RunRequest, type RunResult } from './run.ts';

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
  let building = false;
  let again = false;
  const build = async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    try {
      // A watcher rebuilds again and again: collecting garbage after each document would cost
      // it a full collection in nearly every build (see util/memory.ts).
      onBuilt(await runPipeline({ ...request, checkOnly: false, releaseMemory: false }));
    } catch (error) {
      onError(error);
    } finally {
      building = false;
      if (again) {
        again = false;
        void build();
      }
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
    process.once('SIGINT', stop);
    signal?.addEventListener('abort', stop);
  });
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  return 0;
}
