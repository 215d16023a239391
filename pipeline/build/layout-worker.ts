// A layout thread: lays out the documents it is offered and claims, one at a time, with the
// memo tables of the last build loaded, and at the end sends back what its tables learned.
import { parentPort, workerData } from 'node:worker_threads';
import { noCache } from '../cache/key.ts';
import { fileCache } from '../cache/store.ts';
import { Claims } from './claims.ts';
import type { ThreadReply, ThreadRequest, ThreadSetup } from './layout-job.ts';
import { JobRunner, openTheme } from './layout-runner.ts';
import { BROKEN_LINES } from '../layout/broken-lines.ts';
import { SHAPED_WORDS } from '../theme/shaped-words.ts';
import { BuildMemory } from './memory.ts';

const setup = workerData as ThreadSetup;
const port = parentPort!;
const claims = new Claims(setup.claims);
const post = (reply: ThreadReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
// The thread's own memory, with only the tables laying out uses loaded.
const memory = new BuildMemory();
if (setup.releaseMemory !== false) memory.heap.watch();
const cache = setup.cacheDir ? fileCache(setup.cacheDir) : noCache;
const notice = (message: string) => post({ kind: 'notice', message });
memory.memos.load(cache, setup.version, notice, [SHAPED_WORDS, BROKEN_LINES]);
const runner = new JobRunner({ style: setup.style, theme: openTheme(setup.theme, memory.fonts) }, memory.lines, { cache, version: setup.version, notice });

// Documents are offered as they are composed; each is laid out after the one before has
// ended, unless the main thread claimed it meanwhile.
let queue = Promise.resolve();
port.on('message', (request: ThreadRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: ThreadRequest): Promise<void> {
  if (request.kind === 'finish') {
    post({ kind: 'memos', grown: memory.memos.grown(setup.version) });
    memory.heap.stop();
    port.close();
    return;
  }
  if (!claims.take(request.index, 'thread')) return;
  try {
    const result = await runner.run(request.job);
    const bytes = result.bytes.slice();
    post({ kind: 'laid-out', index: request.index, result: { ...result, bytes } }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    post({ kind: 'failed', index: request.index, error: describe(error) });
  }
  await memory.heap.release(setup.releaseMemory);
}

function describe(error: unknown): { message: string; code?: string; name?: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? cause : error;
  return { message: inner.message, code: (inner as { code?: string }).code, name: inner.name };
}
