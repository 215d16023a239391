// The PNG thread: rasterises chart SVGs with resvg, one at a time, and sends back the PNG.
// Each SVG's texts are first turned into the outlines of their glyphs (outline.ts), so resvg
// draws paths and reads no font: that took more than a third of its time a picture.
// resvg's bitmaps live outside the JavaScript heap, so V8 sees no reason to collect their
// wrappers; this thread collects them every few pictures when node runs with --expose-gc
// (the csi-report command does), and gives its event loop a turn after each, when their
// finalizers free them. The wrappers die young: a collection of the young generation frees
// them as well as a full one does (peak RSS 77 MB either way over 150 pictures, 316 MB
// without), in a sixth of the time (21 against 123 ms); a full one every few of those frees
// any wrapper that happened to outlive a collection of its own.
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { parentPort } from 'node:worker_threads';
import { TextOutliner, type OutlineFaces } from './outline.ts';

/** A picture to draw: the SVG, resvg's options (with the font files its texts need), and the file of each weight and style. */
export interface PngJob {
  id: number;
  svg: string;
  options: ResvgRenderOptions;
  faces: OutlineFaces;
}

const COLLECT_EVERY = 4;
const COLLECT_ALL_EVERY = 32;
const port = parentPort!;
const outliner = new TextOutliner();
const queue: PngJob[] = [];
let draining = false;
let rendered = 0;

port.on('message', (job: PngJob) => {
  queue.push(job);
  if (!draining) void drain();
});

/** One picture at a time, with a turn of the event loop after each, so finalizers run. */
async function drain(): Promise<void> {
  draining = true;
  while (queue.length > 0) {
    const { id, svg, options, faces } = queue.shift()!;
    try {
      const outlined = outliner.outline(svg, faces);
      // Fonts only for a text left as text.
      const png = new Resvg(outlined.svg, outlined.textLeft ? options : { ...options, font: { ...options.font, fontFiles: [] } }).render().asPng();
      const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength).slice();
      port.postMessage({ id, bytes }, [bytes.buffer]);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
    rendered += 1;
    const gc = (globalThis as { gc?: (options?: { type: 'minor' }) => void }).gc;
    if (rendered % COLLECT_EVERY === 0 && typeof gc === 'function') gc(rendered % COLLECT_ALL_EVERY === 0 ? undefined : { type: 'minor' });
    await new Promise((resolve) => setImmediate(resolve));
  }
  draining = false;
}
