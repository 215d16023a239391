/**
 * Fonts for pdfkit whose word shaping is shared by every document of a process, with plain
 * words shaped without the OpenType engine.
 *
 * pdfkit shapes every word through fontkit's OpenType engine (GSUB/GPOS lookups) and caches
 * the result per document only, so a build of six documents shapes the same words six times —
 * most of the layout stage's time. The shaped run of a word depends only on the font file and
 * the word, so it is kept here, keyed by both, and handed to every later document. What pdfkit
 * writes from it (glyph ids, advances, positions, code points) is the same whichever document
 * shaped it first, so the bytes of a PDF do not depend on what was built before it. A word in
 * which no substitution or mark positioning can happen is composed from kerned pairs by
 * SimpleShaper (simple-shaping.ts), which gives what fontkit gives in a fraction of the time.
 *
 * pdfkit takes, besides a font file, any fontkit-like font object
 * (`doc.registerFont(name, font)`; it then calls the object's `layout(text, features)`). The
 * font `sharedFont` returns is such an object: the fontkit font of the file, opened once per
 * process, seen through a proxy whose `layout` answers from the shared runs. pdfkit's own
 * objects are not changed.
 */
import { readFileSync } from 'node:fs';
import { create } from 'fontkit';
import { forgetWithMemos, registerMemo } from '../cache/memo.ts';
import { digest } from '../util/digest.ts';
import { fontIdentity, shaperFor, type FontGlyph, type GlyphPosition, type ShapingFont } from './simple-shaping.ts';

/** A shaped word in font units, as fontkit's `layout` gives it. */
interface UnitRun {
  glyphs: FontGlyph[];
  positions: GlyphPosition[];
}

/**
 * A word's run as handed to pdfkit: its own copy of the positions, which pdfkit scales in
 * place (`EmbeddedFont.layoutRun`), and the total advance summed from them as fontkit's
 * GlyphRun sums it — so the numbers pdfkit writes are those fontkit's own run would give.
 */
class HandedRun {
  readonly glyphs: FontGlyph[];
  readonly positions: GlyphPosition[];
  constructor(run: UnitRun) {
    this.glyphs = run.glyphs;
    this.positions = run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }));
  }
  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/** Shaped words by face (`fontIdentity`), then by word. */
const runs = new Map<string, Map<string, UnitRun>>();
/** The fonts opened, by the digest of their file's bytes. */
const opened = new Map<string, ShapingFont>();
// Opening a font is work a benchmark run must redo, as a fresh process does.
forgetWithMemos(() => opened.clear());

/**
 * The font of `file` for `doc.registerFont(name, font)`: opened once per process (per
 * content, so a font file replaced between builds is opened anew), its words shaped once for
 * every document. Everything but `layout` of a plain call is fontkit's own.
 */
export function sharedFont(file: string): ShapingFont {
  const bytes = readFileSync(file);
  const key = digest(bytes);
  let font = opened.get(key);
  if (!font) {
    const made = create(bytes);
    if ('fonts' in made) throw new Error(`${file}: a font collection; the theme names one face per file`);
    const target = made as unknown as ShapingFont;
    const words = wordsOf(target);
    const layout = (text: string, ...options: unknown[]) => (options.some((option) => option !== undefined) ? target.layout(text, ...(options as [string[]?, string?])) : new HandedRun(words(text)));
    font = new Proxy(target, { get: (t, property) => (property === 'layout' ? layout : Reflect.get(t, property, t)) });
    opened.set(key, font);
  }
  return font;
}

/** The shared run of a word of `font`: kept, saved by an earlier build, or shaped now. */
function wordsOf(font: ShapingFont): (text: string) => UnitRun {
  const face = fontIdentity(font);
  return (text) => {
    let words = runs.get(face);
    if (!words) {
      words = new Map<string, UnitRun>();
      runs.set(face, words);
    }
    let run = words.get(text);
    if (!run) {
      const kept = keptFace(face);
      const index = kept?.index.get(text);
      run = index !== undefined ? loadRun(text, kept!.saved, kept!.offsets[index]!, index) : shapeRun(font, text);
      words.set(text, run);
    }
    return run;
  };
}

/** A word's run by SimpleShaper when it is plain, else by fontkit. */
function shapeRun(font: ShapingFont, text: string): UnitRun {
  const shaped = shaperFor(font).shape(text) ?? font.layout(text);
  return { glyphs: withOwnCodePoints(shaped.glyphs, text), positions: shaped.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })) };
}

/**
 * The glyphs of a run, each naming the character it was made from. fontkit keeps one glyph
 * object per glyph id and it names the character it was first made for, so where two
 * characters share a glyph (a space and a no-break space) what pdfkit writes to the text
 * layer would depend on what was shaped before; a glyph per character of the word makes it
 * depend on the word alone. A run that is not one glyph per character (a ligature) is kept.
 */
function withOwnCodePoints(glyphs: FontGlyph[], text: string): FontGlyph[] {
  const codePoints = Array.from(text, (c) => c.codePointAt(0)!);
  if (codePoints.length !== glyphs.length) return glyphs;
  return glyphs.map((glyph, i) => (glyph.codePoints.length === 1 && glyph.codePoints[0] === codePoints[i] ? glyph : { id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [codePoints[i]!] }));
}

