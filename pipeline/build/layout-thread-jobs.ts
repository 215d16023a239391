// A layout thread's work, once its entry (layout-worker.ts) has parsed the YAML files it was
// given: loads its code and the memo tables of the last build, while the main thread reads the
// inputs; then, told the build's style and theme, lays out the documents it is offered and
// claims, one at a time, and at the end sends back what its tables learned.
import { parentPort, workerData } from 'node:worker_threads';
import { noCache } from '../cache/key.ts';
import { fileCache } from '../cache/store.ts';
import { Claims } from './claims.ts';
import type { ThreadBoot, ThreadReply, ThreadRequest } from './layout-job.ts';
import { JobRunner, openTheme } from './layout-runner.ts';
import { BuildMemory, LAYOUT_TABLES } from './memory.ts';

const boot = workerData as ThreadBoot;
const port = parentPort!;
const post = (reply: ThreadReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
// The thread's own memory, with only the tables laying out uses loaded.
const memory = new BuildMemory();
if (boot.releaseMemory !== false) memory.heap.watch();
const cache = boot.cacheDir ? fileCache(boot.cacheDir) : noCache;
const notice = (message: string) => post({ kind: 'notice', message });
memory.memos.load(cache, boot.version, notice, LAYOUT_TABLES);
/** Set up by the first message, which the main thread sends when it has read the inputs. */
let setup: { runner: JobRunner; claims: Claims } | undefined;

// Documents are offered as they are composed; each is laid out after the one before has
// ended, unless the main thread claimed it meanwhile.
let queue = Promise.resolve();
port.on('message', (request: ThreadRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: ThreadRequest): Promise<void> {
  if (request.kind === 'setup') {
    const runner = new JobRunner({ style: request.style, theme: openTheme(request.theme, memory.fonts) }, memory.lines, { cache, version: boot.version, notice }, () => memory.heap.release(boot.releaseMemory));
    setup = { runner, claims: new Claims(request.claims) };
    return;
  }
  if (request.kind === 'finish') {
    // What the thread kept is on disk before the build that waits for it ends.
    await cache.flush().catch((error: unknown) => notice(`.cache/: ${describe(error).message}; work is not kept for the next build`));
    post({ kind: 'memos', grown: memory.memos.grown(boot.version) });
    memory.heap.stop();
    // The thread ends itself: its heap is taken apart now, on its own core, while the main
    // thread may still be laying out (after a correction it usually is), not when the main
    // thread stops it. What it posted reaches the main thread before the thread's 'exit'.
    process.exit(0);
  }
  if (!setup) throw new Error('a layout thread was offered a document before its setup');
  if (!setup.claims.take(request.index, 'thread')) return;
  try {
    const result = await setup.runner.run(request.job);
    const bytes = result.bytes.slice();
    post({ kind: 'laid-out', index: request.index, result: { ...result, bytes } }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    post({ kind: 'failed', index: request.index, error: describe(error) });
  }
}

function describe(error: unknown): { message: string; code?: string; name?: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? cause : error;
  return { message: inner.message, code: (inner as { code?: string }).code, name: inner.name };
}
