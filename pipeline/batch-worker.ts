import { parentPort, workerData } from 'node:worker_threads';
import { CsiError, ExitCode, asEnvironmentError } from './errors/errors.ts';
import { runPipeline, type RunRequest } from './run.ts';

/** One country of a batch, in its own thread: reports its outcome to the parent. */
const request = workerData as RunRequest;
try {
  const result = await runPipeline({ ...request, onNotice: (message) => console.error(`csi-report: ${request.country}: ${message}`) });
  parentPort!.postMessage({ ok: true, exitCode: ExitCode.ok, editions: result.editions.map((e) => `${e.locale}/${e.document}: ${e.pages} pages`) });
} catch (thrown) {
  // A full disk or a refused permission is the machine's answer, reported as such (exit 74).
  const error = asEnvironmentError(thrown);
  const exitCode = error instanceof CsiError ? error.exitCode : ExitCode.internal;
  parentPort!.postMessage({ ok: false, exitCode, editions: [], error: error instanceof Error ? error.message : String(error) });
}
