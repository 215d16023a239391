/**
 * The Knuth–Plass line-breaking optimiser ("Breaking paragraphs into lines", 1981): chooses
 * the break points of a whole paragraph at once, so that the sum of every line's demerits is
 * least, instead of filling each line greedily.
 *
 * It works on abstract items — boxes (words), glue (spaces that stretch and shrink) and
 * penalties (places to break that cost something, such as a hyphen) — and knows nothing of
 * fonts. Besides the algorithm of the paper it keeps, in every active break, how many lines
 * in a row above it ended with a hyphen, so that a limit on hyphenated lines in a row is a
 * rule and not only a cost.
 */

/** A word or piece of a word: fixed width, never broken. */
export interface BoxItem {
  type: 'box';
  /** Width, pt. */
  width: number;
}

/** A space between words: a break point when a box precedes it. */
export interface GlueItem {
  type: 'glue';
  /** Natural width, pt. */
  width: number;
  /** How much it may grow, pt (at an adjustment ratio of 1). */
  stretch: number;
  /** How much it may shrink, pt (at an adjustment ratio of −1; never more). */
  shrink: number;
}

/** A possible break that costs `cost`; `width` is what appears at the end of a line broken here (a hyphen). */
export interface PenaltyItem {
  type: 'penalty';
  /** Width of what is added at a break here, pt. */
  width: number;
  /** Cost of breaking here; `forcedBreak` or less forces a break, `noBreak` or more forbids it. */
  cost: number;
  /** A hyphenated break: counts towards the hyphenated lines in a row. */
  flagged: boolean;
}

export type Item = BoxItem | GlueItem | PenaltyItem;

/** A penalty at or below this forces a break. */
export const forcedBreak = -10000;
/** A penalty at or above this forbids a break. */
export const noBreak = 10000;

/** How the optimiser weighs what it can choose. */
export interface BreakOptions {
  /** Widest adjustment ratio a line may have (how far its spaces stretch); `Infinity` for no limit. */
  tolerance: number;
  /** Added to every line's badness: more makes fewer lines preferred. */
  linePenalty: number;
  /** Demerits for two hyphenated lines in a row. */
  doubleHyphenDemerits: number;
  /** Demerits for a hyphen ending the last full line. */
  finalHyphenDemerits: number;
  /** Demerits for a tight line next to a loose one (fitness classes more than one apart). */
  fitnessDemerits: number;
  /** Most hyphenated lines allowed in a row. */
  maxHyphensInRow: number;
  /**
   * Stretch every line has besides its glue, pt: 0 for justified text; for ragged text, the
   * room a line may leave empty at its end before it counts as bad.
   */
  raggedStretch: number;
  /** The last line is judged like the others (labels are balanced), not set free. */
  balanceLastLine: boolean;
}

/** One chosen break. */
export interface Break {
  /** Index of the item broken at (the final item for the end of the paragraph). */
  position: number;
  /** Adjustment ratio of the line that ends here: 0 natural, 1 spaces at full stretch, −1 at full shrink. */
  ratio: number;
  /** The line could not be made to fit (a box wider than the line). */
  overfull: boolean;
}

interface Node {
  position: number;
  line: number;
  fitness: number;
  hyphensInRow: number;
  demerits: number;
  ratio: number;
  overfull: boolean;
  previous: Node | undefined;
}

/**
 * The best breaks of a paragraph ending in a forced break, for lines `lineWidth(n)` wide
 * (n from 0). Returns `undefined` when no set of breaks keeps every line within the
 * tolerance; with `tolerance: Infinity` there is always an answer, a box wider than its line
 * then standing alone on an overfull line.
 *
 * The active breaks that can still start a line are kept in one list; a break falls out of it
 * once a line from it would be overfull even at full shrink, so the work per item is bounded by
 * the breaks that fit on one line: linear in the paragraph's length.
 */
