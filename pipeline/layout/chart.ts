/**
 * Draws a chart's SVG into a PDF as vectors, with pdfkit's own drawing operators.
 *
 * The SVG is the one Vega's SVG renderer writes (pipeline/chart/render.ts): groups moved by
 * `translate`, paths, lines and texts, painted by presentation attributes, texts as lines
 * (`tspan`) anchored at a point. That is a small part of SVG, and this module draws exactly
 * that part, in one pass over the XML: every element is drawn as it is read. Anything else
 * (a clip path, a gradient, a style sheet, an image) is refused with the chart's name, so a
 * chart that would be drawn wrong fails the build instead.
 *
 * Texts are set in the theme's faces with the layout's own text writer (text.ts), so
 * a chart's label is shaped by the words the documents share and written as one run, which
 * copy-and-paste and screen readers read as the words it is.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { PdfText } from './text.ts';
import { faceFor } from '../theme/faces.ts';
import type { Theme } from '../theme/types.ts';
import type { Chart } from '../chart/types.ts';

/** A paint: a colour as #rgb or #rrggbb, an RGB triple, or none. */
type Paint = string | [number, number, number] | null;

/** The inherited presentation of an element: what it draws with. */
interface Presentation {
  fill: Paint;
  stroke: Paint;
  fillOpacity: number;
  strokeOpacity: number;
  fillRule: 'non-zero' | 'even-odd';
  strokeWidth: number;
  dash: number[] | null;
  /** Where the dash pattern starts along the line. */
  dashOffset: number;
  lineJoin: 'miter' | 'round' | 'bevel';
  lineCap: 'butt' | 'round' | 'square';
  miterLimit: number;
  fontSize: number;
  fontWeight: string;
  fontStyle: string;
  anchor: 'start' | 'middle' | 'end';
}

/** SVG's initial values. */
const initial: Presentation = {
  fill: [0, 0, 0],
  stroke: null,
  fillOpacity: 1,
  strokeOpacity: 1,
  fillRule: 'non-zero',
  strokeWidth: 1,
  dash: null,
  dashOffset: 0,
  lineJoin: 'miter',
  lineCap: 'butt',
  miterLimit: 4,
  fontSize: 16,
  fontWeight: 'normal',
  fontStyle: 'normal',
  anchor: 'start',
};

/** Attributes that say nothing about how an element looks. */
const silent: ReadonlySet<string> = new Set(['class', 'role', 'aria-label', 'aria-roledescription', 'aria-hidden', 'pointer-events', 'xmlns', 'xmlns:xlink', 'version', 'font-family']);

/** What each element may carry beyond the presentation attributes and the silent ones. */
const geometry: Record<string, ReadonlySet<string>> = {
  svg: new Set(['width', 'height', 'viewBox']),
  g: new Set(['transform', 'opacity']),
  path: new Set(['d', 'transform', 'opacity', 'display']),
  line: new Set(['x1', 'y1', 'x2', 'y2', 'transform', 'opacity', 'display']),
  text: new Set(['x', 'y', 'transform', 'opacity', 'display']),
  tspan: new Set(['x', 'dy']),
  title: new Set(),
};

/** A line of a text, anchored on its own, as SVG's text chunks are. */
interface TextChunk {
  x: number;
  y: number;
  content: string;
}

/** A text being read: its presentation, opacity and lines so far. */
interface OpenText {
  presentation: Presentation;
  opacity: number;
  chunks: TextChunk[];
}

/** An element being read. */
interface Frame {
  name: string;
  presentation: Presentation;
  /** Whether a graphics state was saved for it (a transform), to restore at its end. */
  saved: boolean;
  /** Not drawn, nor anything in it (`display="none"`, a title). */
  hidden: boolean;
}

/** A number in an attribute: a plain number or pixels, which a chart's user units are. */
function length(value: string, what: string): number {
  const parsed = Number(value.endsWith('px') ? value.slice(0, -2) : value);
  if (!Number.isFinite(parsed)) throw new Error(`${what}="${value}" is not a number`);
  return parsed;
}

