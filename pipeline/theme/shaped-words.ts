/**
 * The table of shaped words a build keeps (memo.ts): for each font face (its identity and
 * pdfkit's scale), the run of every word shaped so far, and the words an earlier build saved,
 * made into runs when first asked for. Its own module, without the shaping, so that a build
 * that shapes nothing (a rebuild with nothing changed) does not load HarfBuzz to make it.
 */
import type { MemoTable } from '../cache/memo.ts';
import type { FontGlyph, GlyphPosition } from './shaping.ts';
import { bytesOf, compactNumbers, frame, FrameReader, shapeOf, type Numbers, type NumbersShape } from '../util/framed-bytes.ts';

/** A shaped word: its glyphs and their positions scaled to a size of 1000 as pdfkit scales them. */
export interface ShapedRun {
  glyphs: FontGlyph[];
  /** Positions scaled as pdfkit's `layoutRun` leaves them, with each glyph's scaled advance width. */
  positions: ScaledPosition[];
  /** Sum of the scaled x advances, added in order as fontkit's `GlyphRun.advanceWidth` adds them. */
  advanceWidth: number;
}

/** A glyph's position scaled as pdfkit's `layoutRun` leaves it, with the glyph's scaled advance width. */
export type ScaledPosition = GlyphPosition & { advanceWidth: number };

/** A position scaled as pdfkit's `layoutRun` scales it: each part times the scale, in this order. */
function scaledPosition(p: GlyphPosition, advanceWidth: number, scale: number): ScaledPosition {
  return { xAdvance: p.xAdvance * scale, yAdvance: p.yAdvance * scale, xOffset: p.xOffset * scale, yOffset: p.yOffset * scale, advanceWidth: advanceWidth * scale };
}

/**
 * The glyphs and positions of one face's runs (at one scale), one object for each distinct
 * value, which all the face's runs share. A word's run was three objects for each of its
 * glyphs — the glyph, its position in font units, the same scaled — so the 36 000 words of the
 * default build held about a million small objects, 89 MB of the heap, every one of which
 * survived to be copied by the collector and kept a watcher's memory high. Shared, they are a
 * few thousand: a face has a few hundred glyphs, each with a handful of advances (its kerning).
 * What runs hold is never changed (`SharedFace.run`), so sharing cannot be seen in any output.
 *
 * Shared are a glyph made from one code point, and a scaled position with no vertical advance
 * and no offsets (all but a few); others are made as they come. A signed zero is kept too, so that a
 * shared value is always the very number it replaces.
 */
export class RunParts {
  /** Glyphs by id and code point. */
  private readonly glyphs = new Map<number, FontGlyph>();
  /** Scaled positions with no vertical advance and no offsets, by x advance (font units), then the glyph's advance width. */
  private readonly positions = new Map<number, Map<number, ScaledPosition>>();

  constructor(readonly scale: number) {}

  /**
   * The run of these glyphs and positions in font units, its positions scaled as pdfkit's
   * `layoutRun` scales them and its advance width their x advances added in order, as fontkit's
   * `GlyphRun.advanceWidth` adds them; made of the shared objects.
   */
  run(glyphs: readonly FontGlyph[], units: readonly GlyphPosition[]): ShapedRun {
    const shared = glyphs.map((glyph) => this.glyph(glyph));
    let advanceWidth = 0;
    const positions = units.map((unit, i) => {
      const position = this.position(unit, shared[i]!.advanceWidth);
      advanceWidth += position.xAdvance;
      return position;
    });
    return { glyphs: shared, positions, advanceWidth };
  }

  private glyph(glyph: FontGlyph): FontGlyph {
    if (glyph.codePoints.length !== 1) return glyph;
    const codePoint = glyph.codePoints[0]!;
    // Glyph ids below 2¹⁶ and code points below 0x110000: one exact number for the pair.
    const key = glyph.id * 0x110000 + codePoint;
    let known = this.glyphs.get(key);
    if (known && known.advanceWidth !== glyph.advanceWidth) return glyph;
    if (!known) {
      // A glyph of its own, plain: the one given may be fontkit's, which keeps it and changes its code points.
      known = { id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [codePoint] };
      this.glyphs.set(key, known);
    }
    return known;
  }

