/**
 * A chart's labels as glyph outlines, for the PNG thread.
 *
 * resvg sets an SVG's text itself, but for every glyph it reads the whole font file again
 * (`@resvg/resvg-js` 2.6 and 2.7: its node binding gives fontdb only paths, and fontdb loads a
 * face from its file for each glyph it outlines), about 30 µs a glyph. A cold build's pictures
 * have some 24 000 characters. Here each label is shaped with HarfBuzz, the engine resvg's own
 * shaper (rustybuzz) ports, in the same font file, and drawn as the glyphs' outlines: each
 * glyph of a picture once, in `<defs>`, and placed with `<use>`. resvg then needs no font.
 *
 * Only what the SVG text model makes plain is converted: a `<text>` in one of the theme's
 * faces, with a text anchor, a transform, a size in pixels, paint, and lines as Vega writes
 * them (`<tspan x="0" dy="…">`). Any other text (another family, a letter spacing, a glyph the
 * face lacks, where resvg would look for another font) is left as it is, for resvg to set with
 * the font files it is given.
 */
import * as hb from 'harfbuzzjs';
import { readFileSync } from 'node:fs';
import { faceKey } from '../theme/faces.ts';
import { shapeInto } from '../theme/shaping.ts';
import type { FaceName } from '../theme/types.ts';

/** The theme's font as the PNG thread knows it: the family and each face's file. */
export interface LabelFont {
  family: string;
  files: Readonly<Record<FaceName, string>>;
}

/** Attributes of `<text>` that become attributes of the group that draws it, as they are. */
const paint = new Set(['fill', 'fill-opacity', 'opacity', 'stroke', 'stroke-opacity', 'stroke-linejoin', 'stroke-linecap', 'stroke-miterlimit', 'transform']);
/** Attributes of `<text>` read to set it. */
const setting = new Set(['font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'x', 'y', 'stroke-width']);

interface Face {
  readonly id: string;
  readonly font: hb.Font;
  readonly upem: number;
  /** Each glyph's outline in font units, y upwards; '' for a glyph with none (a space). */
  readonly outlines: Map<number, string>;
  /** Each line set so far, by its anchor and characters: the same tick labels and names recur in every picture. */
  readonly lines: Map<string, SetLine | undefined>;
}

/** A line's glyphs placed from its anchor, and the outlines they use, by id. */
interface SetLine {
  uses: string;
  outlines: [string, string][];
}

/** One line of a text: its characters, and how far below the one before it starts. */
interface Line {
  text: string;
  dy: number;
}

/**
 * Converts the labels of one theme's pictures; each face is opened once and each glyph
 * outlined once, for all the pictures it converts.
 */
export class LabelOutlines {
  private readonly faces = new Map<FaceName, Face>();
  private readonly buffer = new hb.Buffer();

  constructor(private readonly font: LabelFont) {}

  /**
   * The SVG with every text it can set drawn as outlines, and whether any text is left for
   * resvg to set with fonts.
   */
  convert(svg: string): { svg: string; textLeft: boolean } {
    const used = new Map<string, string>();
    let textLeft = false;
    const drawn = svg.replace(/<text\b([^>]*?)(\/>|>([\s\S]*?)<\/text>)/g, (element: string, attributes: string, end: string, content = '') => {
      // An empty text (Vega writes an empty label as `<text …/>`) draws nothing.
      if (end === '/>') return '';
      const group = this.text(attributesOf(attributes), content, used);
      if (group === undefined) textLeft = true;
      return group ?? element;
    });
    if (used.size === 0) return { svg: drawn, textLeft };
    const defs = `<defs>${Array.from(used, ([id, outline]) => `<path id="${id}" d="${outline}"/>`).join('')}</defs>`;
    const root = /<svg\b[^>]*>/.exec(drawn);
    if (!root) return { svg, textLeft: true };
    const at = root.index + root[0].length;
    return { svg: drawn.slice(0, at) + defs + drawn.slice(at), textLeft };
  }

  /** One text as a group of placed glyphs, or undefined where it is left to resvg. */
  private text(attributes: Map<string, string> | undefined, content: string, used: Map<string, string>): string | undefined {
    if (!attributes) return undefined;
    for (const name of attributes.keys()) if (!paint.has(name) && !setting.has(name)) return undefined;
    if (firstFamily(attributes.get('font-family')) !== this.font.family) return undefined;
    const size = pixels(attributes.get('font-size') ?? '12');
    const x = pixels(attributes.get('x') ?? '0');
    const y = pixels(attributes.get('y') ?? '0');
    const strokeWidth = attributes.has('stroke-width') ? pixels(attributes.get('stroke-width')!) : undefined;
    if (size === undefined || x === undefined || y === undefined || strokeWidth === undefined && attributes.has('stroke-width')) return undefined;
    const anchor = attributes.get('text-anchor') ?? 'start';
    if (anchor !== 'start' && anchor !== 'middle' && anchor !== 'end') return undefined;
    const lines = linesOf(content);
    if (!lines) return undefined;
    const face = this.face(faceKey(attributes.get('font-weight'), attributes.get('font-style')));
    const scale = size / face.upem;
    let below = y;
    let groups = '';
    for (const line of lines) {
      below += line.dy;
      const uses = this.line(face, line.text, anchor, used);
      if (uses === undefined) return undefined;
      groups += `<g transform="translate(${x},${below}) scale(${scale},${-scale})">${uses}</g>`;
    }
    let own = '';
    for (const [name, value] of attributes) if (paint.has(name)) own += ` ${name}="${value}"`;
    // The stroke is drawn in the glyphs' own units, `scale` to the pixel.
    if (strokeWidth !== undefined) own += ` stroke-width="${strokeWidth / scale}"`;
    return `<g${own}>${groups}</g>`;
  }

  /** One line's glyphs, placed from its anchor, or undefined if the face lacks one of them. */
  private line(face: Face, text: string, anchor: 'start' | 'middle' | 'end', used: Map<string, string>): string | undefined {
    const key = `${anchor} ${text}`;
    let line = face.lines.get(key);
    if (!face.lines.has(key)) {
      line = this.set(face, text, anchor);
      face.lines.set(key, line);
    }
    if (!line) return undefined;
    for (const [id, outline] of line.outlines) used.set(id, outline);
    return line.uses;
  }

  private set(face: Face, text: string, anchor: 'start' | 'middle' | 'end'): SetLine | undefined {
    if (text === '') return { uses: '', outlines: [] };
    const { infos: glyphs, places } = shapeInto(this.buffer, face.font, text);
    let width = 0;
    for (const place of places) width += place.xAdvance;
    let pen = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
    let uses = '';
    const outlines: [string, string][] = [];
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i]!.codepoint;
      if (glyph === 0) return undefined;
      const { xAdvance, xOffset, yOffset } = places[i]!;
      const outline = this.outline(face, glyph);
      if (outline !== '') {
        const id = `${face.id}${glyph}`;
        outlines.push([id, outline]);
        uses += `<use href="#${id}" x="${round(pen + xOffset)}"${yOffset === 0 ? '' : ` y="${yOffset}"`}/>`;
      }
      pen += xAdvance;
    }
    return { uses, outlines };
  }

  private outline(face: Face, glyph: number): string {
    let outline = face.outlines.get(glyph);
    if (outline === undefined) {
      outline = face.font.glyphToPath(glyph);
      face.outlines.set(glyph, outline);
    }
    return outline;
  }

  private face(key: FaceName): Face {
    let face = this.faces.get(key);
    if (!face) {
      const hbFace = new hb.Face(new hb.Blob(readFileSync(this.font.files[key])), 0);
      face = { id: `csi-glyph-${key}-`, font: new hb.Font(hbFace), upem: hbFace.upem, outlines: new Map(), lines: new Map() };
      this.faces.set(key, face);
    }
    return face;
  }
}

