// The PNG thread: rasterises chart SVGs with resvg, one at a time, and sends back the PNG.
// resvg's bitmaps live outside the JavaScript heap, so V8 sees no reason to collect their
// wrappers; this thread collects them every few pictures when node runs with --expose-gc
// (the csi-report command does) — its heap is small, so that takes a few milliseconds — and
// gives its event loop a turn after each, when their finalizers free them.
import { Resvg } from '@resvg/resvg-js';
import { parentPort } from 'node:worker_threads';

const COLLECT_EVERY = 4;
const queue = [];
let draining = false;
let rendered = 0;

parentPort.on('message', (job) => {
  queue.push(job);
  if (!draining) void drain();
});

/** One picture at a time, with a turn of the event loop after each, so finalizers run. */
async function drain() {
  draining = true;
  while (queue.length > 0) {
    const { id, svg, options } = queue.shift();
    try {
      const png = new Resvg(svg, options).render().asPng();
      const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength).slice();
      parentPort.postMessage({ id, bytes }, [bytes.buffer]);
    } catch (error) {
      parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
    rendered += 1;
    if (rendered % COLLECT_EVERY === 0 && typeof globalThis.gc === 'function') globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  draining = false;
}