  private position(unit: GlyphPosition, advanceWidth: number): ScaledPosition {
    const { xAdvance } = unit;
    const plain = Object.is(unit.yAdvance, 0) && Object.is(unit.xOffset, 0) && Object.is(unit.yOffset, 0) && !Object.is(xAdvance, -0) && !Object.is(advanceWidth, -0);
    if (!plain) return scaledPosition(unit, advanceWidth, this.scale);
    let byAdvance = this.positions.get(xAdvance);
    if (!byAdvance) {
      byAdvance = new Map();
      this.positions.set(xAdvance, byAdvance);
    }
    let known = byAdvance.get(advanceWidth);
    if (!known) {
      known = scaledPosition(unit, advanceWidth, this.scale);
      byAdvance.set(advanceWidth, known);
    }
    return known;
  }
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
  private buffer: Float64Array;
  length = 0;

  constructor(capacity = 4096) {
    this.buffer = new Float64Array(Math.max(capacity, 16));
  }

  push(value: number): void {
    if (this.length === this.buffer.length) this.grow(this.length + 1);
    this.buffer[this.length++] = value;
  }

  append(values: ArrayLike<number>): void {
    if (this.length + values.length > this.buffer.length) this.grow(this.length + values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }

  /** The numbers so far, as they are (a view, which later additions may overwrite). */
  private numbers(): Float64Array {
    return this.buffer.subarray(0, this.length);
  }

  done(): Numbers {
    return compactNumbers(this.numbers());
  }

  private grow(needed: number): void {
    const grown = new Float64Array(Math.max(needed, this.buffer.length * 2));
    grown.set(this.numbers());
    this.buffer = grown;
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
  /** Words shaped in this process, by face, written as `saved` holds them when they were shaped. */
  private readonly fresh = new Map<string, FreshWords>();
  /** The indexed form of `saved`, by face. */
  private readonly kept = new Map<string, KeptFace>();
  /** The objects each face's runs share, by face. */
  private readonly parts = new Map<string, RunParts>();

  /** The words of `face` shaped so far, which its shaping adds to. */
  wordsOf(face: string): Map<string, ShapedRun> {
    let words = this.runs.get(face);
    if (!words) {
      words = new Map();
      this.runs.set(face, words);
    }
    return words;
  }

  /** The objects the runs of `face` (whose positions are scaled by `scale`) share. */
  partsOf(face: string, scale: number): RunParts {
    let parts = this.parts.get(face);
    if (!parts) {
      parts = new RunParts(scale);
      this.parts.set(face, parts);
    }
    return parts;
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

  /**
   * The run of a word an earlier build saved (`kept`, a face's, from `keptFace`), as shaping it
   * would give it, made of the face's shared objects (`parts`, from `partsOf`); undefined when
   * none was saved.
   */
  keptRun(kept: KeptFace | undefined, word: string, parts: RunParts): ShapedRun | undefined {
    const index = kept?.index.get(word);
    return index === undefined ? undefined : loadRun(word, kept!.saved, kept!.offsets[index]!, index, parts);
  }

  /**
   * The run of `word`, just shaped into `glyphs` at positions `units` (font units), made of the
   * face's shared objects (`parts`); the word is written down at once as the table saves it, so
   * saving costs no second pass over a build's tens of thousands of words.
   */
  shaped(face: string, word: string, glyphs: readonly FontGlyph[], units: readonly GlyphPosition[], parts: RunParts): ShapedRun {
    const fresh = this.freshOf(face);
    if (!fresh.has(word)) fresh.add(word, glyphs, units);
    return parts.run(glyphs, units);
  }

  /** The words this process shaped (or was given by another thread), by face, as `save` writes them. */
  made(): Record<string, SavedFace> {
    const faces: Record<string, SavedFace> = {};
    for (const [face, fresh] of this.fresh) faces[face] = fresh.saved();
    return faces;
  }

  /** Adds the words another thread shaped in this build (its `made`), but those this table holds. */
  merge(entries: unknown): void {
    for (const [face, entry] of Object.entries(entries as Record<string, SavedFace>)) {
      const kept = this.keptFace(face);
      this.freshOf(face).addSaved(entry, (word) => kept?.index.has(word) === true);
    }
  }

  /** The words of `face` shaped in this process, a list made at the first. */
  private freshOf(face: string): FreshWords {
    let fresh = this.fresh.get(face);
    if (!fresh) {
      fresh = new FreshWords();
      this.fresh.set(face, fresh);
    }
    return fresh;
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
    for (const entry of this.saved.values()) count += entry.words.length;
    for (const [face, fresh] of this.fresh) {
      const kept = this.keptFace(face);
      count += kept ? fresh.words.filter((word) => !kept.index.has(word)).length : fresh.words.length;
    }
    return count;
  }

  /** Each face's words: those an earlier build saved as they were saved, then those shaped in this process. */
  save(): unknown {
    const faces: Record<string, SavedFace> = {};
    for (const face of new Set([...this.saved.keys(), ...this.fresh.keys()])) faces[face] = savedFace(this.keptFace(face), this.fresh.get(face));
    return faces;
  }

  clear(): void {
    this.runs.clear();
    this.saved.clear();
    this.fresh.clear();
    this.kept.clear();
    this.parts.clear();
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
 * each glyph. What `FreshWords.add` writes, and every reader of an entry reads by.
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

/** Words a process shaped, each written as a face's saved words are (`SavedFace`) when shaped. */
class FreshWords {
  readonly words: string[] = [];
  private readonly data = new NumberList();
  /** The code points of each word whose glyphs are not its characters one by one, by its index here. */
  private readonly codePoints: Record<number, number[][]> = {};
  /** The advance width of each glyph the words use, by id. */
  private readonly advances = new Map<number, number>();
  private readonly known = new Set<string>();

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** The words so far as a saved face holds them. */
  saved(): SavedFace {
    return { advances: Object.fromEntries(this.advances), words: this.words.slice(), data: this.data.done(), codePoints: { ...this.codePoints } };
  }

  /** Adds the words of a saved face (another thread's, or this process's), as they were written there, but those `skip` names or this list holds. */
  addSaved(entry: SavedFace, skip: (word: string) => boolean): void {
    let offset = 0;
    entry.words.forEach((word, i) => {
      const length = entryLength(entry.data, offset);
      if (!skip(word) && !this.known.has(word)) {
        const { n, ids } = entryParts(entry.data, offset);
        for (let g = 0; g < n; g++) {
          const id = entry.data[ids + g]!;
          this.advances.set(id, entry.advances[id]!);
        }
        if (entry.codePoints[i]) this.codePoints[this.words.length] = entry.codePoints[i]!;
        this.data.append(entry.data.subarray(offset, offset + length));
        this.words.push(word);
        this.known.add(word);
      }
      offset += length;
    });
  }

  add(word: string, glyphs: readonly FontGlyph[], units: readonly GlyphPosition[]): void {
    const { data, advances } = this;
    const n = glyphs.length;
    data.push(n);
    let plain = n === word.length;
    for (let i = 0; i < n; i++) {
      const glyph = glyphs[i]!;
      data.push(glyph.id);
      advances.set(glyph.id, glyph.advanceWidth);
      const c = glyph.codePoints;
      if (plain) plain = c.length === 1 && c[0] === word.charCodeAt(i);
    }
    let offsets = false;
    for (let i = 0; i < n; i++) {
      const p = units[i]!;
      if (p.yAdvance || p.xOffset || p.yOffset) offsets = true;
      data.push(p.xAdvance);
    }
    data.push((offsets ? 1 : 0) | (plain ? 0 : 2));
    if (offsets) {
      for (let i = 0; i < n; i++) {
        const p = units[i]!;
        data.push(p.yAdvance);
        data.push(p.xOffset);
        data.push(p.yOffset);
      }
    }
    if (!plain) this.codePoints[this.words.length] = glyphs.map((g) => g.codePoints);
    this.words.push(word);
    this.known.add(word);
  }
}

/**
 * A face's words as saved: those an earlier build saved, as they were (`old`), then those this
 * process shaped (`fresh`) that they do not hold — a layout thread's words, merged in, may.
 */
function savedFace(old: KeptFace | undefined, fresh: FreshWords | undefined): SavedFace {
  if (!fresh) return old!.saved;
  let own = fresh.saved();
  if (!old) return own;
  if (fresh.words.some((word) => old.index.has(word))) {
    const rest = new FreshWords();
    rest.addSaved(own, (word) => old.index.has(word));
    own = rest.saved();
  }
  return joined(old.saved, own);
}

/** The words of `first`, then those of `then`, as one saved face; each face's numbers copied in one piece. */
function joined(first: SavedFace, then: SavedFace): SavedFace {
  const data = new NumberList(first.data.length + then.data.length);
  data.append(first.data);
  data.append(then.data);
  const codePoints = { ...first.codePoints };
  for (const [i, points] of Object.entries(then.codePoints)) codePoints[first.words.length + Number(i)] = points;
  return { advances: { ...first.advances, ...then.advances }, words: first.words.concat(then.words), data: data.done(), codePoints };
}

/** The run of a saved word, as shaping it would give it, made of the face's shared objects. */
function loadRun(word: string, entry: SavedFace, offset: number, index: number, parts: RunParts): ShapedRun {
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
  return parts.run(glyphs, units);
}
