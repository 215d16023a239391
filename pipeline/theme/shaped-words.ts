/**
 * The table of shaped words a build keeps (memo.ts): for each font face (its identity and
 * pdfkit's scale), the run of every word shaped so far, and the words an earlier build saved,
 * made into runs when first asked for. Its own module, without the shaping, so that a build
 * that shapes nothing (a rebuild with nothing changed) does not load HarfBuzz to make it.
 */
import type { MemoTable } from '../cache/memo.ts';
import type { FontGlyph, GlyphPosition } from './shaping.ts';
import { bytesOf, compactNumbers, frame, FrameReader, shapeOf, type Numbers, type NumbersShape } from '../util/framed-bytes.ts';

/** A shaped word: its glyphs, their positions in font units, and the same scaled to a size of 1000 as pdfkit scales them. */
export interface ShapedRun {
  glyphs: FontGlyph[];
  /** Positions in font units, as fontkit's `layout` gives them. */
  units: GlyphPosition[];
  /** Positions scaled as pdfkit's `layoutRun` leaves them, with each glyph's scaled advance width. */
  positions: (GlyphPosition & { advanceWidth: number })[];
  /** Sum of the scaled x advances, added in order as fontkit's `GlyphRun.advanceWidth` adds them. */
  advanceWidth: number;
}

/** A run with its positions scaled as pdfkit's `layoutRun` scales them. */
export function scaledRun(glyphs: FontGlyph[], units: GlyphPosition[], scale: number): ShapedRun {
  let advanceWidth = 0;
  const positions = units.map((p, i) => {
    const position = { xAdvance: p.xAdvance * scale, yAdvance: p.yAdvance * scale, xOffset: p.xOffset * scale, yOffset: p.yOffset * scale, advanceWidth: glyphs[i]!.advanceWidth * scale };
    advanceWidth += position.xAdvance;
    return position;
  });
  return { glyphs, units, positions, advanceWidth };
}

/**
 * The shaped words of a face as saved, in font units, flat so that writing and reading them
 * costs little (a build saves tens of thousands of words): the words in a list, and in
 * `data`, for each word in turn, its glyph count n, n glyph ids, n x advances and a flag —
 * 1 when n triples of y advance, x offset and y offset follow (only where the word has any),
 * 2 when its glyphs' code points are in `codePoints` (only where they are not the word's own
 * characters one by one). A face's glyph advances are saved once, by glyph id. `data` is a
 * typed array, whole numbers where every number is one (font units are), and is written to
 * the cache as its bytes (`ShapedWords.saveBytes`), not as text.
 */
interface SavedFace {
  advances: Record<number, number>;
  words: string[];
  data: Numbers;
  codePoints: Record<number, number[][]>;
}

/** A saved face as the header of `ShapedWords.saveBytes` gives it: all but its numbers, with their type and count. */
type SavedHeader = Omit<SavedFace, 'data'> & NumbersShape;

/** Numbers added one by one into a typed array that grows; `done` gives them as whole numbers when all are. */
class NumberList {
  private buffer = new Float64Array(4096);
  private length = 0;

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Float64Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = value;
  }

  done(): Numbers {
    return compactNumbers(this.buffer.subarray(0, this.length));
  }
}

/** A saved face with each word's index and where its entry starts in `data`, made when the face is first asked for. */
export interface KeptFace {
  saved: SavedFace;
  index: Map<string, number>;
  offsets: number[];
}

/** The name of the table of shaped words. */
export const SHAPED_WORDS = 'shaped-words';

/** Shaped words by face and scale (`${identity}|${scale}`), then by word. */
export class ShapedWords implements MemoTable {
  readonly name = SHAPED_WORDS;
  private readonly runs = new Map<string, Map<string, ShapedRun>>();
  /** Words saved by an earlier build, by face; made into runs when first asked for. */
  private readonly saved = new Map<string, SavedFace>();
  /** The indexed form of `saved`, by face. */
  private readonly kept = new Map<string, KeptFace>();

