/**
 * What measuring and shaping the theme's text remembers in one build (or one thread, or a
 * watcher's builds): shaped words, chart text widths, the HarfBuzz shaper of each face and
 * glyph coverage. The build's memory holds one and hands it to the theme it reads; the tables
 * among it are kept between builds (memo.ts). Light on purpose: a build that measures nothing
 * makes it without loading HarfBuzz.
 */
import { numberTable, type MemoTable } from '../cache/memo.ts';
import type { HarfBuzzShaper } from './shaping.ts';
import { ShapedWords } from './shaped-words.ts';

/** The name of the table of chart text advances. */
export const CHART_TEXT_ADVANCES = 'chart-text-advances';

export class FontMemory {
  /** Shaped words by face, for the PDF layout and the charts' PDF text. */
  readonly words = new ShapedWords();
  /** Advances of chart texts in font units, by face identity, then text. */
  readonly advances = new Map<string, Map<string, number>>();
  /** The HarfBuzz shaper of each face, by identity: one WebAssembly copy of a face, however often the theme is read. */
  readonly shapers = new Map<string, HarfBuzzShaper>();
  /** The bytes each parsed font was read from (by the theme's reading), which HarfBuzz shapes with. */
  readonly bytes = new WeakMap<object, Uint8Array>();
  /** Each parsed font's identity (`fontIdentity`), worked out once per font object: chart measuring asks for it at every text. */
  readonly identities = new WeakMap<object, string>();
  /** Which code points each parsed font has a glyph for. */
  readonly coverage = new WeakMap<object, Map<number, boolean>>();
  /** The tables kept between builds. */
  readonly tables: readonly MemoTable[] = [this.words, numberTable(CHART_TEXT_ADVANCES, this.advances)];
}
