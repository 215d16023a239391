import { parentPort, workerData } from 'node:worker_threads';
import { CsiError, ExitCode } from './errors/errors.ts';
import { runPipeline, type RunRequest } from './run.ts';

/** One country of a batch, in its own thread: reports its outcome to the parent. */
const request = workerData as RunRequest;
try {
  const result = await runPipeline(request);
  parentPort!.postMessage({ ok: true, exitCode: ExitCode.ok, editions: result.editions.map((e) => `${e.locale}/${e.document}: ${e.pages} pages`) });
} catch (error) {
  const exitCode = error instanceof CsiError ? error.exitCode : ExitCode.internal;
  parentPort!.postMessage({ ok: false, exitCode, editions: [], error: error instanceof Error ? error.message : String(error) });
}