/** A list of numbers, separated by commas or spaces. */
function numbers(value: string, what: string): number[] {
  return value.trim().split(/[\s,]+/).filter((part) => part !== '').map((part) => length(part, what));
}

/**
 * An SVG colour as pdfkit takes it. Colour names are refused rather than passed on: pdfkit
 * draws a name it does not know in no colour at all, without a word.
 */
function paint(value: string, what: string): Paint {
  if (value === 'none') return null;
  if (/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(value)) return value;
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`${what}="${value}" is not a colour this drawing takes: write it #rrggbb (or #rgb, rgb(r, g, b), none) in the chart's template`);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${what}="${value}" is not one of ${allowed.join(', ')}`);
}

/** The presentation of an element: its parent's, with its own attributes over it. */
function presentationOf(parent: Presentation, name: string, attributes: Record<string, string>): Presentation {
  const own = geometry[name];
  if (!own) throw new Error(`<${name}> is not drawn by the PDF chart drawing`);
  let result: Presentation | undefined;
  const set = <K extends keyof Presentation>(key: K, value: Presentation[K]) => {
    result ??= { ...parent };
    result[key] = value;
  };
  for (const [key, value] of Object.entries(attributes)) {
    if (own.has(key) || silent.has(key) || key.startsWith('aria-')) continue;
    const what = `<${name} ${key}>`;
    switch (key) {
      case 'fill': set('fill', paint(value, what)); break;
      case 'stroke': set('stroke', paint(value, what)); break;
      case 'fill-opacity': set('fillOpacity', length(value, what)); break;
      case 'stroke-opacity': set('strokeOpacity', length(value, what)); break;
      case 'fill-rule': set('fillRule', oneOf(value, ['nonzero', 'evenodd'], what) === 'evenodd' ? 'even-odd' : 'non-zero'); break;
      case 'stroke-width': set('strokeWidth', length(value, what)); break;
      case 'stroke-dasharray': set('dash', value === 'none' ? null : numbers(value, what)); break;
      case 'stroke-dashoffset': set('dashOffset', length(value, what)); break;
      case 'stroke-linejoin': set('lineJoin', oneOf(value, ['miter', 'round', 'bevel'], what)); break;
      case 'stroke-linecap': set('lineCap', oneOf(value, ['butt', 'round', 'square'], what)); break;
      case 'stroke-miterlimit': set('miterLimit', length(value, what)); break;
      case 'font-size': set('fontSize', length(value, what)); break;
      case 'font-weight': set('fontWeight', value); break;
      case 'font-style': set('fontStyle', value); break;
      case 'text-anchor': set('anchor', oneOf(value, ['start', 'middle', 'end'], what)); break;
      default: throw new Error(`${what} is not drawn by the PDF chart drawing`);
    }
  }
  return result ?? parent;
}

/** Applies an SVG `transform` list to the document's current matrix. */
function transform(doc: PDFKit.PDFDocument, value: string): void {
  const what = `transform="${value}"`;
  const pattern = /\s*(translate|rotate|scale|matrix)\s*\(([^)]*)\)\s*,?/gy;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = pattern.exec(value)) !== null) {
    end = pattern.lastIndex;
    const args = numbers(match[2]!, what);
    switch (match[1]) {
      case 'translate': doc.translate(args[0] ?? 0, args[1] ?? 0); break;
      case 'scale': doc.scale(args[0] ?? 1, args[1] ?? args[0] ?? 1); break;
      case 'rotate': doc.rotate(args[0] ?? 0, args.length === 3 ? { origin: [args[1]!, args[2]!] } : {}); break;
      case 'matrix': {
        if (args.length !== 6) throw new Error(`${what} needs six numbers`);
        doc.transform(args[0]!, args[1]!, args[2]!, args[3]!, args[4]!, args[5]!);
        break;
      }
    }
  }
  if (value.slice(end).trim() !== '') throw new Error(`${what} is not a transform this drawing takes`);
}

/** A number of an attribute, or `fallback` when the attribute is not there. */
function attribute(attributes: Record<string, string>, key: string, fallback: number, name: string): number {
  const value = attributes[key];
  return value === undefined ? fallback : length(value, `<${name} ${key}>`);
}

/** Sets what the shape is filled and stroked with, as far as it is; says which of the two it paints. */
function paintWith(doc: PDFKit.PDFDocument, presentation: Presentation, opacity: number): { fill: boolean; stroke: boolean } {
  const { fill, stroke } = presentation;
  if (fill !== null) {
    doc.fillColor(fill as PDFKit.Mixins.ColorValue);
    const alpha = presentation.fillOpacity * opacity;
    if (alpha < 1) doc.fillOpacity(alpha);
  }
  if (stroke !== null && presentation.strokeWidth > 0) {
    doc.strokeColor(stroke as PDFKit.Mixins.ColorValue);
    const alpha = presentation.strokeOpacity * opacity;
    if (alpha < 1) doc.strokeOpacity(alpha);
    doc.lineWidth(presentation.strokeWidth).lineJoin(presentation.lineJoin).lineCap(presentation.lineCap).miterLimit(presentation.miterLimit);
    // pdfkit takes a dash pattern as an array too; its type declarations know only one length.
    if (presentation.dash) doc.dash(presentation.dash as unknown as number, { phase: presentation.dashOffset });
  }
  return { fill: fill !== null, stroke: stroke !== null && presentation.strokeWidth > 0 };
}

/** SVG collapses the white space of a text: no line breaks, no runs of spaces. */
function collapse(text: string): string {
  return text.replace(/[\n\r]/g, '').replace(/\t/g, ' ').replace(/ {2,}/g, ' ');
}

/** Draws a label's lines, each anchored at its own point, in the theme's face for its weight and style, measured as it is drawn. */
function drawLabel(doc: PDFKit.PDFDocument, pdfText: PdfText, text: OpenText, theme: Theme): void {
  const { presentation, opacity } = text;
  if (presentation.fill === null && presentation.stroke === null) return;
  const face = faceFor(theme, presentation.fontWeight, presentation.fontStyle);
  const size = presentation.fontSize;
  doc.save();
  const painted = paintWith(doc, presentation, opacity);
  // Text rendering mode: 0 fill, 1 stroke, 2 fill then stroke (SVG's default paint order).
  doc.addContent(`${painted.fill ? (painted.stroke ? 2 : 0) : 1} Tr`);
  const shift = presentation.anchor === 'start' ? 0 : presentation.anchor === 'middle' ? 0.5 : 1;
  for (const chunk of text.chunks) {
    const content = collapse(chunk.content).trim();
    if (content === '') continue;
    const x = chunk.x - (shift === 0 ? 0 : shift * pdfText.widthOf(face.name, size, content));
    pdfText.draw(face.name, size, content, x, chunk.y);
  }
  doc.restore();
}

/**
 * Draws a chart into a PDF as vectors at (x, y), `width` points wide, its height following.
 * SVG texts are written by the document's text (`pdfText`) in the theme's face for their
 * weight and style. The chart leaves the document's graphics state as it found it. Returns
 * the drawn height.
 */
export function drawChart(doc: PDFKit.PDFDocument, pdfText: PdfText, chart: Pick<Chart, 'id' | 'svg' | 'width' | 'height'>, x: number, y: number, width: number, theme: Theme): number {
  const height = (width * chart.height) / chart.width;
  const stack: Frame[] = [];
  let text: OpenText | undefined;

  const open = (tag: SaxesTagPlain) => {
    const { name, attributes } = tag;
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (name !== 'svg') throw new Error(`the drawing starts with <${name}>, not <svg>`);
      const [minX, minY, boxWidth, boxHeight] = attributes.viewBox
        ? numbers(attributes.viewBox, '<svg viewBox>')
        : [0, 0, attribute(attributes, 'width', chart.width, name), attribute(attributes, 'height', chart.height, name)];
      if (!(boxWidth! > 0 && boxHeight! > 0)) throw new Error(`<svg> has an empty view box`);
      // preserveAspectRatio="xMinYMin meet": scaled to fit, at the top left, and clipped to the box.
      const scale = Math.min(width / boxWidth!, height / boxHeight!);
      doc.save();
      doc.translate(x, y);
      doc.rect(0, 0, width, height).clip();
      doc.transform(scale, 0, 0, scale, -minX! * scale, -minY! * scale);
      stack.push({ name, presentation: presentationOf(initial, name, attributes), saved: true, hidden: false });
      return;
    }
    if (name === 'svg') throw new Error('an <svg> inside the drawing is not drawn by the PDF chart drawing');
    const presentation = presentationOf(parent.presentation, name, attributes);
    const hidden = parent.hidden || name === 'title' || attributes.display === 'none';
    const frame: Frame = { name, presentation, saved: false, hidden };
    stack.push(frame);
    if (hidden) return;
    const opacity = attribute(attributes, 'opacity', 1, name);
    if (name === 'g' && opacity < 1) throw new Error(`<g opacity="${attributes.opacity}"> (a group's opacity) is not drawn by the PDF chart drawing`);
    if (name === 'tspan') {
      if (!text) throw new Error('a <tspan> outside a <text>');
      const last = text.chunks[text.chunks.length - 1]!;
      if (attributes.x !== undefined || attributes.dy !== undefined) {
        text.chunks.push({ x: attribute(attributes, 'x', last.x, name), y: last.y + attribute(attributes, 'dy', 0, name), content: '' });
      }
      return;
    }
    if (text) throw new Error(`<${name}> inside a <text>`);
    if (attributes.transform !== undefined) {
      doc.save();
      frame.saved = true;
      transform(doc, attributes.transform);
    }
    if (name === 'text') {
      text = { presentation, opacity, chunks: [{ x: attribute(attributes, 'x', 0, name), y: attribute(attributes, 'y', 0, name), content: '' }] };
    } else if (name === 'path' || name === 'line') {
      // A line has no inside to fill; a shape with nothing to paint is not drawn at all, as a
      // path begun and never painted is not allowed in PDF.
      const shape = name === 'line' ? { ...presentation, fill: null } : presentation;
      if (shape.fill === null && (shape.stroke === null || shape.strokeWidth <= 0)) return;
      const d = name === 'path' ? (attributes.d ?? '').trim() : '';
      if (name === 'path' && d === '') return;
      if (!frame.saved) {
        doc.save();
        frame.saved = true;
      }
      // Colours and line styles first: PDF allows no state change inside a path.
      const painted = paintWith(doc, shape, opacity);
      if (name === 'path') doc.path(d);
      else doc.moveTo(attribute(attributes, 'x1', 0, name), attribute(attributes, 'y1', 0, name)).lineTo(attribute(attributes, 'x2', 0, name), attribute(attributes, 'y2', 0, name));
      if (painted.fill && painted.stroke) doc.fillAndStroke(presentation.fillRule === 'even-odd' ? 'even-odd' : undefined);
      else if (painted.fill) doc.fill(presentation.fillRule === 'even-odd' ? 'even-odd' : undefined);
      else doc.stroke();
    }
  };

  const close = () => {
    const frame = stack.pop()!;
    if (frame.name === 'text' && text) {
      if (!frame.hidden) drawLabel(doc, pdfText, text, theme);
      text = undefined;
    }
    if (frame.saved) doc.restore();
  };

  const parser = new SaxesParser();
  parser.on('opentag', (tag) => open(tag as SaxesTagPlain));
  parser.on('closetag', close);
  parser.on('text', (content) => {
    const frame = stack[stack.length - 1];
    if (text && frame && !frame.hidden && (frame.name === 'text' || frame.name === 'tspan')) text.chunks[text.chunks.length - 1]!.content += content;
  });
  try {
    parser.write(chart.svg).close();
  } catch (error) {
    throw new Error(`chart ${chart.id} could not be drawn into the PDF: ${(error as Error).message}`);
  }
  return height;
}
