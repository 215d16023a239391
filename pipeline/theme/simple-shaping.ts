/**
 * Shapes plain words without running the OpenType engine, with the same result.
 *
 * fontkit shapes each word by running every GSUB and GPOS lookup of the script over it, about a
 * quarter of a millisecond a word. For most words of a Latin or Cyrillic text nothing happens
 * but pair kerning: no substitution can fire and no mark is attached. Such a word's glyphs are
 * its characters' glyphs from the cmap, and its positions are the advances plus the kerning of
 * each adjacent pair — and the pair's kerning is what fontkit itself gives for the two glyphs
 * alone, since pair positioning looks at nothing else. So this module decides, from the font's
 * own tables, which words are plain, and composes their run from cached pairs; every other word
 * (a possible ligature, a mark, a character the font lacks) is left to fontkit.
 *
 * A word is plain when, for the script fontkit would pick for it:
 * - every character maps to a glyph that is not a mark, and shapes alone to itself unmoved
 *   (this also rules out default-ignorable characters, which fontkit hides);
 * - no subtable of a GSUB lookup, or of a GPOS lookup other than pair positioning, of the
 *   features fontkit applies can match: every such subtable needs glyphs from one or more
 *   coverage tables (its first glyph, or each glyph of its context), and for a plain word at
 *   least one of those coverages holds none of the word's glyphs. When no lookup can fire,
 *   the glyphs never change, so no later lookup can fire either.
 * Pair positioning adds values to the two glyphs of a pair, lookup after lookup, and fontkit
 * does not skip glyphs after a pair; a word's positions are therefore the sum over its pairs.
 *
 * test/theme/simple-shaping.test.ts compares this with fontkit for every word of the default
 * editions and for random strings; any difference fails the build's tests.
 */
import { forgetWithMemos } from '../cache/memo.ts';

/** A glyph as fontkit returns it; pdfkit reads these three fields. */
export interface FontGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A glyph position in font units, as fontkit's GlyphPosition. */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** The part of a fontkit font this module reads. */
export interface ShapingFont {
  postscriptName?: string;
  numGlyphs?: number;
  unitsPerEm?: number;
  head?: { checkSumAdjustment?: number };
  stream?: { buffer?: { length: number } };
  layout(text: string, features?: string[], script?: string): { glyphs: FontGlyph[]; positions: GlyphPosition[]; script?: string };
  glyphForCodePoint(codePoint: number): FontGlyph;
  getGlyph(id: number, codePoints?: number[]): FontGlyph;
  GDEF?: { glyphClassDef?: unknown };
  _layoutEngine?: { engine?: { GSUBProcessor?: Processor | null; GPOSProcessor?: Processor | null } };
}

interface Lookup {
  lookupType: number;
  flags: { flags: Record<string, boolean>; markFilteringSet?: number };
  subTables: Subtable[];
}

type Subtable = Record<string, unknown>;

interface Processor {
  selectScript(script?: string, language?: string, direction?: string): string;
  lookupsForFeatures(features: string[]): { lookup: Lookup }[];
  getClassID(glyph: number, classDef: unknown): number;
  coverageIndex(coverage: unknown, glyph: number): number;
}

/**
 * The features fontkit's default shaper applies to every glyph of a horizontal left-to-right
 * run. Its fraction features (frac, numr, dnom) are only switched on around a fraction slash,
 * which is never part of a plain word.
 */
const SHAPER_FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];

/**
 * Characters fontkit treats specially whatever the font: the fraction slash, surrogates, and
 * the default-ignorable characters of the BMP, which it draws as an empty space. Its test of
 * the latter reads the code point a glyph object was first made for, so it cannot be
 * settled once per character and is left to fontkit.
 */
