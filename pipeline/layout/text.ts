/**
 * The text of one PDF: its fonts, and the runs of text written with them.
 *
 * Each face of the theme is embedded as a composite (Type0) font whose character codes are
 * the font's own glyph ids (CID = GID); a CIDToGIDMap stream leads each to its glyph in the
 * embedded subset. pdfkit's own fonts number the glyphs of a subset in the order a document
 * first uses them, so one new glyph early in a document (a correction's new digit) renumbered
 * the glyphs of every page after it, and changed the content of pages that show nothing new.
 * Here a word is written with the same codes wherever it stands, in every document, and a
 * page's content depends on that page alone.
 *
 * The fonts are written with pdfkit's public API (`doc.ref`, the page's font resources,
 * `doc.addContent`); runs are shaped once per face and word (theme/shared-face.ts). Before
 * the document ends, `embed()` writes each face it used: the subset (fontkit), its widths,
 * and a ToUnicode map, so the text layer reads the words drawn.
 */

import type { Subset, SubsetFont } from 'fontkit';
import { fontIdentity, type FontGlyph, type ShapingFont } from '../theme/shaping.ts';
import type { EncodedWord, SharedFace } from '../theme/shared-face.ts';
import { digest } from '../util/digest.ts';
import { compactNumbers, type Numbers } from '../util/framed-bytes.ts';
import { deflated, deflatedStream } from './paged-pdf.ts';

