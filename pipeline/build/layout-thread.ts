import { MessageChannel, Worker } from 'node:worker_threads';
import type { MemoEntries, Memos } from '../cache/memo.ts';
import { whileDrawing } from '../errors/errors.ts';
import type { LayoutResult } from '../layout/index.ts';
import { Claims } from './claims.ts';
import { jobTitle, type LayoutJob, type PortableTheme, type ThreadBoot, type ThreadReply, type ThreadRequest } from './layout-job.ts';
import type { PageStyle } from '../theme/style.ts';
import { PrefetchedYaml } from '../input/yaml-prefetch.ts';

/** The most megabytes of young objects the layout thread's heap holds before V8 collects them. */
const LAYOUT_THREAD_YOUNG_MB = 16;

/**
 * A thread that lays out documents beside the main thread. It is started before the inputs are
 * read, and loads its code and memo tables meanwhile on a core of its own; `begin` gives it the
 * build's style and theme. Each document is offered to it as soon as it is composed, while the
 * main thread goes on composing the next; the thread claims the offered documents in order,
 * one at a time, and the main thread, its own work done, claims whatever the thread has not
 * (`Claims`): each document is laid out exactly once, wherever a core is free first. Its
 * results come back as the same `LayoutResult`s, its failures as the errors laying out on the
 * main thread would have raised. Told that nothing more will come (`noMore`), it sends what its
 * memo tables learned as soon as its last document is laid out, and the main thread adds that
 * to its own tables, which it keeps for the next build, once its own last document is (`done`).
 */
export class LayoutThread {
  private readonly worker: Worker;
  private claims: Claims | undefined;
  private readonly results = new Map<number, Promise<LayoutResult>>();
  private readonly settle = new Map<number, { resolve: (result: LayoutResult) => void; reject: (error: unknown) => void }>();
  /** What the thread's memo tables learned, sent when it has laid out its last document. */
  private readonly finished: Promise<MemoEntries[]>;
  private stopped: Error | undefined;
  /** Whether the thread was told that nothing more will be offered. */
  private told = false;

  /**
   * The YAML files the thread parses first (`yaml` of the constructor), taken as this thread
   * reads them; the build closes it when its inputs are read.
   */
  readonly yamlAhead: PrefetchedYaml | undefined;

  /**
   * Starts the thread, which parses the YAML files of `yaml` (relative to its root) that this
   * thread does not come to first, then loads its code and the memo tables of `boot.version`;
   * what its tables learn is merged into `memos`.
   */
  constructor(boot: Omit<ThreadBoot, 'yaml'>, notice: (message: string) => void, private readonly memos: Memos, yaml?: { root: string; files: string[] }) {
    // From the sources, layout-worker.mjs sits beside this file; the csi-report bundle has an
    // entry of the same name beside its chunks. The thread's young generation is kept to
    // LAYOUT_THREAD_YOUNG_MB: with V8's default, two threads laying out at once took a cold
    // build's peak RSS to 386–401 MiB on the 2-core benchmark machine; with it, 368–380 MiB.
    // The thread collects more often but for as long in all (0.9–1.0 s of a cold build either
    // way), and the builds took as long.
    const channel = yaml && yaml.files.length > 0 ? new MessageChannel() : undefined;
    this.yamlAhead = channel && new PrefetchedYaml(yaml!.files, channel.port1);
    const ahead = channel && { root: yaml!.root, files: yaml!.files, cells: this.yamlAhead!.cells, port: channel.port2 };
    this.worker = new Worker(new URL('./layout-worker.mjs', import.meta.url), {
      workerData: { ...boot, yaml: ahead } satisfies ThreadBoot,
      transferList: channel ? [channel.port2] : [],
      resourceLimits: { maxYoungGenerationSizeMb: LAYOUT_THREAD_YOUNG_MB },
    });
    let finish!: (grown: MemoEntries[]) => void;
    let fail!: (error: Error) => void;
    this.finished = new Promise<MemoEntries[]>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    this.finished.catch(() => undefined);
    this.worker.on('message', (reply: ThreadReply) => {
      if (reply.kind === 'notice') notice(reply.message);
      else if (reply.kind === 'memos') finish(reply.grown);
      else if (reply.kind === 'laid-out') this.settle.get(reply.index)?.resolve(reply.result);
      else this.settle.get(reply.index)?.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code, name: reply.error.name ?? 'Error' }));
    });
    const stopped = (error: Error) => {
      this.stopped ??= error;
      for (const { reject } of this.settle.values()) reject(error);
      fail(error);
    };
    this.worker.on('error', (error: unknown) => stopped(error instanceof Error ? error : new Error(String(error))));
    this.worker.on('exit', (code) => stopped(new Error(`the layout thread stopped (exit code ${code})`)));
  }

  /** Gives the thread the build's style and theme; `capacity`: the most documents that will be offered (their indices run from 0 below it). */
  begin(style: PageStyle, theme: PortableTheme, capacity: number): void {
    this.claims = new Claims(capacity);
    if (!this.stopped) this.worker.postMessage({ kind: 'setup', style, theme, claims: this.claims.buffer } satisfies ThreadRequest);
  }

  /** Offers the thread the document `index`; it lays it out unless this thread claims it first (`claim`). */
  offer(index: number, job: LayoutJob): void {
    const result = new Promise<LayoutResult>((resolve, reject) => this.settle.set(index, { resolve, reject }));
    const drawn = result.catch((error: unknown) => this.asDrawingError(job, error));
    // Awaited by the build when the thread claimed it, unless the build failed first and stopped this thread.
    drawn.catch(() => undefined);
    this.results.set(index, drawn);
    if (this.stopped) this.settle.get(index)!.reject(this.stopped);
    else this.worker.postMessage({ kind: 'job', index, job } satisfies ThreadRequest);
  }

  /** Claims an offered document for the calling thread: true when the layout thread has not taken it, and then never will. */
  claim(index: number): boolean {
    if (!this.claims) throw new Error('LayoutThread.claim before begin');
    return this.claims.take(index, 'main');
  }

  /** The laid-out document `index`, which the thread claimed. */
  result(index: number): Promise<LayoutResult> {
    return this.results.get(index)!;
  }

  /**
   * Tells the thread that nothing more will be offered: once it has laid out the documents it
   * claims, it sends what its memo tables learned and ends, while this thread may still be
   * laying out its own.
   */
  noMore(): void {
    if (!this.stopped && !this.told) this.worker.postMessage({ kind: 'finish' } satisfies ThreadRequest);
    this.told = true;
  }

  /**
   * Waits for the thread's memo tables and merges them here. Merged only now, when this thread
   * has laid out its last document, whenever they arrived: the tables this thread lays out
   * with do not change under it.
   */
  async done(): Promise<void> {
    this.noMore();
    this.memos.merge(await this.finished);
  }

  /** Stops the thread at once (a build that failed elsewhere, or one that is done). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private asDrawingError(job: LayoutJob, error: unknown): Promise<never> {
    return whileDrawing(jobTitle(job), () => Promise.reject(error));
  }
}