function specialCodePoint(c: number): boolean {
  return (
    c === 0x2044 || (c >= 0xd800 && c <= 0xdfff) ||
    c === 0x00ad || c === 0x034f || c === 0x061c || (c >= 0x115f && c <= 0x1160) || (c >= 0x17b4 && c <= 0x17b5) || (c >= 0x180b && c <= 0x180e) ||
    (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) || c === 0x3164 ||
    (c >= 0xfe00 && c <= 0xfe0f) || c === 0xfeff || c === 0xffa0 || (c >= 0xfff0 && c <= 0xfff8)
  );
}

/**
 * A subtable can only fire when the word has a glyph from each of these sets — or, for a
 * ligature, when the word holds its glyphs one after another (a plain word has no marks a
 * lookup could skip).
 */
interface Requirement {
  sets: Set<number>[];
  sequence?: number[];
}

/** The kerning a pair of glyphs gets: what is added to each glyph's position. */
interface PairAdjustment {
  first: GlyphPosition;
  second: GlyphPosition;
}

interface ScriptState {
  /** Requirements keyed by each glyph of their smallest set: a word can only meet one through that glyph. */
  requirements: Map<number, Requirement[]>;
  /** The pair-positioning lookups, in lookup order, each as its subtables. */
  pairLookups: Subtable[][];
  /** Pair adjustments by `first * 65536 + second`; null for none. */
  pairs: Map<number, PairAdjustment | null>;
}

interface CodePointInfo {
  glyph: FontGlyph;
  script: string | undefined;
}

/** Element `index` of an array or of one of restructure's lazy arrays. */
function at<T>(list: unknown, index: number): T {
  const lazy = list as { get?: (i: number) => T };
  return typeof lazy.get === 'function' ? lazy.get(index) : (list as ArrayLike<T>)[index];
}

function length(list: unknown): number {
  return (list as ArrayLike<unknown>).length;
}

/** Glyph ids of an OpenType coverage table as fontkit decodes it, in coverage-index order. */
function coverageList(coverage: unknown): number[] {
  const table = coverage as { version?: number; glyphs?: unknown; rangeRecords?: unknown };
  const glyphs: number[] = [];
  if (table?.version === 1 && table.glyphs) {
    for (let i = 0; i < length(table.glyphs); i++) glyphs.push(at<number>(table.glyphs, i));
    return glyphs;
  }
  if (table?.version === 2 && table.rangeRecords) {
    for (let i = 0; i < length(table.rangeRecords); i++) {
      const { start, end, startCoverageIndex } = at<{ start: number; end: number; startCoverageIndex: number }>(table.rangeRecords, i);
      for (let glyph = start; glyph <= end; glyph++) glyphs[startCoverageIndex + glyph - start] = glyph;
    }
    return glyphs;
  }
  throw new Error('unknown coverage table format');
}

function coverageGlyphs(coverage: unknown): Set<number> {
  return new Set(coverageList(coverage));
}

function coverages(list: unknown): Set<number>[] {
  const sets: Set<number>[] = [];
  for (let i = 0; i < length(list); i++) sets.push(coverageGlyphs(at(list, i)));
  return sets;
}

/**
 * What a subtable needs the word to meet (one list of sets per way it can fire), or 'pair' for
 * pair positioning. A ligature needs its first glyph and each component; anything else needs
 * a glyph from each of its coverage tables. Throws for a table this module does not know, so
 * the font is then shaped by fontkit alone.
 */
