// The PNG thread: rasterises chart SVGs with resvg, one at a time, and sends back the PNG.
// resvg's bitmaps live outside the JavaScript heap, so V8 sees no reason to collect their
// wrappers; this thread collects them every few pictures when node runs with --expose-gc
// (the csi-report command does), so they never pile up in the main thread's memory.
import { Resvg } from '@resvg/resvg-js';
import { parentPort } from 'node:worker_threads';

const COLLECT_EVERY = 8;
let rendered = 0;

parentPort.on('message', ({ id, svg, options }) => {
  try {
    const png = new Resvg(svg, options).render().asPng();
    const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength).slice();
    parentPort.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
  rendered += 1;
  if (rendered % COLLECT_EVERY === 0 && typeof globalThis.gc === 'function') globalThis.gc();
});
