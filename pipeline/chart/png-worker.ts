// The PNG thread: rasterises chart SVGs with resvg, one at a time, and sends back the PNG.
// Each picture's labels are first drawn as outlines (outlines.ts), so resvg reads no font for
// them. resvg's bitmaps live outside the JavaScript heap, so V8 sees no reason to collect their
// wrappers; this thread collects them every few pictures when node runs with --expose-gc
// (the csi-report command does), and gives its event loop a turn after each, when their
// finalizers free them. The wrappers die young: a collection of the young generation frees
// them as well as a full one does (peak RSS 77 MB either way over 150 pictures, 316 MB
// without), in a sixth of the time (21 against 123 ms); a full one every few of those frees
// any wrapper that happened to outlive a collection of its own.
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { parentPort } from 'node:worker_threads';
import { LabelOutlines, type LabelFont } from './outlines.ts';

/** A picture to draw: its SVG, resvg's options, and the font its labels are set in. */
export interface PngJob {
  id: number;
  svg: string;
  options: ResvgRenderOptions;
  labels: LabelFont;
}

const COLLECT_EVERY = 4;
const COLLECT_ALL_EVERY = 32;
const port = parentPort!;
const queue: PngJob[] = [];
/** The labels' outlines, by the font they are set in. */
const outlines = new Map<string, LabelOutlines>();
const collect = (globalThis as { gc?: (options?: { type: 'minor' }) => void }).gc;
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
    const { id, svg, options, labels } = queue.shift()!;
    try {
      const png = draw(svg, options, labels);
      const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength).slice();
      port.postMessage({ id, bytes }, [bytes.buffer]);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
    rendered += 1;
    if (rendered % COLLECT_EVERY === 0 && collect) collect(rendered % COLLECT_ALL_EVERY === 0 ? undefined : { type: 'minor' });
    await new Promise((resolve) => setImmediate(resolve));
  }
  draining = false;
}

/** The picture as PNG; resvg is given the font files only if a text is left for it to set. */
function draw(svg: string, options: ResvgRenderOptions, labels: LabelFont): Buffer {
  const key = JSON.stringify(labels);
  let labelOutlines = outlines.get(key);
  if (!labelOutlines) {
    labelOutlines = new LabelOutlines(labels);
    outlines.set(key, labelOutlines);
  }
  const converted = labelOutlines.convert(svg);
  const font = converted.textLeft ? options.font : { loadSystemFonts: false };
  return new Resvg(converted.svg, { ...options, font }).render().asPng();
}
