import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { faceFor } from '../theme/measure.ts';
import type { Theme } from '../theme/types.ts';

/**
 * Rasterises a chart SVG to PNG with the theme's own font files (never the system's), so the
 * PNG shows the same glyphs and line breaks as the PDF. `scale` is pixels per point: 300 dpi
 * print is 300 / 72 ≈ 4.17.
 *
 * resvg renders on libuv's thread pool, so a build lays out its documents while the pictures
 * are drawn. Each render loads its fonts and holds a full-size bitmap, so at most
 * `RENDERS_AT_ONCE` run together, and each loads only the faces its SVG asks for.
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
  return queued(async () => (await renderAsync(svg, options)).asPng());
}

/** The font files of every weight and style the SVG's text is set in. */
function facesOf(svg: string, theme: Theme): string[] {
  const weights = new Set(['normal', ...Array.from(svg.matchAll(/font-weight="([^"]+)"/g), (m) => m[1])]);
  const styles = new Set(['normal', ...Array.from(svg.matchAll(/font-style="([^"]+)"/g), (m) => m[1])]);
  const files = new Set<string>();
  for (const weight of weights) for (const style of styles) files.add(faceFor(theme, weight, style).file);
  return [...files];
}

const RENDERS_AT_ONCE = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `task` when fewer than RENDERS_AT_ONCE are running. */
async function queued<T>(task: () => Promise<T>): Promise<T> {
  if (running >= RENDERS_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await task();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}
