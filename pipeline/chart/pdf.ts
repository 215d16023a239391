import SVGtoPDF from 'svg-to-pdfkit';
import { faceFor, fontFaces } from '../theme/faces.ts';
import { registerSharedFaces, type SharedFace } from '../theme/shared-face.ts';
import type { Theme } from '../theme/types.ts';
import type { Chart } from './types.ts';

/** pdfkit's current-font state, which `doc.font()` sets and svg-to-pdfkit changes. */
interface FontState {
  /** The current font object. */
  _font: unknown;
  /** The current size. */
  _fontSize: number;
  /** What `font()` was last given. */
  _fontSource: unknown;
  /** Its family name, if any. */
  _fontFamily: unknown;
}

/**
 * Draws a chart into a PDF as vectors at (x, y), `width` points wide, its height following.
 * SVG texts are set in the theme's embedded faces: svg-to-pdfkit would otherwise fall back to
 * Helvetica, whose missing Cyrillic then vanishes silently. The faces are registered under the
 * theme's names with their shared shaping (`fonts`, by name; again, if the layout did already:
 * registering the same face is idempotent), and the document's font is what it was before.
 * Returns the drawn height.
 */
export function drawChart(doc: PDFKit.PDFDocument, chart: Pick<Chart, 'id' | 'svg' | 'width' | 'height'>, x: number, y: number, width: number, theme: Theme, fonts: ReadonlyMap<string, SharedFace>): number {
  registerSharedFaces(doc, fontFaces(theme).map((face) => face.name), fonts);
  const state = doc as unknown as FontState;
  const saved = { _font: state._font, _fontSize: state._fontSize, _fontSource: state._fontSource, _fontFamily: state._fontFamily };
  const height = (width * chart.height) / chart.width;
  const warnings: string[] = [];
  SVGtoPDF(doc, chart.svg, x, y, {
    width,
    height,
    assumePt: true,
    preserveAspectRatio: 'xMinYMin meet',
    fontCallback: (_family, bold, italic) => faceFor(theme, bold ? 'bold' : 'normal', italic ? 'italic' : 'normal').name,
    warningCallback: (message) => warnings.push(message),
  });
  Object.assign(state, saved);
  if (warnings.length > 0) throw new Error(`chart ${chart.id} did not convert cleanly to PDF: ${warnings.join('; ')}`);
  return height;
}
