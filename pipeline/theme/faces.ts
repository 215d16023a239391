import type { FontFace, Theme } from './types.ts';

/** A weight as CSS, SVG and Vega write it: `normal`, `bold`, `600`, 700. */
export type WeightLike = string | number | undefined;

/** A style as CSS writes it: `normal` or `italic`. */
export type StyleLike = string | undefined;

/**
 * The face a weight and style are drawn with. CSS weights map to the nearest face the theme
 * has: 400 regular, 600 semibold, 700 bold. A chart's texts get their faces from here too
 * (layout/chart.ts).
 */
export function faceFor(theme: Theme, weight: WeightLike = 'normal', style: StyleLike = 'normal'): FontFace {
  const numeric = weight === 'bold' || weight === 'bolder' ? 700 : weight === 'normal' || weight === 'lighter' || weight === undefined ? 400 : Number(weight);
  const italic = style === 'italic' || style === 'oblique';
  const faces = theme.font.faces;
  if (numeric >= 650) return italic ? faces.boldItalic : faces.bold;
  if (numeric >= 550) return italic ? faces.semiboldItalic : faces.semibold;
  return italic ? faces.italic : faces.regular;
}

/** Every font face of the theme, so the PDF layout registers exactly the fonts charts use. */
export function fontFaces(theme: Theme): FontFace[] {
  return Object.values(theme.font.faces);
}