function subtableRequirements(table: 'GSUB' | 'GPOS', lookupType: number, subtable: Subtable, contiguous: boolean): Requirement[] | 'pair' {
  const extensionType = table === 'GSUB' ? 7 : 9;
  if (lookupType === extensionType) return subtableRequirements(table, subtable.lookupType as number, subtable.extension as Subtable, contiguous);
  if (table === 'GPOS') {
    if (lookupType === 2) return 'pair';
    if (lookupType === 4 || lookupType === 5) return [{ sets: [coverageGlyphs(subtable.markCoverage)] }];
    if (lookupType === 6) return [{ sets: [coverageGlyphs(subtable.mark1Coverage)] }];
  }
  if (table === 'GSUB' && lookupType === 4) {
    const firsts = coverageList(subtable.coverage);
    const ligatures: Requirement[] = [];
    firsts.forEach((first, index) => {
      const set = at<unknown>(subtable.ligatureSets, index);
      for (let i = 0; i < length(set); i++) {
        const sequence = [first, ...Array.from(at<{ components: ArrayLike<number> }>(set, i).components)];
        ligatures.push({ sets: sequence.map((glyph) => new Set([glyph])), sequence: contiguous ? sequence : undefined });
      }
    });
    return ligatures;
  }
  if ('inputCoverage' in subtable) {
    return [{ sets: [...coverages(subtable.backtrackCoverage), ...coverages(subtable.inputCoverage), ...coverages(subtable.lookaheadCoverage)] }];
  }
  if ('coverages' in subtable) return [{ sets: coverages(subtable.coverages) }];
  if ('coverage' in subtable) return [{ sets: [coverageGlyphs(subtable.coverage)] }];
  throw new Error(`unknown ${table} lookup type ${lookupType}`);
}

/** Whether `ids` holds `sequence` as consecutive glyphs. */
function containsRun(ids: readonly number[], sequence: readonly number[]): boolean {
  for (let start = 0; start + sequence.length <= ids.length; start++) {
    let i = 0;
    while (i < sequence.length && ids[start + i] === sequence[i]) i++;
    if (i === sequence.length) return true;
  }
  return false;
}

/** Whether a plain word with these glyphs can meet the requirement. */
function meets(requirement: Requirement, ids: readonly number[]): boolean {
  if (requirement.sequence) return containsRun(ids, requirement.sequence);
  return requirement.sets.every((set) => ids.some((glyph) => set.has(glyph)));
}

function isZero(p: GlyphPosition): boolean {
  return p.xAdvance === 0 && p.yAdvance === 0 && p.xOffset === 0 && p.yOffset === 0;
}

/** Shapes plain words of one font; `shape` returns undefined for a word fontkit must shape. */
export class SimpleShaper {
  /** The font instance this shaper reads; words it cannot shape are shaped by fontkit on it. */
  readonly font: ShapingFont;
  private readonly gsub: Processor | null;
  private readonly gpos: Processor | null;
  private readonly usable: boolean;
  private readonly codePoints = new Map<number, CodePointInfo | null>();
  private readonly scripts = new Map<string | undefined, ScriptState | null>();
  private neutralScript: string | undefined;

  constructor(font: ShapingFont) {
    this.font = font;
    const engine = font._layoutEngine?.engine;
    this.gsub = engine?.GSUBProcessor ?? null;
    this.gpos = engine?.GPOSProcessor ?? null;
    // Without an OpenType engine (AAT fonts, or none at all) fontkit takes other paths.
    this.usable = Boolean(engine && 'GSUBProcessor' in engine && this.gpos);
    if (this.usable) this.neutralScript = font.layout(' ').script;
  }

