/**
 * Shares pdfkit's word shaping between the documents of a process, and shapes plain words
 * without the OpenType engine.
 *
 * pdfkit shapes every word through fontkit's OpenType engine (GSUB/GPOS lookups) and caches
 * the result per document only, so a build of six documents shapes the same words six times —
 * most of the layout stage's time. The shaped run of a word depends only on the font file and
 * the word, so it is kept here, keyed by both, and handed to every later document. What pdfkit
 * writes from it (glyph ids, advances, positions, code points) is the same whichever document
 * shaped it first, so the bytes of a PDF do not depend on what was built before it. A word in
 * which no substitution or mark positioning can happen is composed from kerned pairs by
 * SimpleShaper (theme/simple-shaping.ts), which gives what fontkit gives in a fraction of the time.
 *
 * pdfkit does not export its font class; its prototype is reached through a font instance and
 * patched once. The patch keeps pdfkit's own contract: `layoutCached(text)` returns the run,
 * its positions scaled to the font size of 1000 units as `layoutRun` leaves them.
 */
import { registerMemo } from '../memo.ts';
import { fontIdentity, shaperFor, type FontGlyph, type GlyphPosition, type SimpleShaper, type ShapingFont } from '../theme/simple-shaping.ts';

interface ShapedRun {
  glyphs: FontGlyph[];
  positions: (GlyphPosition & { advanceWidth?: number })[];
  advanceWidth: number;
}

interface EmbeddedFontLike {
  font: ShapingFont;
  scale: number;
  layoutCached(text: string): ShapedRun;
}

/** Shaped words by face and scale (`${identity}|${scale}`), then by word. */
const runs = new Map<string, Map<string, ShapedRun>>();
/** Each pdfkit font's own map of `runs`, so a lookup builds no key. */
const runsOf = new WeakMap<object, Map<string, ShapedRun>>();
/** Each pdfkit font's words saved by an earlier build, if any. */
const keptOf = new WeakMap<object, SavedFace | undefined>();
let patched = false;

/**
 * What pdfkit's `layoutRun` returns for `text`, made on the face's one shared instance: by
 * SimpleShaper for a plain word, else by fontkit, positions scaled as pdfkit scales them.
 */
function shapeRun(shaper: SimpleShaper, scale: number, text: string): ShapedRun {
  const shaped = shaper.shape(text) ?? shaper.font.layout(text);
  return scaledRun(withOwnCodePoints(shaped.glyphs, text), shaped.positions, scale);
}

/** A run with its positions scaled as pdfkit's `layoutRun` scales them. */
function scaledRun(glyphs: FontGlyph[], units: GlyphPosition[], scale: number): ShapedRun {
  let advanceWidth = 0;
  const positions = units.map((p, i) => {
    const position = { xAdvance: p.xAdvance * scale, yAdvance: p.yAdvance * scale, xOffset: p.xOffset * scale, yOffset: p.yOffset * scale, advanceWidth: glyphs[i].advanceWidth * scale };
    advanceWidth += position.xAdvance;
    return position;
  });
  return { glyphs, positions, advanceWidth };
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
  return glyphs.map((glyph, i) => (glyph.codePoints.length === 1 && glyph.codePoints[0] === codePoints[i] ? glyph : { id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [codePoints[i]] }));
}

/**
 * A shaped word as saved, in font units: glyph ids, x advances, and — only where they are
 * not what the word itself gives — each glyph's y advance and offsets, and its code points.
 * A face's glyph advances are saved once, by glyph id.
 */
type SavedRun = [number[], number[], ([number, number, number, number] | 0)[]?, number[][]?];
interface SavedFace {
  advances: Record<number, number>;
  words: Record<string, SavedRun>;
}

/** Words saved by an earlier build, by face; made into runs when first asked for. */
const saved = new Map<string, SavedFace>();

registerMemo({
  name: 'shaped-words',
  size: () => {
    let count = 0;
    for (const [face, words] of runs) {
      count += words.size;
      const kept = saved.get(face);
      if (kept) for (const word of Object.keys(kept.words)) if (!words.has(word)) count++;
    }
    for (const [face, kept] of saved) if (!runs.has(face)) count += Object.keys(kept.words).length;
    return count;
  },
  save: () => {
    const faces: Record<string, SavedFace> = {};
    for (const face of new Set([...saved.keys(), ...runs.keys()])) {
      const fresh = saveFace(face, runs.get(face) ?? new Map());
      const kept = saved.get(face);
      faces[face] = kept ? { advances: { ...kept.advances, ...fresh.advances }, words: { ...kept.words, ...fresh.words } } : fresh;
    }
    return faces;
  },
  clear: () => {
    runs.clear();
    saved.clear();
  },
  load: (entries) => {
    for (const [face, kept] of Object.entries(entries as Record<string, SavedFace>)) saved.set(face, kept);
  },
});

