import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { faceFor } from '../theme/faces.ts';
import type { Theme } from '../theme/types.ts';

/**
 * Rasterises a chart SVG to PNG with the theme's own font files (never the system's), so the
 * PNG shows the same glyphs and line breaks as the PDF. `scale` is pixels per point: 300 dpi
 * print is 300 / 72 ≈ 4.17.
 *
 * The pictures are drawn on a thread of their own (png-worker.mjs), one at a time, while
 * this thread composes and lays out documents; each loads only the faces its SVG asks for.
 */
export function renderPng(svg: string, theme: Theme, scale: number): Promise<Uint8Array> {
  const options: ResvgRenderOptions = {
    font: {
      fontFiles: facesOf(svg, theme),
      loadSystemFonts: false,
      defaultFontFamily: theme.font.family,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  };
  return pngThread().render(svg, options);
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

/** The PNG thread, started on first use; it keeps the process alive only while it has work. */
class PngThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
  private next = 0;
  private stopping = false;

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
    if (thread === this) thread = undefined;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

let thread: PngThread | undefined;

/**
 * Stops the PNG thread when it has nothing to draw, giving back its heap and resvg's memory;
 * the next picture starts a new one. A build calls this once its pictures are drawn, so a
 * process that builds again and again (watch) does not carry the thread through the time
 * between builds.
 */
export async function stopPngThread(): Promise<void> {
  const stopping = thread;
  if (!stopping || !stopping.idle()) return;
  thread = undefined;
  await stopping.stop();
}

function pngThread(): PngThread {
  thread ??= new PngThread();
  return thread;
}