/**
 * The shaped words of a face as saved, in font units, flat so that writing and reading them
 * costs little (a build saves tens of thousands of words): the words in a list, and in
 * `data`, for each word in turn, its glyph count n, n glyph ids, n x advances and a flag —
 * 1 when n triples of y advance, x offset and y offset follow (only where the word has any),
 * 2 when its glyphs' code points are in `codePoints` (only where they are not the word's own
 * characters one by one). A face's glyph advances are saved once, by glyph id.
 */
interface SavedFace {
  advances: Record<number, number>;
  words: string[];
  data: number[];
  codePoints: Record<number, number[][]>;
}

/** A saved face with each word's index and where its entry starts in `data`, made when the face is first asked for. */
interface KeptFace {
  saved: SavedFace;
  index: Map<string, number>;
  offsets: number[];
}

/** Words saved by an earlier build, by face; made into runs when first asked for. */
const saved = new Map<string, SavedFace>();
/** The indexed form of `saved`, by face. */
const kept = new Map<string, KeptFace>();

function keptFace(face: string): KeptFace | undefined {
  let known = kept.get(face);
  if (!known) {
    const entry = saved.get(face);
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
    kept.set(face, known);
  }
  return known;
}

/** Length in `data` of the word entry starting at `offset`. */
function entryLength(data: readonly number[], offset: number): number {
  const n = data[offset]!;
  const flag = data[offset + 1 + 2 * n]!;
  return 2 + 2 * n + (flag & 1 ? 3 * n : 0);
}

registerMemo({
  name: 'shaped-words',
  size: () => {
    let count = 0;
    for (const [face, words] of runs) {
      count += words.size;
      const old = saved.get(face);
      if (old) for (const word of old.words) if (!words.has(word)) count++;
    }
    for (const [face, old] of saved) if (!runs.has(face)) count += old.words.length;
    return count;
  },
  save: () => {
    const faces: Record<string, SavedFace> = {};
    for (const face of new Set([...saved.keys(), ...runs.keys()])) faces[face] = saveFace(face, runs.get(face) ?? new Map());
    return faces;
  },
  clear: () => {
    runs.clear();
    saved.clear();
    kept.clear();
  },
  load: (entries) => {
    for (const [face, entry] of Object.entries(entries as Record<string, SavedFace>)) {
      saved.set(face, entry);
      kept.delete(face);
    }
  },
});

/** A face's words as saved: those shaped or used in this process, then those only an earlier build saved. */
function saveFace(face: string, words: Map<string, UnitRun>): SavedFace {
  const out: SavedFace = { advances: {}, words: [], data: [], codePoints: {} };
  const { advances, data } = out;
  for (const [word, run] of words) {
    const { glyphs, positions } = run;
    const n = glyphs.length;
    data.push(n);
    for (const glyph of glyphs) data.push(glyph.id);
    let offsets = false;
    for (const p of positions) {
      if (p.yAdvance || p.xOffset || p.yOffset) offsets = true;
      data.push(p.xAdvance);
    }
    let plain = n === word.length;
    for (let i = 0; plain && i < n; i++) {
      const c = glyphs[i]!.codePoints;
      plain = c.length === 1 && c[0] === word.charCodeAt(i);
    }
    data.push((offsets ? 1 : 0) | (plain ? 0 : 2));
    if (offsets) for (const p of positions) data.push(p.yAdvance, p.xOffset, p.yOffset);
    if (!plain) out.codePoints[out.words.length] = glyphs.map((g) => g.codePoints);
    for (const glyph of glyphs) advances[glyph.id] = glyph.advanceWidth;
    out.words.push(word);
  }
  const old = keptFace(face);
  if (old) {
    const { saved: entry, index: at, offsets } = old;
    for (const [word, index] of at) {
      if (words.has(word)) continue;
      const offset = offsets[index]!;
      const length = entryLength(entry.data, offset);
      const n = entry.data[offset]!;
      for (let i = 0; i < n; i++) {
        const id = entry.data[offset + 1 + i]!;
        advances[id] = entry.advances[id]!;
      }
      if (entry.codePoints[index]) out.codePoints[out.words.length] = entry.codePoints[index]!;
      out.words.push(word);
      for (let i = 0; i < length; i++) data.push(entry.data[offset + i]!);
    }
  }
  return out;
}

/** The run of a saved word, as shaping it gave it. */
function loadRun(word: string, entry: SavedFace, offset: number, index: number): UnitRun {
  const { data, advances } = entry;
  const n = data[offset]!;
  const flag = data[offset + 1 + 2 * n]!;
  const codePoints = flag & 2 ? entry.codePoints[index] : undefined;
  const own = codePoints ? undefined : Array.from(word, (c) => [c.codePointAt(0)!]);
  const glyphs: FontGlyph[] = [];
  const positions: GlyphPosition[] = [];
  for (let i = 0; i < n; i++) {
    const id = data[offset + 1 + i]!;
    glyphs.push({ id, advanceWidth: advances[id]!, codePoints: codePoints ? codePoints[i]! : own![i]! });
    const extra = flag & 1 ? offset + 2 + 2 * n + 3 * i : -1;
    positions.push({ xAdvance: data[offset + 1 + n + i]!, yAdvance: extra < 0 ? 0 : data[extra]!, xOffset: extra < 0 ? 0 : data[extra + 1]!, yOffset: extra < 0 ? 0 : data[extra + 2]! });
  }
  return { glyphs, positions };
}