  /** The words of `face` shaped so far, which its shaping adds to. */
  wordsOf(face: string): Map<string, ShapedRun> {
    let words = this.runs.get(face);
    if (!words) {
      words = new Map();
      this.runs.set(face, words);
    }
    return words;
  }

  /** The words an earlier build saved for `face`, indexed when first asked for. */
  keptFace(face: string): KeptFace | undefined {
    let known = this.kept.get(face);
    if (!known) {
      const entry = this.saved.get(face);
      if (!entry) return undefined;
      const index = new Map<string, number>();
      const offsets: number[] = [];
      let offset = 0;
      entry.words.forEach((word, i) => {
        index.set(word, i);
        offsets.push(offset);
        offset += entryLength(entry.data, offset);
      });
      known = { saved: entry, index, offsets };
      this.kept.set(face, known);
    }
    return known;
  }

  /** The run of a word an earlier build saved (`kept`, a face's, from `keptFace`), as shaping it would give it; undefined when none was saved. */
  keptRun(kept: KeptFace | undefined, word: string, scale: number): ShapedRun | undefined {
    const index = kept?.index.get(word);
    return index === undefined ? undefined : loadRun(word, kept!.saved, kept!.offsets[index]!, index, scale);
  }

  /**
   * The advance width of a word an earlier build saved, as `keptRun(…).advanceWidth` gives it
   * (the same additions in the same order), without making its run: measuring a word needs
   * only this. Undefined when none was saved.
   */
  keptAdvance(kept: KeptFace | undefined, word: string, scale: number): number | undefined {
    const index = kept?.index.get(word);
    if (index === undefined) return undefined;
    const { data } = kept!.saved;
    const { n, advances } = entryParts(data, kept!.offsets[index]!);
    let advanceWidth = 0;
    for (let i = 0; i < n; i++) advanceWidth += data[advances + i]! * scale;
    return advanceWidth;
  }

  size(): number {
    let count = 0;
    for (const [face, words] of this.runs) {
      count += words.size;
      const old = this.saved.get(face);
      if (old) for (const word of old.words) if (!words.has(word)) count++;
    }
    for (const [face, old] of this.saved) if (!this.runs.has(face)) count += old.words.length;
    return count;
  }

  save(): unknown {
    const faces: Record<string, SavedFace> = {};
    for (const face of new Set([...this.saved.keys(), ...this.runs.keys()])) faces[face] = saveFace(this.runs.get(face) ?? new Map(), this.keptFace(face));
    return faces;
  }

  clear(): void {
    this.runs.clear();
    this.saved.clear();
    this.kept.clear();
  }

  load(entries: unknown): void {
    for (const [face, entry] of Object.entries(entries as Record<string, SavedFace>)) {
      this.saved.set(face, entry);
      this.kept.delete(face);
    }
  }

  /**
   * The table as bytes (`frame`, util/framed-bytes.ts): a header with each face's words,
   * advances, code points and the type and length of its data, then each face's data as it
   * lies in memory, in the header's order. Reading it parses only the header; the numbers,
   * most of the table, are copied as they are.
   */
  saveBytes(): Uint8Array {
    const faces = this.save() as Record<string, SavedFace>;
    const header: Record<string, SavedHeader> = {};
    for (const [face, { data, ...rest }] of Object.entries(faces)) header[face] = { ...rest, ...shapeOf(data) };
    return frame(header, Object.values(faces).map(({ data }) => bytesOf(data)));
  }

  /** Adds the faces of a table saved by `saveBytes`; throws on bytes that are not one. */
  loadBytes(bytes: Uint8Array): void {
    const reader = new FrameReader(bytes, 'the shaped words');
    const faces: Record<string, SavedFace> = {};
    for (const [face, { type, length, ...rest }] of Object.entries(reader.header as Record<string, SavedHeader>)) faces[face] = { ...rest, data: reader.numbers({ type, length }) };
    reader.end();
    this.load(faces);
  }

}

