import { Worker } from 'node:worker_threads';
import type { Memos } from '../cache/memo.ts';
import { whileDrawing } from '../errors/errors.ts';
import type { LayoutResult } from '../layout/index.ts';
import { jobTitle, type LayoutJob, type ThreadReply, type ThreadRequest, type ThreadSetup } from './layout-job.ts';

/**
 * A thread that lays out a share of a build's documents while the main thread lays out the
 * rest. Its results come back as the same `LayoutResult`s, its failures as the errors laying
 * out on the main thread would have raised, and at the end what its memo tables learned is
 * added to the main thread's tables, which keeps them for the next build.
 */
export class LayoutThread {
  private readonly worker: Worker;
  private readonly results = new Map<number, Promise<LayoutResult>>();
  private readonly settle = new Map<number, { resolve: (result: LayoutResult) => void; reject: (error: unknown) => void }>();
  private readonly finished: Promise<void>;

  constructor(setup: ThreadSetup, jobs: readonly { index: number; job: LayoutJob }[], notice: (message: string) => void, memos: Memos) {
    // From the sources, layout-worker.mjs sits beside this file; the csi-report bundle has an
    // entry of the same name beside its chunks.
    this.worker = new Worker(new URL('./layout-worker.mjs', import.meta.url), { workerData: setup });
    let finish!: () => void;
    let fail!: (error: Error) => void;
    this.finished = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    this.finished.catch(() => undefined);
    for (const { index, job } of jobs) {
      const result = new Promise<LayoutResult>((resolve, reject) => this.settle.set(index, { resolve, reject }));
      const drawn = result.catch((error: unknown) => this.asDrawingError(job, error));
      // Awaited by the build, unless it failed first and stopped this thread.
      drawn.catch(() => undefined);
      this.results.set(index, drawn);
    }
    this.worker.on('message', (reply: ThreadReply) => {
      if (reply.kind === 'notice') notice(reply.message);
      else if (reply.kind === 'memos') {
        memos.merge(reply.grown);
        finish();
      } else if (reply.kind === 'laid-out') this.settle.get(reply.index)?.resolve(reply.result);
      else this.settle.get(reply.index)?.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code, name: reply.error.name ?? 'Error' }));
    });
    const stopped = (error: Error) => {
      for (const { reject } of this.settle.values()) reject(error);
      fail(error);
    };
    this.worker.on('error', (error: unknown) => stopped(error instanceof Error ? error : new Error(String(error))));
    this.worker.on('exit', (code) => stopped(new Error(`the layout thread stopped (exit code ${code})`)));
    for (const { index, job } of jobs) this.worker.postMessage({ kind: 'job', index, job } satisfies ThreadRequest);
    this.worker.postMessage({ kind: 'finish' } satisfies ThreadRequest);
  }

  /** The laid-out document of the job sent as `index`. */
  result(index: number): Promise<LayoutResult> {
    return this.results.get(index)!;
  }

  /** Waits for the thread's memo tables to be merged here; then the thread ends. */
  async done(): Promise<void> {
    await this.finished;
  }

  /** Stops the thread at once (a build that failed elsewhere). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private asDrawingError(job: LayoutJob, error: unknown): Promise<never> {
    return whileDrawing(jobTitle(job), () => Promise.reject(error));
  }
}
