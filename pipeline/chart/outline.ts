/**
 * A chart's texts as the outlines of their glyphs, for the PNG pictures: resvg then draws
 * paths only, and reads no font.
 *
 * Given text, resvg shapes every text element anew with a face it parses again for each one:
 * about 6.5 of the 17 ms a picture took, more than a third of the PNG thread's work. Here each
 * face is read once per thread, each distinct text shaped once (HarfBuzz, `harfbuzzjs`, with
 * the face's default features, as resvg's rustybuzz shapes), and each glyph's outline taken once.
 *
 * The SVG is the one Vega writes (render.ts): a `<text>` carries its anchor, its font and its
 * paint, and is moved by its `transform`; its lines are `<tspan>`s, each with `x` and `dy` from
 * the second on. Each text becomes a group with the text's transform and paint, holding one
 * path per line: the line's glyphs, placed at the pen positions shaping gives, in the text's
 * own units, so that a stroked text keeps its stroke's width. Anything else — another element
 * inside a text, an attribute this does not read, a character no face has, a text with spaces
 * at its ends, which SVG may drop — is left as text, for resvg to draw as before.
 */
import { readFileSync } from 'node:fs';
import * as hb from 'harfbuzzjs';
import { shapeRun } from '../theme/shaping.ts';

/** The font file of each weight and style a chart's texts are set in, by `faceKey`. */
export type OutlineFaces = Record<string, string>;

/** The key of a weight and style in `OutlineFaces`: as the SVG writes them, `normal` when it does not. */
export function faceKey(weight = 'normal', style = 'normal'): string {
  return `${weight}|${style}`;
}

/** Attributes of a `<text>` read here; the others it may carry are paint, and go to its group. */
const TEXT_ATTRIBUTES = new Set(['x', 'y', 'text-anchor', 'font-family', 'font-size', 'font-weight', 'font-style']);

