import { Resvg } from '@resvg/resvg-js';
import { fontFaces } from '../theme/measure.ts';
import type { Theme } from '../theme/types.ts';

/**
 * Rasterises a chart SVG to PNG with the theme's own font files (never the system's), so the
 * PNG shows the same glyphs and line breaks as the PDF. `scale` is pixels per point: 300 dpi
 * print is 300 / 72 ≈ 4.17.
 */
export function renderPng(svg: string, theme: Theme, scale: number): Uint8Array {
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: fontFaces(theme).map((face) => face.file),
      loadSystemFonts: false,
      defaultFontFamily: theme.font.family,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