/**
 * Where the parts of the word entry at `offset` start in a face's data: its glyph count `n`,
 * then the n glyph ids, the n x-advances, a flag (1: the positions' other parts follow; 2: the
 * glyphs' code points are kept aside), and with flag 1 a y-advance, x-offset and y-offset for
 * each glyph. What `saveFace` writes, and every reader of an entry reads by.
 */
function entryParts(data: ArrayLike<number>, offset: number): { n: number; ids: number; advances: number; flag: number; extras: number } {
  const n = data[offset]!;
  return { n, ids: offset + 1, advances: offset + 1 + n, flag: offset + 1 + 2 * n, extras: offset + 2 + 2 * n };
}

/** Length in `data` of the word entry starting at `offset`. */
function entryLength(data: ArrayLike<number>, offset: number): number {
  const { n, flag } = entryParts(data, offset);
  return 2 + 2 * n + (data[flag]! & 1 ? 3 * n : 0);
}

/** A face's words as saved: those shaped or used in this process, then those only an earlier build saved. */
function saveFace(words: Map<string, ShapedRun>, old: KeptFace | undefined): SavedFace {
  const out: Omit<SavedFace, 'data'> = { advances: {}, words: [], codePoints: {} };
  const { advances } = out;
  const data = new NumberList();
  for (const [word, run] of words) {
    const { glyphs, units } = run;
    const n = glyphs.length;
    data.push(n);
    for (const glyph of glyphs) data.push(glyph.id);
    let offsets = false;
    for (const p of units) {
      if (p.yAdvance || p.xOffset || p.yOffset) offsets = true;
      data.push(p.xAdvance);
    }
    let plain = n === word.length;
    for (let i = 0; plain && i < n; i++) {
      const c = glyphs[i]!.codePoints;
      plain = c.length === 1 && c[0] === word.charCodeAt(i);
    }
    data.push((offsets ? 1 : 0) | (plain ? 0 : 2));
    if (offsets) {
      for (const p of units) {
        data.push(p.yAdvance);
        data.push(p.xOffset);
        data.push(p.yOffset);
      }
    }
    if (!plain) out.codePoints[out.words.length] = glyphs.map((g) => g.codePoints);
    for (const glyph of glyphs) advances[glyph.id] = glyph.advanceWidth;
    out.words.push(word);
  }
  if (old) {
    const { saved: entry, index: at, offsets } = old;
    for (const [word, index] of at) {
      if (words.has(word)) continue;
      const offset = offsets[index]!;
      const length = entryLength(entry.data, offset);
      const { n, ids } = entryParts(entry.data, offset);
      for (let i = 0; i < n; i++) {
        const id = entry.data[ids + i]!;
        advances[id] = entry.advances[id]!;
      }
      if (entry.codePoints[index]) out.codePoints[out.words.length] = entry.codePoints[index]!;
      out.words.push(word);
      for (let i = 0; i < length; i++) data.push(entry.data[offset + i]!);
    }
  }
  return { ...out, data: data.done() };
}

/** The run of a saved word, as shaping it would give it. */
function loadRun(word: string, entry: SavedFace, offset: number, index: number, scale: number): ShapedRun {
  const { data, advances } = entry;
  const at = entryParts(data, offset);
  const { n } = at;
  const flag = data[at.flag]!;
  const codePoints = flag & 2 ? entry.codePoints[index] : undefined;
  const own = codePoints ? undefined : Array.from(word, (c) => [c.codePointAt(0)!]);
  const glyphs: FontGlyph[] = [];
  const units: GlyphPosition[] = [];
  for (let i = 0; i < n; i++) {
    const id = data[at.ids + i]!;
    glyphs.push({ id, advanceWidth: advances[id]!, codePoints: codePoints ? codePoints[i]! : own![i]! });
    const extra = flag & 1 ? at.extras + 3 * i : -1;
    units.push({ xAdvance: data[at.advances + i]!, yAdvance: extra < 0 ? 0 : data[extra]!, xOffset: extra < 0 ? 0 : data[extra + 1]!, yOffset: extra < 0 ? 0 : data[extra + 2]! });
  }
  return scaledRun(glyphs, units, scale);
}
