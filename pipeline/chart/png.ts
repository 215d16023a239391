import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { fontFaces } from '../theme/measure.ts';
import type { Theme } from '../theme/types.ts';

/**
 * Rasterises a chart SVG to PNG with the theme's own font files (never the system's), so the
 * PNG shows the same glyphs and line breaks as the PDF. `scale` is pixels per point: 300 dpi
 * print is 300 / 72 ≈ 4.17. resvg renders on libuv's thread pool, so a build lays out its
 * documents while the pictures are drawn on the other cores.
 */
export async function renderPng(svg: string, theme: Theme, scale: number): Promise<Uint8Array> {
  const options: ResvgRenderOptions = {
    font: {
      fontFiles: fontFaces(theme).map((face) => face.file),
      loadSystemFonts: false,
      defaultFontFamily: theme.font.family,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  };
  const image = await renderAsync(svg, options);
  return image.asPng();
}