/** Paint and other attributes a text's group may carry, as the text carried them. */
const GROUP_ATTRIBUTES = new Set(['transform', 'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linejoin', 'stroke-linecap', 'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'opacity', 'display', 'class', 'role', 'aria-hidden', 'aria-label']);

/** A shaped text: each glyph's id and pen position, and the advance of the whole, in font units. */
interface ShapedText {
  ids: number[];
  xs: number[];
  ys: number[];
  advance: number;
}

/** One face: HarfBuzz's font, its units per em, and what was shaped and outlined in it. */
class OutlineFont {
  private readonly font: hb.Font;
  private readonly buffer = new hb.Buffer();
  readonly upem: number;
  private readonly shaped = new Map<string, ShapedText | null>();
  private readonly glyphs = new Map<number, GlyphOutline>();

  constructor(bytes: Uint8Array) {
    const face = new hb.Face(new hb.Blob(bytes), 0);
    this.upem = face.upem;
    this.font = new hb.Font(face);
  }

  /** The shaped text, or null where the face has no glyph for one of its characters. */
  shape(text: string): ShapedText | null {
    let found = this.shaped.get(text);
    if (found !== undefined) return found;
    const { infos, positions } = shapeRun(this.font, this.buffer, text);
    found = { ids: [], xs: [], ys: [], advance: 0 };
    let pen = 0;
    for (let i = 0; i < infos.length; i++) {
      const id = infos[i]!.codepoint;
      if (id === 0) {
        found = null;
        break;
      }
      const { xAdvance, xOffset, yOffset } = positions[i]!;
      found.ids.push(id);
      found.xs.push(pen + xOffset);
      found.ys.push(yOffset);
      pen += xAdvance;
    }
    if (found) found.advance = pen;
    this.shaped.set(text, found);
    return found;
  }

  /** A glyph's outline (`GlyphOutline`), worked out once. */
  outline(id: number): GlyphOutline {
    let outline = this.glyphs.get(id);
    if (!outline) {
      outline = relativeOutline(this.font.glyphToJson(id));
      this.glyphs.set(id, outline);
    }
    return outline;
  }
}

/**
 * A glyph's outline in font units with y up: the point where it starts, and the rest of its
 * path data relative to that point, so that placing the glyph writes two numbers only.
 * Empty (`rest` too) for a glyph with no outline, a space.
 */
interface GlyphOutline {
  x: number;
  y: number;
  rest: string;
}

/** An outline as SVG path data in relative commands after its first point (`GlyphOutline`). */
function relativeOutline(commands: readonly { type: string; values: number[] }[]): GlyphOutline {
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let first: { x: number; y: number } | undefined;
  let rest = '';
  for (const { type, values } of commands) {
    const relative = (count: number) => {
      const parts: number[] = [];
      for (let k = 0; k < count; k += 2) parts.push(values[k]! - x, values[k + 1]! - y);
      x = values[count - 2]!;
      y = values[count - 1]!;
      return parts.join(' ');
    };
    switch (type) {
      case 'M':
        if (!first) {
          first = { x: values[0]!, y: values[1]! };
          x = first.x;
          y = first.y;
        } else {
          rest += `m${relative(2)}`;
        }
        startX = x;
        startY = y;
        break;
      case 'L': rest += `l${relative(2)}`; break;
      case 'Q': rest += `q${relative(4)}`; break;
      case 'C': rest += `c${relative(6)}`; break;
      case 'Z':
        rest += 'z';
        x = startX;
        y = startY;
        break;
      default: throw new Error(`a glyph outline command "${type}" this does not write`);
    }
  }
  return first ? { x: first.x, y: first.y, rest } : { x: 0, y: 0, rest: '' };
}

/** A line of a text: where it is anchored and what it says. */
interface Line {
  x: number;
  y: number;
  text: string;
}

/**
 * Turns the texts of chart SVGs into paths. One per thread: it keeps each face it read, and
 * what it shaped and outlined in it.
 */
export class TextOutliner {
  private readonly fonts = new Map<string, OutlineFont>();

  /**
   * `svg` with every text it can draw as outlines (see the module), and whether any text was
   * left as text (then resvg needs the fonts). `faces`: the font file of each weight and style.
   */
  outline(svg: string, faces: OutlineFaces): { svg: string; textLeft: boolean } {
    let textLeft = false;
    const result = svg.replace(/<text\b([^>]*?)(\/?)>(?:([\s\S]*?)<\/text>)?/g, (whole, attributeText: string, selfClosing: string, content: string | undefined) => {
      if (selfClosing === '/') return '';
      const outlined = this.outlineText(attributeText, content ?? '', faces);
      if (outlined === undefined) textLeft = true;
      return outlined ?? whole;
    });
    return { svg: result, textLeft };
  }

  private outlineText(attributeText: string, content: string, faces: OutlineFaces): string | undefined {
    const attributes = new Map<string, string>();
    for (const [, name, value] of attributeText.matchAll(/([\w:-]+)="([^"]*)"/g)) attributes.set(name!, value!);
    for (const name of attributes.keys()) if (!TEXT_ATTRIBUTES.has(name) && !GROUP_ATTRIBUTES.has(name)) return undefined;
    const file = faces[faceKey(attributes.get('font-weight'), attributes.get('font-style'))];
    const size = pixels(attributes.get('font-size') ?? '16');
    const anchor = attributes.get('text-anchor') ?? 'start';
    const x = pixels(attributes.get('x') ?? '0');
    const y = pixels(attributes.get('y') ?? '0');
    if (!file || size === undefined || x === undefined || y === undefined || !['start', 'middle', 'end'].includes(anchor)) return undefined;
    // A stroke's width is scaled back below; a dash pattern would have to be too.
    const stroke = attributes.get('stroke');
    const strokeWidth = stroke === undefined || stroke === 'none' ? undefined : pixels(attributes.get('stroke-width') ?? '1');
    if (stroke !== undefined && stroke !== 'none' && (strokeWidth === undefined || attributes.has('stroke-dasharray'))) return undefined;
    const lines = linesOf(content, x, y);
    if (!lines) return undefined;
    const font = this.fontOf(file);
    const scale = size / font.upem;
    const paths: string[] = [];
    for (const line of lines) {
      if (line.text === '') continue;
      const shaped = font.shape(line.text);
      if (!shaped) return undefined;
      const start = line.x - (anchor === 'start' ? 0 : anchor === 'middle' ? shaped.advance / 2 : shaped.advance) * scale;
      // Font units to the text's: scaled, y turned down, from the line's start on its baseline.
      // The stroke, drawn in the path's own units, is widened by as much as these shrink.
      paths.push(`<path transform="matrix(${scale} 0 0 ${-scale} ${start} ${line.y})" fill-rule="nonzero"${strokeWidth === undefined ? '' : ` stroke-width="${strokeWidth / scale}"`} d="${pathOf(font, shaped)}"/>`);
    }
    const group = [...attributes].filter(([name]) => GROUP_ATTRIBUTES.has(name)).map(([name, value]) => ` ${name}="${value}"`).join('');
    return `<g${group}>${paths.join('')}</g>`;
  }

  private fontOf(file: string): OutlineFont {
    let font = this.fonts.get(file);
    if (!font) {
      font = new OutlineFont(readFileSync(file));
      this.fonts.set(file, font);
    }
    return font;
  }
}

/**
 * A text's lines, each anchored at its own point: the text itself, or its `<tspan>`s, a tspan
 * with `x` starting a line of its own. Undefined for content this does not read.
 */
function linesOf(content: string, x: number, y: number): Line[] | undefined {
  if (!content.includes('<')) {
    const text = textOf(content);
    return text === undefined ? undefined : [{ x, y, text }];
  }
  const lines: Line[] = [];
  let at = 0;
  let current: Line = { x, y, text: '' };
  lines.push(current);
  for (const match of content.matchAll(/<tspan\b([^>]*)>([^<]*)<\/tspan>/g)) {
    if (match.index !== at) return undefined;
    at = match.index + match[0].length;
    const attributes = new Map<string, string>();
    for (const [, name, value] of match[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)) attributes.set(name!, value!);
    for (const name of attributes.keys()) if (name !== 'x' && name !== 'dy') return undefined;
    const text = textOf(match[2]!);
    if (text === undefined) return undefined;
    const dy = pixels(attributes.get('dy') ?? '0');
    const xValue = attributes.get('x');
    const newX = xValue === undefined ? undefined : pixels(xValue);
    if (dy === undefined || (xValue !== undefined && newX === undefined)) return undefined;
    if (newX !== undefined) {
      current = { x: newX, y: current.y + dy, text: '' };
      lines.push(current);
    } else if (dy !== 0) {
      // A line moved down without an x of its own goes on from where the last one ended: not read here.
      return undefined;
    }
    current.text += text;
  }
  return at === content.length ? lines : undefined;
}

/** A text's characters, entities read, white space as SVG collapses it; undefined when it has spaces at its ends. */
function textOf(raw: string): string | undefined {
  const text = raw
    .replace(/[\n\r]/g, '')
    .replace(/\t/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, name: string) => entity(name));
  if (text !== text.trim()) return undefined;
  return text;
}

function entity(name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
  if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
  return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower]!;
}

/** A length in a chart's user units (pixels), or undefined when it is not one. */
function pixels(value: string): number | undefined {
  const parsed = Number(value.endsWith('px') ? value.slice(0, -2) : value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** A line's glyphs as one path's data, in font units from the line's start on its baseline, y up. */
function pathOf(font: OutlineFont, shaped: ShapedText): string {
  let d = '';
  for (let i = 0; i < shaped.ids.length; i++) {
    const { x, y, rest } = font.outline(shaped.ids[i]!);
    if (rest !== '') d += `M${x + shaped.xs[i]!} ${y + shaped.ys[i]!}${rest}`;
  }
  return d;
}