/** pdfkit's number format for content streams. */
function number(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** One face as this document embeds it: the glyphs its pages used, with the characters each stands for. */
class Embedding {
  /** The font's dictionary, referred to by every page that uses it and written by `embed`. */
  readonly dictionary: PDFKit.PDFKitReference;
  /** The characters of each glyph id used, as first met. */
  readonly glyphs = new Map<number, FontGlyph>();

  constructor(
    readonly id: string,
    readonly face: SharedFace,
    doc: PDFKit.PDFDocument,
  ) {
    this.dictionary = doc.ref({});
  }
}

/** The glyphs one page used of one face, each as first met on the page, and the words already counted. */
interface PageFace {
  words: Set<EncodedWord>;
  glyphs: Map<number, FontGlyph>;
}

/**
 * The glyphs a page used, by the name of their face: for each glyph its id, its advance, the
 * number of characters it stands for and those characters, one after another, in the order the
 * page first used them (whole numbers all, as a font's are; else as 64-bit floats). What a page
 * written again from its kept content adds to the fonts.
 */
export type PageGlyphs = Record<string, Numbers>;

/**
 * Embedded font files made before, each by its face and glyphs (`subsetKey`): a document whose
 * pages use the glyphs an earlier build's did embeds the same file without making it again.
 */
export interface SubsetStore {
  get(key: string): Uint8Array | undefined;
  set(key: string, file: Uint8Array): void;
}

/** What an embedded font file is made from: the face (its identity) and the glyph ids it holds, in order. */
export function subsetKey(font: ShapingFont, ids: readonly number[]): string {
  return `${fontIdentity(font)}|${ids.join(',')}`;
}

/**
 * The text of one PDF document: measures and writes runs of text in the theme's faces, by the
 * name each face has in the page style, and embeds the faces used when the document ends.
 *
 *   const text = new PdfText(doc, faces);
 *   doc.fillColor('#333');
 *   text.draw('Regular', 10, 'Civil society', x, baseline);
 *   text.endPage();                                // before the next page is added
 *   text.embed();                                  // then doc.end()
 *
 * A page's fonts are added to its resources when it ends (`endPage`), in the order of their
 * resource names, so the document's objects come in the same order whether a page was drawn
 * or written again from kept content (`beginPage(true)`, `endPage(kept)`, paged-pdf.ts).
 */
export class PdfText {
  private readonly embeddings = new Map<string, Embedding>();
  /** The resource name of each face, by its place among the faces: the same in every document. */
  private readonly ids: Map<string, string>;
  /** The faces the current page used so far, by name. */
  private readonly pageFaces = new Map<string, PageFace>();
  /** The page those faces were used on. */
  private pageOf: unknown;
  /** Whether the current page is written again from kept content: nothing is drawn. */
  private replaying = false;

  /**
   * `faces`: the shared shaping of each face, by the name the page style gives it. `subsets`:
   * the embedded font files made before, and where those made here are kept.
   */
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly faces: ReadonlyMap<string, SharedFace>,
    private readonly subsets?: SubsetStore,
  ) {
    this.ids = new Map([...faces.keys()].map((name, i) => [name, `T${i + 1}`]));
  }

  /** The shared face named `font` (an error names one the faces lack). */
  private face(font: string): SharedFace {
    const face = this.faces.get(font);
    if (!face) throw new Error(`the font "${font}" has no shaping among the document's fonts (${[...this.faces.keys()].join(', ')})`);
    return face;
  }

  /** Width (pt) of `text` in `font` at `size` (theme/shared-face.ts). */
  widthOf(font: string, size: number, text: string): number {
    return this.face(font).widthOf(text, size);
  }

  /** How far below the top of its line box `font` at `size` puts the baseline, as `drawTop` places it. */
  ascent(font: string, size: number): number {
    return (this.face(font).ascender / 1000) * size;
  }

  /** Writes one line of `text` (no newline: the flow has broken the lines) in the current fill colour, its line box's top at `top`. */
  drawTop(font: string, size: number, text: string, x: number, top: number): void {
    this.draw(font, size, text, x, top + this.ascent(font, size), 0);
  }

  /**
   * Writes one line of `text` in `font` at `size` and the current fill colour on the baseline
   * `baseline` (from the page's top), each space followed by `spacing` pt more: justification
   * that keeps the space characters in the text.
   */
  draw(font: string, size: number, text: string, x: number, baseline: number, spacing = 0): void {
    if (this.replaying) return;
    text = text.replace(/\n/g, '');
    if (text.length === 0) return;
    const face = this.face(font);
    const used = this.pageFace(font);
    const doc = this.doc;
    const height = doc.page.height;
    doc.save();
    doc.transform(1, 0, 0, -1, 0, height);
    const y = height - baseline;
    doc.addContent('BT');
    doc.addContent(`1 0 0 1 ${number(x)} ${number(y)} Tm`);
    doc.addContent(`/${this.ids.get(font)!} ${number(size)} Tf`);
    const scale = size / 1000;
    // In the text space's units (thousandths of the size), as TJ takes them.
    const extra = spacing / scale;
    const commands: string[] = [];
    let segment = '';
    let penX = x;
    let hadOffset = false;
    const flush = () => {
      if (segment !== '') commands.push(`<${segment}> 0`);
      segment = '';
      if (commands.length > 0) doc.addContent(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    };
    for (const word of face.encodeText(text)) {
      if (!used.words.has(word)) {
        used.words.add(word);
        for (const glyph of word.glyphs) if (!used.glyphs.has(glyph.id)) used.glyphs.set(glyph.id, glyph);
      }
      const { codes, positions, spaces } = word;
      for (let i = 0; i < codes.length; i++) {
        const pos = positions[i]!;
        const adjustment = pos.xAdvance - pos.advanceWidth + (spaces[i] ? extra : 0);
        if (pos.xOffset || pos.yOffset) {
          flush();
          doc.addContent(`1 0 0 1 ${number(penX + pos.xOffset * scale)} ${number(y + pos.yOffset * scale)} Tm`);
          doc.addContent(`[<${codes[i]}> ${number(-adjustment)}] TJ`);
          hadOffset = true;
        } else {
          if (hadOffset) {
            doc.addContent(`1 0 0 1 ${number(penX)} ${number(y)} Tm`);
            hadOffset = false;
          }
          segment += codes[i];
          if (adjustment !== 0) {
            commands.push(`<${segment}> ${number(-adjustment)}`);
            segment = '';
          }
        }
        penX += (pos.xAdvance + (spaces[i] ? extra : 0)) * scale;
      }
    }
    flush();
    doc.addContent('ET');
    doc.restore();
  }

  /** Starts the page just added: drawn, or (`replaying`) to be written again from kept content, when `draw` draws nothing. */
  beginPage(replaying: boolean): void {
    this.pageFaces.clear();
    this.pageOf = this.doc.page;
    this.replaying = replaying;
  }

  /**
   * Ends the current page: adds the faces it used to its font resources and their glyphs to
   * the fonts the document embeds. A page written again from kept content gives the glyphs it
   * used when it was drawn (`kept`). Returns the glyphs the page used.
   */
  endPage(kept?: PageGlyphs): PageGlyphs {
    const glyphs: PageGlyphs = kept ?? Object.fromEntries([...this.pageFaces].map(([font, used]) => [font, flatGlyphs(used.glyphs.values())]));
    const fonts = this.doc.page.fonts as Record<string, unknown>;
    for (const font of [...this.ids.keys()].filter((name) => glyphs[name])) {
      const embedding = this.embedding(font);
      fonts[embedding.id] = embedding.dictionary;
      const add = (glyph: FontGlyph) => {
        if (!embedding.glyphs.has(glyph.id)) embedding.glyphs.set(glyph.id, glyph);
      };
      // A page drawn here has its glyphs at hand; only kept ones are read out of their list.
      if (kept) eachGlyph(kept[font]!, add);
      else for (const glyph of this.pageFaces.get(font)!.glyphs.values()) add(glyph);
    }
    this.pageFaces.clear();
    this.replaying = false;
    return glyphs;
  }

  /** Writes the font objects of every face used, the current page's too. Called once, before the document ends. */
  embed(): void {
    if (this.pageFaces.size > 0) this.endPage();
    for (const embedding of this.embeddings.values()) embedFont(this.doc, embedding, this.subsets);
  }

  /** What the current page used of `font` so far; a page added without `endPage` for the one before is an error. */
  private pageFace(font: string): PageFace {
    if (this.doc.page !== this.pageOf) {
      if (this.pageFaces.size > 0) throw new Error('PdfText: a page was added before endPage() ended the one before; its fonts would be missing');
      this.pageOf = this.doc.page;
    }
    let used = this.pageFaces.get(font);
    if (!used) {
      used = { words: new Set(), glyphs: new Map() };
      this.pageFaces.set(font, used);
    }
    return used;
  }

  private embedding(font: string): Embedding {
    let embedding = this.embeddings.get(font);
    if (!embedding) {
      embedding = new Embedding(this.ids.get(font)!, this.face(font), this.doc);
      this.embeddings.set(font, embedding);
    }
    return embedding;
  }
}

/** Glyphs as `PageGlyphs` keeps them: id, advance, character count, characters. */
function flatGlyphs(glyphs: Iterable<FontGlyph>): Numbers {
  const flat: number[] = [];
  for (const glyph of glyphs) flat.push(glyph.id, glyph.advanceWidth, glyph.codePoints.length, ...glyph.codePoints);
  return compactNumbers(flat);
}

/** Calls `visit` with each glyph of a `flatGlyphs` list, in order. */
function eachGlyph(flat: Numbers, visit: (glyph: FontGlyph) => void): void {
  for (let i = 0; i < flat.length; ) {
    const count = flat[i + 2]!;
    visit({ id: flat[i]!, advanceWidth: flat[i + 1]!, codePoints: Array.from(flat.subarray(i + 3, i + 3 + count)) });
    i += 3 + count;
  }
}

/** Writes an object that has a dictionary and no stream: pdfkit's `end()` takes no chunk then, though its type declarations want one. */
function endObject(ref: PDFKit.PDFKitReference): void {
  ref.end(undefined);
}

/** Four hex digits. */
function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/**
 * Writes a face's font objects: a Type0 font with Identity-H encoding over a CIDFontType2
 * whose CIDs are the font's glyph ids, mapped to the embedded subset's by a CIDToGIDMap; the
 * subset (glyphs in id order, so the same glyphs give the same file); the widths of the
 * glyphs used; and a ToUnicode map from each glyph to the characters it stands for.
 *
 * The subset's file is written deflated as pdfkit deflates a stream (zlib's defaults), and
 * taken from `subsets` when an earlier document embedded the same glyphs of the same face.
 */
function embedFont(doc: PDFKit.PDFDocument, embedding: Embedding, subsets: SubsetStore | undefined): void {
  const { face } = embedding;
  const font = face.font as unknown as SubsetFont;
  const scale = face.scale;
  const ids = [...embedding.glyphs.keys()].sort((a, b) => a - b);
  const subset: Subset = font.createSubset();
  const cidToGid = new Uint8Array(2 * ((ids.at(-1) ?? 0) + 1));
  for (const id of ids) {
    const gid = subset.includeGlyph(id);
    cidToGid[2 * id] = gid >> 8;
    cidToGid[2 * id + 1] = gid & 0xff;
  }
  const key = subsetKey(face.font, ids);
  let file = subsets?.get(key);
  if (!file) {
    file = deflated(subset.encode());
    subsets?.set(key, file);
  }
  const fontFile = doc.ref(deflatedStream());
  fontFile.end(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
  const map = doc.ref({});
  map.end(Buffer.from(cidToGid));

  const familyClass = (font['OS/2']?.sFamilyClass ?? 0) >> 8;
  // Fixed pitch, serif, symbolic (as pdfkit declares every embedded font), script, italic.
  let flags = 1 << 2;
  if (font.post.isFixedPitch) flags |= 1 << 0;
  if (1 <= familyClass && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (font.head.macStyle.italic) flags |= 1 << 6;
  // A subset's tag: six capital letters that differ between subsets of the same font.
  const tag = Array.from(digest(`${font.postscriptName}|${ids.join(',')}`).slice(0, 6), (c) => String.fromCharCode(65 + (parseInt(c, 16) % 26))).join('');
  const name = `${tag}+${font.postscriptName.replaceAll(' ', '_')}`;
  const { bbox } = font;
  const descriptor = doc.ref({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: flags,
    FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale],
    ItalicAngle: font.italicAngle,
    Ascent: font.ascent * scale,
    Descent: font.descent * scale,
    CapHeight: (font.capHeight || font.ascent) * scale,
    XHeight: (font.xHeight || 0) * scale,
    StemV: 0,
    FontFile2: fontFile,
  });
  endObject(descriptor);

  // Widths by runs of consecutive glyph ids: [first [w w w] first [w] …].
  const widths: (number | number[])[] = [];
  for (const id of ids) {
    const width = embedding.glyphs.get(id)!.advanceWidth * scale;
    const last = widths.at(-1);
    if (Array.isArray(last) && (widths.at(-2) as number) + last.length === id) last.push(width);
    else widths.push(id, [width]);
  }
  const descendant = doc.ref({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: widths,
    CIDToGIDMap: map,
  });
  endObject(descendant);

  const dictionary = embedding.dictionary;
  Object.assign(dictionary.data, {
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: name,
    Encoding: 'Identity-H',
    DescendantFonts: [descendant],
    ToUnicode: toUnicode(doc, ids.map((id) => [id, embedding.glyphs.get(id)!.codePoints])),
  });
  endObject(dictionary);
}

/** A ToUnicode CMap: each glyph id to the characters (UTF-16BE) it stands for, a hundred to a block as the CMap format allows. */
function toUnicode(doc: PDFKit.PDFDocument, glyphs: readonly [number, readonly number[]][]): PDFKit.PDFKitReference {
  const entries = glyphs
    .filter(([, codePoints]) => codePoints.length > 0)
    .map(([id, codePoints]) => `<${hex4(id)}> <${codePoints.map((c) => (c > 0xffff ? hex4(0xd800 | ((c - 0x10000) >>> 10)) + hex4(0xdc00 | ((c - 0x10000) & 0x3ff)) : hex4(c))).join('')}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  const cmap = doc.ref({});
  cmap.end(`/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange
${blocks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`);
  return cmap;
}