export function findBreaks(items: readonly Item[], lineWidth: (line: number) => number, options: BreakOptions): Break[] | undefined {
  const count = items.length;
  if (count === 0) return [];
  const last = items[count - 1]!;
  if (last.type !== 'penalty' || last.cost > forcedBreak) throw new Error('a paragraph must end with a forced break');
  // Running sums: the widths, stretch and shrink of all items before index i.
  const width = new Float64Array(count + 1);
  const stretch = new Float64Array(count + 1);
  const shrink = new Float64Array(count + 1);
  for (let i = 0; i < count; i += 1) {
    const item = items[i]!;
    width[i + 1] = width[i]! + (item.type === 'penalty' ? 0 : item.width);
    stretch[i + 1] = stretch[i]! + (item.type === 'glue' ? item.stretch : 0);
    shrink[i + 1] = shrink[i]! + (item.type === 'glue' ? item.shrink : 0);
  }
  // Where the line after a break starts: glue and penalties after a break are dropped.
  const startAfter = new Int32Array(count + 1);
  startAfter[count] = count;
  for (let i = count - 1; i >= 0; i -= 1) startAfter[i] = items[i]!.type === 'box' ? i : startAfter[i + 1]!;

  let active: Node[] = [{ position: -1, line: 0, fitness: 1, hyphensInRow: 0, demerits: 0, ratio: 0, overfull: false, previous: undefined }];
  for (let b = 0; b < count; b += 1) {
    const item = items[b]!;
    const isBreak = item.type === 'penalty' ? item.cost < noBreak : item.type === 'glue' && b > 0 && items[b - 1]!.type === 'box';
    if (!isBreak) continue;
    const penalty = item.type === 'penalty' ? item.cost : 0;
    const forced = penalty <= forcedBreak;
    const flagged = item.type === 'penalty' && item.flagged;
    const isLast = b === count - 1;
    // The best new break for each fitness class and count of hyphenated lines above it.
    const candidates: (Node | undefined)[] = [];
    const kept: Node[] = [];
    let lastDropped: Node | undefined;
    for (const node of active) {
      const start = node.position < 0 ? startAfter[0]! : startAfter[node.position + 1]!;
      const from = Math.min(start, b);
      const natural = width[b]! - width[from]! + (item.type === 'penalty' ? item.width : 0);
      const available = lineWidth(node.line);
      const lineStretch = stretch[b]! - stretch[from]!;
      const lineShrink = shrink[b]! - shrink[from]!;
      const ratio = lineRatio(natural, available, lineStretch + options.raggedStretch, lineShrink, forced && !options.balanceLastLine);
      if (ratio < -1 || forced) {
        lastDropped = node;
      } else {
        kept.push(node);
      }
      if (ratio < -1 || ratio > options.tolerance) continue;
      const hyphensInRow = flagged ? node.hyphensInRow + 1 : 0;
      if (hyphensInRow > options.maxHyphensInRow) continue;
      const fitness = fitnessOf(ratio);
      let demerits = lineDemerits(ratio, penalty, options.linePenalty);
      if (flagged && node.hyphensInRow > 0) demerits += options.doubleHyphenDemerits;
      if (isLast && node.hyphensInRow > 0) demerits += options.finalHyphenDemerits;
      if (node.position >= 0 && Math.abs(fitness - node.fitness) > 1) demerits += options.fitnessDemerits;
      // Only a break better than the best so far of its class is made: most are not.
      const key = fitness * (options.maxHyphensInRow + 1) + hyphensInRow;
      const best = candidates[key];
      const total = node.demerits + demerits;
      if (!best || total < best.demerits) candidates[key] = { position: b, line: node.line + 1, fitness, hyphensInRow, demerits: total, ratio, overfull: false, previous: node };
    }
    active = kept;
    for (const candidate of candidates) if (candidate) active.push(candidate);
    if (active.length === 0 && lastDropped) {
      // Nothing can reach past this point: the only way on is a line that does not fit,
      // from the break that held out longest. Without a limit on loose lines this happens
      // only where a box is wider than its line.
      if (Number.isFinite(options.tolerance)) return undefined;
      active.push({ position: b, line: lastDropped.line + 1, fitness: 1, hyphensInRow: 0, demerits: lastDropped.demerits + 1e8, ratio: -1, overfull: true, previous: lastDropped });
    }
  }
  let best: Node | undefined;
  for (const node of active) if (node.position === count - 1 && (!best || node.demerits < best.demerits)) best = node;
  if (!best) return undefined;
  const breaks: Break[] = [];
  for (let node: Node | undefined = best; node && node.position >= 0; node = node.previous) breaks.push({ position: node.position, ratio: node.ratio, overfull: node.overfull });
  return breaks.reverse();
}

/**
 * How far a line's spaces must stretch (positive) or shrink (negative) to fill it, as a share
 * of what they can. A short last line (`free`) is set at its natural width.
 */
function lineRatio(natural: number, available: number, lineStretch: number, lineShrink: number, free: boolean): number {
  if (natural < available) {
    if (free) return 0;
    return lineStretch > 0 ? (available - natural) / lineStretch : Infinity;
  }
  if (natural > available) return lineShrink > 0 ? (available - natural) / lineShrink : -Infinity;
  return 0;
}

/** Tight, decent, loose, very loose: neighbours more than one class apart cost extra. */
function fitnessOf(ratio: number): number {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1) return 2;
  return 3;
}

/**
 * TeX's demerits of one line: badness 100·|r|³ plus the line penalty, squared, and the
 * break's penalty. Badness is not capped as TeX caps it: past the tolerance, where only a
 * loose line can be had, a line twice as loose must still cost more.
 */
function lineDemerits(ratio: number, penalty: number, linePenalty: number): number {
  const badness = 100 * Math.abs(ratio) ** 3;
  const base = (linePenalty + badness) ** 2;
  if (penalty >= 0) return base + penalty * penalty;
  if (penalty > forcedBreak) return base - penalty * penalty;
  return base;
}
