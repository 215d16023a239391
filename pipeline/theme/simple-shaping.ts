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

/** A subtable can only fire when the word has a glyph from each of these sets. */
interface Requirement {
  sets: Set<number>[];
}

/** The kerning a pair of glyphs gets: what is added to each glyph's position. */
interface PairAdjustment {
  first: GlyphPosition;
  second: GlyphPosition;
}

interface ScriptState {
  /** Requirements keyed by each glyph of their smallest set: a word can only meet one through that glyph. */
  requirements: Map<number, Requirement[]>;
  /** Pair adjustments by `first * 65536 + second`; null for none, false for a pair that is not plain. */
  pairs: Map<number, PairAdjustment | null | false>;
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
function subtableRequirements(table: 'GSUB' | 'GPOS', lookupType: number, subtable: Subtable): Set<number>[][] | 'pair' {
  const extensionType = table === 'GSUB' ? 7 : 9;
  if (lookupType === extensionType) return subtableRequirements(table, subtable.lookupType as number, subtable.extension as Subtable);
  if (table === 'GPOS') {
    if (lookupType === 2) return 'pair';
    if (lookupType === 4 || lookupType === 5) return [[coverageGlyphs(subtable.markCoverage)]];
    if (lookupType === 6) return [[coverageGlyphs(subtable.mark1Coverage)]];
  }
  if (table === 'GSUB' && lookupType === 4) {
    const firsts = coverageList(subtable.coverage);
    const ligatures: Set<number>[][] = [];
    firsts.forEach((first, index) => {
      const set = at<unknown>(subtable.ligatureSets, index);
      for (let i = 0; i < length(set); i++) {
        const { components } = at<{ components: ArrayLike<number> }>(set, i);
        ligatures.push([new Set([first]), ...Array.from(components, (component) => new Set([component]))]);
      }
    });
    return ligatures;
  }
  if ('inputCoverage' in subtable) {
    return [[...coverages(subtable.backtrackCoverage), ...coverages(subtable.inputCoverage), ...coverages(subtable.lookaheadCoverage)]];
  }
  if ('coverages' in subtable) return [coverages(subtable.coverages)];
  if ('coverage' in subtable) return [[coverageGlyphs(subtable.coverage)]];
  throw new Error(`unknown ${table} lookup type ${lookupType}`);
}

function isZero(p: GlyphPosition): boolean {
  return p.xAdvance === 0 && p.yAdvance === 0 && p.xOffset === 0 && p.yOffset === 0;
}

/** Shapes plain words of one font; `shape` returns undefined for a word fontkit must shape. */
export class SimpleShaper {
  private readonly font: ShapingFont;
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
      if (requirements?.some((requirement) => requirement.sets.every((set) => ids.some((glyph) => set.has(glyph))))) return undefined;
    }
    const positions: GlyphPosition[] = infos.map((info) => ({ xAdvance: info.glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    for (let i = 0; i + 1 < infos.length; i++) {
      const pair = this.pair(state, script, text, i, ids[i], ids[i + 1]);
      if (pair === false) return undefined;
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
    const tables: ['GSUB' | 'GPOS', Processor | null][] = [['GSUB', this.gsub], ['GPOS', this.gpos]];
    for (const [table, processor] of tables) {
      if (!processor) continue;
      processor.selectScript(script, undefined, 'ltr');
      for (const { lookup } of processor.lookupsForFeatures(SHAPER_FEATURES)) {
        for (const subtable of lookup.subTables) {
          const found = subtableRequirements(table, lookup.lookupType, subtable);
          if (found === 'pair') {
            // Pairs are composed only when the lookup skips nothing between the two glyphs of a plain word.
            const { flags, markFilteringSet } = lookup.flags;
            if (flags.ignoreBaseGlyphs || flags.ignoreLigatures || flags.useMarkFilteringSet || markFilteringSet !== undefined) return null;
            continue;
          }
          for (const sets of found) {
            if (sets.length === 0) return null;
            const requirement = { sets };
            const key = sets.reduce((a, b) => (b.size < a.size ? b : a));
            for (const glyph of key) {
              const list = requirements.get(glyph);
              if (list) list.push(requirement);
              else requirements.set(glyph, [requirement]);
            }
          }
        }
      }
    }
    return { requirements, pairs: new Map() };
  }

  private pair(state: ScriptState, script: string | undefined, text: string, index: number, first: number, second: number): PairAdjustment | null | false {
    const key = first * 65536 + second;
    let pair = state.pairs.get(key);
    if (pair !== undefined) return pair;
    const run = this.font.layout(text.slice(index, index + 2), undefined, script);
    if (run.glyphs.length !== 2 || run.glyphs[0].id !== first || run.glyphs[1].id !== second) {
      pair = false;
    } else {
      const [a, b] = run.positions;
      const adjustment = {
        first: { xAdvance: a.xAdvance - run.glyphs[0].advanceWidth, yAdvance: a.yAdvance, xOffset: a.xOffset, yOffset: a.yOffset },
        second: { xAdvance: b.xAdvance - run.glyphs[1].advanceWidth, yAdvance: b.yAdvance, xOffset: b.xOffset, yOffset: b.yOffset },
      };
      pair = isZero(adjustment.first) && isZero(adjustment.second) ? null : adjustment;
    }
    state.pairs.set(key, pair);
    return pair;
  }
}

function add(target: GlyphPosition, delta: GlyphPosition): void {
  target.xAdvance += delta.xAdvance;
  target.yAdvance += delta.yAdvance;
  target.xOffset += delta.xOffset;
  target.yOffset += delta.yOffset;
}

const shapers = new WeakMap<object, SimpleShaper>();

/** The one shaper of a font instance; its caches then serve every caller. */
export function shaperFor(font: ShapingFont): SimpleShaper {
  let shaper = shapers.get(font);
  if (!shaper) {
    shaper = new SimpleShaper(font);
    shapers.set(font, shaper);
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