/** A tag's attributes by name, or undefined if they are not all written `name="value"`. */
function attributesOf(source: string): Map<string, string> | undefined {
  const attributes = new Map<string, string>();
  const rest = source.replace(/\s([A-Za-z_:][\w:.-]*)="([^"]*)"/g, (_all: string, name: string, value: string) => {
    attributes.set(name, value);
    return '';
  });
  return rest.trim() === '' ? attributes : undefined;
}

/**
 * The text's lines: its characters alone, or Vega's lines, each a `<tspan>`, each after the
 * first at `x="0"`. SVG strips the spaces at the ends of the whole text, not of each line, and
 * makes one of two spaces that meet where lines join: a line with a space at such an end is
 * left to resvg.
 */
function linesOf(content: string): Line[] | undefined {
  if (!content.includes('<')) return [{ text: characters(content).trim(), dy: 0 }];
  const lines: Line[] = [];
  let plain = true;
  const rest = content.replace(/<tspan\b([^>]*)>([^<]*)<\/tspan>/g, (_all: string, source: string, text: string) => {
    const attributes = attributesOf(source);
    const dy = pixels(attributes?.get('dy') ?? '0');
    const x = attributes?.get('x');
    // A line after the first starts again at the text's x; the first has nothing to move it.
    const placed = lines.length > 0 ? x === '0' : x === undefined || x === '0';
    if (!attributes || [...attributes.keys()].some((name) => name !== 'x' && name !== 'dy') || dy === undefined || !placed) plain = false;
    lines.push({ text: characters(text), dy: dy ?? 0 });
    return '';
  });
  if (!plain || rest.trim() !== '' || lines.length === 0) return undefined;
  lines[0]!.text = lines[0]!.text.trimStart();
  lines.at(-1)!.text = lines.at(-1)!.text.trimEnd();
  const last = lines.length - 1;
  if (lines.some((line, i) => (i > 0 && line.text.startsWith(' ')) || (i < last && line.text.endsWith(' ')))) return undefined;
  return lines;
}

/** Character data as SVG sets it by default (`xml:space` not `preserve`), entities decoded; the ends are the caller's. */
function characters(data: string): string {
  const text = data.replace(/[\n\r]/g, '').replace(/\t/g, ' ').replace(/ {2,}/g, ' ');
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g, (_all: string, hex?: string, decimal?: string, name?: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : decimal ? String.fromCodePoint(parseInt(decimal, 10)) : entities[name!]!);
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The first family of a `font-family` list, without its quotes. */
function firstFamily(list: string | undefined): string | undefined {
  return list?.split(',')[0]?.trim().replace(/^(['"])(.*)\1$/, '$2');
}

/** A length in pixels (`8.5px` or `8.5`), or undefined for any other unit. */
function pixels(value: string): number | undefined {
  const match = /^\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)(px)?\s*$/i.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** A glyph's place in font units, to a hundredth of a unit (a thousandth of a pixel and less). */
function round(units: number): number {
  return Math.round(units * 100) / 100;
}