  /** The glyphs and positions (font units) fontkit would give `text`, when it is a plain word. */
  shape(text: string): { glyphs: FontGlyph[]; positions: GlyphPosition[] } | undefined {
    if (!this.usable || text.length === 0) return undefined;
    const infos: CodePointInfo[] = [];
    let script = this.neutralScript;
    for (let i = 0; i < text.length; i++) {
      const info = this.codePoint(text.charCodeAt(i));
      if (!info) return undefined;
      if (script === this.neutralScript && info.script !== this.neutralScript) script = info.script;
      infos.push(info);
    }
    const state = this.script(script);
    if (!state) return undefined;
    const ids = infos.map((info) => info.glyph.id);
    for (const id of ids) {
      const requirements = state.requirements.get(id);
      if (requirements?.some((requirement) => meets(requirement, ids))) return undefined;
    }
    const positions: GlyphPosition[] = infos.map((info) => ({ xAdvance: info.glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    for (let i = 0; i + 1 < infos.length; i++) {
      const pair = this.pair(state, ids[i], ids[i + 1]);
      if (pair) {
        add(positions[i], pair.first);
        add(positions[i + 1], pair.second);
      }
    }
    return { glyphs: ids.map((id, i) => this.font.getGlyph(id, [text.charCodeAt(i)])), positions };
  }

  private codePoint(codePoint: number): CodePointInfo | null {
    let info = this.codePoints.get(codePoint);
    if (info !== undefined) return info;
    info = null;
    if (!specialCodePoint(codePoint)) {
      const glyph = this.font.glyphForCodePoint(codePoint);
      const classDef = this.font.GDEF?.glyphClassDef;
      const isMark = classDef ? this.gpos!.getClassID(glyph.id, classDef) === 3 : false;
      if (glyph.id !== 0 && !isMark) {
        const run = this.font.layout(String.fromCharCode(codePoint));
        const alone = run.glyphs.length === 1 && run.glyphs[0].id === glyph.id && run.positions[0].xAdvance === glyph.advanceWidth;
        const p = run.positions[0];
        if (alone && p.yAdvance === 0 && p.xOffset === 0 && p.yOffset === 0) info = { glyph, script: run.script };
      }
    }
    this.codePoints.set(codePoint, info);
    return info;
  }

  private script(script: string | undefined): ScriptState | null {
    let state = this.scripts.get(script);
    if (state !== undefined) return state;
    try {
      state = this.buildScript(script);
    } catch {
      state = null;
    }
    this.scripts.set(script, state);
    return state;
  }

  private buildScript(script: string | undefined): ScriptState | null {
    const requirements = new Map<number, Requirement[]>();
    const pairLookups: Subtable[][] = [];
    const tables: ['GSUB' | 'GPOS', Processor | null][] = [['GSUB', this.gsub], ['GPOS', this.gpos]];
    for (const [table, processor] of tables) {
      if (!processor) continue;
      processor.selectScript(script, undefined, 'ltr');
      for (const { lookup } of processor.lookupsForFeatures(SHAPER_FEATURES)) {
        // A lookup that skips no base glyph or ligature sees a plain word's glyphs one after another.
        const { flags, markFilteringSet } = lookup.flags;
        const contiguous = !flags.ignoreBaseGlyphs && !flags.ignoreLigatures && !flags.useMarkFilteringSet && markFilteringSet === undefined;
        let pairPositioning = false;
        for (const subtable of lookup.subTables) {
          const found = subtableRequirements(table, lookup.lookupType, subtable, contiguous);
          if (found === 'pair') {
            pairPositioning = true;
            continue;
          }
          for (const requirement of found) {
            const { sets } = requirement;
            if (sets.length === 0) return null;
            const key = sets.reduce((a, b) => (b.size < a.size ? b : a));
            for (const glyph of key) {
              const list = requirements.get(glyph);
              if (list) list.push(requirement);
              else requirements.set(glyph, [requirement]);
            }
          }
        }
        if (pairPositioning) {
          // Pairs are composed only when the lookup skips nothing between the two glyphs of a plain word.
          if (!contiguous) return null;
          pairLookups.push(subtables(lookup));
        }
      }
    }
    return { requirements, pairLookups, pairs: new Map() };
  }

  /**
   * The kerning of a pair of glyphs, read from the pair-positioning lookups as fontkit applies
   * them: in lookup order, the first subtable of each lookup that holds the pair gives both
   * glyphs' value records, and the lookups' values add up.
   */
  private pair(state: ScriptState, first: number, second: number): PairAdjustment | null {
    const key = first * 65536 + second;
    let pair = state.pairs.get(key);
    if (pair !== undefined) return pair;
    const a = { xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0 };
    const b = { xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0 };
    const gpos = this.gpos!;
    for (const lookup of state.pairLookups) {
      for (const table of lookup) {
        const index = gpos.coverageIndex(table.coverage, first);
        if (index === -1) continue;
        let record: { value1?: ValueRecord; value2?: ValueRecord } | undefined;
        if (table.version === 1) {
          const set = at<unknown>(table.pairSets, index);
          for (let i = 0; i < length(set) && !record; i++) {
            const candidate = at<{ secondGlyph: number; value1?: ValueRecord; value2?: ValueRecord }>(set, i);
            if (candidate.secondGlyph === second) record = candidate;
          }
          if (!record) continue;
        } else if (table.version === 2) {
          const class1 = gpos.getClassID(first, table.classDef1);
          const class2 = gpos.getClassID(second, table.classDef2);
          if (class1 === -1 || class2 === -1) continue;
          record = at<{ value1?: ValueRecord; value2?: ValueRecord }>(at<unknown>(table.classRecords, class1), class2);
        } else {
          throw new Error(`unknown pair positioning format ${String(table.version)}`);
        }
        addValue(a, record.value1);
        addValue(b, record.value2);
        break;
      }
    }
    pair = isZero(a) && isZero(b) ? null : { first: a, second: b };
    state.pairs.set(key, pair);
    return pair;
  }

}

/** A GPOS value record as fontkit decodes it: only the fields of its value format are there. */
interface ValueRecord {
  xPlacement?: number;
  yPlacement?: number;
  xAdvance?: number;
  yAdvance?: number;
}

function addValue(target: GlyphPosition, value: ValueRecord | undefined): void {
  if (!value) return;
  if (value.xAdvance != null) target.xAdvance += value.xAdvance;
  if (value.yAdvance != null) target.yAdvance += value.yAdvance;
  if (value.xPlacement != null) target.xOffset += value.xPlacement;
  if (value.yPlacement != null) target.yOffset += value.yPlacement;
}

/** The subtables of a lookup, extension subtables unwrapped. */
function subtables(lookup: Lookup): Subtable[] {
  return lookup.subTables.map((subtable) => ('extension' in subtable ? (subtable.extension as Subtable) : subtable));
}

function add(target: GlyphPosition, delta: GlyphPosition): void {
  target.xAdvance += delta.xAdvance;
  target.yAdvance += delta.yAdvance;
  target.xOffset += delta.xOffset;
  target.yOffset += delta.yOffset;
}

let byInstance = new WeakMap<object, SimpleShaper>();
const byFace = new Map<string, SimpleShaper>();
// What a shaper learns of a face (pairs, characters) is computed work, forgotten with the memos.
forgetWithMemos(() => {
  byFace.clear();
  byInstance = new WeakMap();
});

/**
 * What tells one font file from another: its PostScript name, size and the checksum of the
 * whole file that its head table carries.
 */
export function fontIdentity(font: ShapingFont): string {
  let identity = identities.get(font);
  if (identity === undefined) {
    identity = `${font.postscriptName}|${font.numGlyphs}|${font.unitsPerEm}|${font.head?.checkSumAdjustment}|${font.stream?.buffer?.length}`;
    identities.set(font, identity);
  }
  return identity;
}

const identities = new WeakMap<object, string>();

/**
 * The one shaper of a font face. Every document opens its own instance of each font file
 * (pdfkit does), and each instance would decode the layout tables again; one shaper per face,
 * on the first instance seen, serves them all.
 */
export function shaperFor(font: ShapingFont): SimpleShaper {
  let shaper = byInstance.get(font);
  if (!shaper) {
    const identity = fontIdentity(font);
    shaper = byFace.get(identity);
    if (!shaper) {
      shaper = new SimpleShaper(font);
      byFace.set(identity, shaper);
    }
    byInstance.set(font, shaper);
  }
  return shaper;
}

/** Advance width of `text` in font units, as fontkit's layout gives it. */
export function advanceWidth(font: ShapingFont, text: string): number {
  const shaped = shaperFor(font).shape(text);
  const positions = shaped ? shaped.positions : font.layout(text).positions;
  let width = 0;
  for (const position of positions) width += position.xAdvance;
  return width;
}
