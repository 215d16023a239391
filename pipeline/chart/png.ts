import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { faceFor } from '../theme/faces.ts';
import type { Theme } from '../theme/types.ts';

/**
 * Rasterises a chart SVG to PNG with the theme's own font files (never the system's), so the
 * PNG shows the same glyphs and line breaks as the PDF. `scale` is pixels per point: 300 dpi
 * print is 300 / 72 ≈ 4.17.
 *
 * The pictures are drawn on the thread of `pictures` (png-worker.mjs), one at a time, while
 * this thread composes and lays out documents; each loads only the faces its SVG asks for.
 */
export function renderPng(svg: string, theme: Theme, scale: number, pictures: PngPictures): Promise<Uint8Array> {
  const options: ResvgRenderOptions = {
    font: {
      fontFiles: facesOf(svg, theme),
      loadSystemFonts: false,
      defaultFontFamily: theme.font.family,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  };
  return pictures.render(svg, options);
}

/** The font files of every weight and style the SVG's text is set in. */
function facesOf(svg: string, theme: Theme): string[] {
  const weights = new Set(['normal', ...Array.from(svg.matchAll(/font-weight="([^"]+)"/g), (m) => m[1])]);
  const styles = new Set(['normal', ...Array.from(svg.matchAll(/font-style="([^"]+)"/g), (m) => m[1])]);
  const files = new Set<string>();
  for (const weight of weights) for (const style of styles) files.add(faceFor(theme, weight, style).file);
  return [...files];
}

type Reply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/**
 * A build's PNG thread: started with its first picture, and stopped by `stop` once it has
 * drawn every picture asked of it, giving back its heap and resvg's memory. The next picture
 * starts a new one, so a process that builds again and again (watch) does not carry the
 * thread through the time between builds.
 */
export class PngPictures {
  private thread: PngThread | undefined;

  render(svg: string, options: ResvgRenderOptions): Promise<Uint8Array> {
    // A thread that stopped by itself draws no more: the next picture starts another.
    if (!this.thread || this.thread.failed) this.thread = new PngThread();
    return this.thread.render(svg, options);
  }

  /** Stops the thread when it has nothing left to draw; a picture still being drawn keeps it. */
  async stop(): Promise<void> {
    const stopping = this.thread;
    if (!stopping || !stopping.idle()) return;
    this.thread = undefined;
    await stopping.stop();
  }
}

/** The thread itself; it keeps the process alive only while it has work. */
class PngThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
  private next = 0;
  private stopping = false;
  /** Whether the thread stopped by itself (an error, an exit): it can draw no more. */
  failed = false;

  constructor() {
    // From the sources this file sits beside png.ts; the csi-report bundle has an entry of
    // the same name beside its chunks.
    this.worker = new Worker(new URL('./png-worker.mjs', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if ('bytes' in reply) waiting.resolve(reply.bytes);
      else waiting.reject(new Error(`a chart could not be rendered as PNG: ${reply.error}`));
    });
    this.worker.on('error', (error: unknown) => this.failAll(error instanceof Error ? error : new Error(String(error))));
    this.worker.on('exit', (code) => this.stopping || this.failAll(new Error(`the PNG thread stopped (exit code ${code})`)));
  }

  render(svg: string, options: ResvgRenderOptions): Promise<Uint8Array> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, svg, options });
    });
  }

  idle(): boolean {
    return this.pending.size === 0;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
  }

  private failAll(error: Error): void {
    this.failed = true;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