function saveFace(face: string, words: Map<string, ShapedRun>): SavedFace {
  const scale = Number(face.slice(face.lastIndexOf('|') + 1));
  const advances: Record<number, number> = {};
  const saved: Record<string, SavedRun> = {};
  for (const [word, run] of words) {
    const units = unitsOf(run, scale);
    // A position that is no whole number of font units once unscaled is not saved: the word is shaped again.
    if (!units) continue;
    for (const glyph of run.glyphs) advances[glyph.id] = glyph.advanceWidth;
    const own = Array.from(word, (c) => c.codePointAt(0)!);
    const extra = units.map((p) => (p.yAdvance || p.xOffset || p.yOffset ? ([0, p.yAdvance, p.xOffset, p.yOffset] as [number, number, number, number]) : 0));
    const codePoints = run.glyphs.map((g) => g.codePoints);
    const plainCodePoints = codePoints.length === own.length && codePoints.every((c, i) => c.length === 1 && c[0] === own[i]);
    const entry: SavedRun = [run.glyphs.map((g) => g.id), units.map((p) => p.xAdvance)];
    if (extra.some(Boolean) || !plainCodePoints) entry.push(extra);
    if (!plainCodePoints) entry.push(codePoints);
    saved[word] = entry;
  }
  return { advances, words: saved };
}

/** A run's positions in font units, when scaling them back gives exactly the scaled ones. */
function unitsOf(run: ShapedRun, scale: number): GlyphPosition[] | undefined {
  const units: GlyphPosition[] = [];
  for (const p of run.positions) {
    const unit = { xAdvance: Math.round(p.xAdvance / scale), yAdvance: Math.round(p.yAdvance / scale), xOffset: Math.round(p.xOffset / scale), yOffset: Math.round(p.yOffset / scale) };
    if (unit.xAdvance * scale !== p.xAdvance || unit.yAdvance * scale !== p.yAdvance || unit.xOffset * scale !== p.xOffset || unit.yOffset * scale !== p.yOffset) return undefined;
    units.push(unit);
  }
  return units;
}

function loadRun(word: string, [ids, xAdvances, extra, codePoints]: SavedRun, advances: Record<number, number>, scale: number): ShapedRun {
  const own = Array.from(word, (c) => [c.codePointAt(0)!]);
  const glyphs = ids.map((id, i) => ({ id, advanceWidth: advances[id], codePoints: codePoints?.[i] ?? own[i] }));
  const units = ids.map((_, i) => {
    const e = extra?.[i];
    return { xAdvance: xAdvances[i], yAdvance: e ? e[1] : 0, xOffset: e ? e[2] : 0, yOffset: e ? e[3] : 0 };
  });
  return scaledRun(glyphs, units, scale);
}

/** Installs the shared cache on the class of `font` (a pdfkit embedded font); idempotent. */
export function shareShaping(font: unknown): void {
  if (patched || !font || typeof font !== 'object' || !('layoutRun' in font)) return;
  const prototype = Object.getPrototypeOf(font) as EmbeddedFontLike;
  prototype.layoutCached = function layoutCached(this: EmbeddedFontLike, text: string): ShapedRun {
    let words = runsOf.get(this);
    if (!words) {
      const face = `${fontIdentity(this.font)}|${this.scale}`;
      words = runs.get(face) ?? new Map<string, ShapedRun>();
      runs.set(face, words);
      runsOf.set(this, words);
      keptOf.set(this, saved.get(face));
    }
    let run = words.get(text);
    if (!run) {
      const kept = keptOf.get(this);
      const entry = kept && Object.hasOwn(kept.words, text) ? kept.words[text] : undefined;
      run = entry ? loadRun(text, entry, kept!.advances, this.scale) : shapeRun(shaperFor(this.font), this.scale, text);
      words.set(text, run);
    }
    return run;
  };
  patched = true;
}
