/**
 * Turns styled text into the boxes, glue and penalties of the Knuth–Plass optimiser, and the
 * chosen breaks back into lines of positioned runs.
 *
 * Break opportunities are those of the Unicode line breaking algorithm (UAX #14, the
 * `linebreak` package pdfkit itself uses): after spaces, after hyphens and dashes, never
 * inside "46,9 %" held by a no-break space. Words of justified text are also split where
 * the edition's hyphenator allows, and a soft hyphen in the source is such a place too.
 * Nothing a reader sees is lost: every line keeps, at its end, the space it was broken at,
 * so the text layer of the PDF reads as the paragraph does; the hyphen added at a break is
 * marked, so drawing can keep it out of the text layer.
 */
import LineBreaker from 'linebreak';
import type { Inline } from '../document/types.ts';
import { findBreaks, forcedBreak, noBreak, type BreakOptions, type Item } from './knuth-plass.ts';
import type { Hyphenator, Line, Measure, Run } from './types.ts';
import type { FontSet, TextStyle } from '../theme/style.ts';

/** How a paragraph is set. */
export interface SetOptions {
  /** Justified with a free last line, or ragged right. */
  mode: 'justify' | 'ragged';
  /** Splits words at hyphenation points (justified text only). */
  hyphenator?: Hyphenator;
  /** Width of the first line when it differs (an indent), pt. */
  firstWidth?: number;
  /** Never cut a word wider than the line; let it stand out instead (chart labels). */
  keepWords?: boolean;
  /** Ragged text: judge the last line like the others, so the lines come out even (labels, headings). */
  balance?: boolean;
}

/** Share of a space's width it may grow and shrink in justified text. */
const spaceStretch = 0.6;
const spaceShrink = 0.28;
/**
 * Cost of breaking at a hyphenation point, and after a hyphen already in the text: in
 * ragged text (labels, headings) a compound is broken only rather than adding a line, as
 * "Financial-industrial / groups" reads better than "Financial- / industrial groups".
 */
const hyphenPenalty = 50;
const explicitHyphenPenalty = { justify: 50, ragged: 1000 };
/** Cost of an emergency break inside a word too wide for any line. */
const emergencyPenalty = 5000;
/** Words longer than this are no words a hyphenator knows; they are left alone. */
const longestWord = 64;
/** Size of a note mark, as a share of the text size. */
export const superscriptScale = 0.62;

/** Justified text: loose lines are bad, hyphens cost, at most two hyphenated lines in a row. */
export const justifiedOptions: BreakOptions = {
  tolerance: 1.5,
  linePenalty: 10,
  doubleHyphenDemerits: 10000,
  finalHyphenDemerits: 5000,
  fitnessDemerits: 10000,
  maxHyphensInRow: 2,
  raggedStretch: 0,
  balanceLastLine: false,
};

/** What one box draws: its pieces of text, each in one font. */
interface Fragment {
  text: string;
  font: string;
  size: number;
  link?: string;
  /** Language of the text, when it is not the paragraph's. */
  lang?: string;
  footnote?: number;
  /** Measured width, pt, once known. */
  width?: number;
}

/** The items of a paragraph with what each draws. */
interface Material {
  items: Item[];
  /** For a box, its fragments; for a glue, the space character and its font; for a penalty, the hyphen's font. */
  draws: Fragment[][];
}

/** A span of the paragraph's text in one style. */
interface Span {
  start: number;
  end: number;
  font: string;
  size: number;
  link?: string;
  lang?: string;
}

/**
 * Sets styled text in lines `width` wide: the breaks are chosen for the whole paragraph, and
 * in justified text the spaces of every line but the last are stretched or shrunk to fill it.
 * A word wider than a line is cut where it must be (ragged text keeps it whole when
 * `keepWords`), in time linear in its length.
 */
export function setParagraph(inlines: readonly Inline[], width: number, style: TextStyle, fonts: FontSet, measure: Measure, options: SetOptions): Line[] {
  const justify = options.mode === 'justify';
  const material = buildMaterial(inlines, options.keepWords ? Infinity : width, style, fonts, measure, justify ? options.hyphenator : undefined, justify);
  if (material.items.length === 1) return [{ runs: [], width: 0, footnotes: [] }];
  const lineWidth = (line: number) => (line === 0 && options.firstWidth !== undefined ? options.firstWidth : width);
  const breakOptions: BreakOptions = justify
    ? justifiedOptions
    : { ...justifiedOptions, tolerance: Infinity, linePenalty: 1000, raggedStretch: width, fitnessDemerits: 0, balanceLastLine: options.balance ?? false };
  // Within the tolerance if the paragraph can be; else as little looser as it must be.
  const breaks =
    findBreaks(material.items, lineWidth, breakOptions) ??
    findBreaks(material.items, lineWidth, { ...breakOptions, tolerance: breakOptions.tolerance * 2 }) ??
    findBreaks(material.items, lineWidth, { ...breakOptions, tolerance: Infinity })!;
  return toLines(material, breaks.map((b) => b.position), breaks.map((b) => b.ratio), justify);
}

function buildMaterial(inlines: readonly Inline[], width: number, style: TextStyle, fonts: FontSet, measure: Measure, hyphenator: Hyphenator | undefined, justify: boolean): Material {
  // The paragraph as one string (note marks apart), with the style of each span of it.
  let text = '';
  const spans: Span[] = [];
  const marks: { at: number; number: number }[] = [];
  for (const inline of inlines) {
    if (inline.kind === 'footnote') {
      marks.push({ at: text.length, number: inline.number });
      continue;
    }
    // White space collapses as in HTML; a line feed (a hard break in the source) stays.
    let piece = inline.text.replace(/[ \t\r]*\n[ \t\r\n]*/g, '\n').replace(/[ \t\r]+/g, ' ');
    if (text.length === 0 || /[ \n]$/.test(text)) piece = piece.replace(/^ +/, '');
    if (piece.length === 0) continue;
    spans.push({ start: text.length, end: text.length + piece.length, font: fontFor(inline.bold, inline.italic, style.font, fonts), size: style.size, link: inline.link, lang: inline.lang });
    text += piece;
  }
  text = text.replace(/[ \n]+$/, (tail) => ' '.repeat(tail.length));
  const items: Item[] = [];
  const draws: Fragment[][] = [];
  const push = (item: Item, draw: Fragment[]) => {
    items.push(item);
    draws.push(draw);
  };
  const markSize = style.size * superscriptScale;
  // Inside a web address a break (after a slash) is a last resort: the address is kept whole
  // on a line when it fits, so it reads and copies as one.
  const addresses = [...text.matchAll(/[a-z][a-z0-9+.-]*:\/\/\S+/gi)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const inAddress = (at: number) => addresses.some(([from, to]) => at > from && at < to);
  const breaker = new LineBreaker(text);
  let markIndex = 0;
  let last = 0;
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
    const chunk = text.slice(last, found.position);
    const lead = chunk.match(/^(.*?)([ \n]*)$/s)!;
    const content = lead[1]!;
    const contentEnd = last + content.length;
    // The chunk's words: UAX #14 keeps some spaces unbreakable (before an ambiguous quote, as
    // in "the «civil society»"); each is glue all the same, so it stretches with the others.
    const fragmentsOf = (from: number, to: number): Fragment[] => {
      const list: Fragment[] = [];
      for (const span of spans) {
        const a = Math.max(span.start, from);
        const b = Math.min(span.end, to);
        if (a < b) list.push({ text: text.slice(a, b), font: span.font, size: span.size, link: span.link, lang: span.lang });
      }
      // Note marks that follow the word stick to it.
      while (markIndex < marks.length && marks[markIndex]!.at <= to) {
        const mark = marks[markIndex++]!;
        list.push({ text: String(mark.number), font: fonts.regular, size: markSize, footnote: mark.number });
      }
      for (const fragment of list) fragment.text = fragment.text.replace(/\u00ad/g, '');
      return list.filter((f) => f.text.length > 0);
    };
    let wordStart = last;
    for (const inner of content.matchAll(/ +/g)) {
      const at = last + inner.index!;
      const innerSpan = spans.find((span) => span.start <= at && at < span.end);
      const innerFont = innerSpan?.font ?? style.font;
      const space = measure(' ', innerFont, style.size);
      pushWord(withSpaceAfter(fragmentsOf(wordStart, at), innerFont, style.size, space, measure), width, measure, hyphenator, push);
      // A space before an opening quotation mark is a break in Russian, Kazakh and English alike.
      if (!/^[«“„‘]/.test(content.slice(inner.index! + inner[0].length))) push({ type: 'penalty', width: 0, cost: noBreak, flagged: false }, []);
      // A space inside a phrase in another language belongs to the phrase.
      const lang = innerSpan?.lang !== undefined && innerSpan.end > at + inner[0].length ? innerSpan.lang : undefined;
      push({ type: 'glue', width: space, stretch: justify ? space * spaceStretch : 0, shrink: justify ? space * spaceShrink : 0 }, [{ text: ' ', font: innerFont, size: style.size, lang }]);
      wordStart = at + inner[0].length;
    }
    const fragments = fragmentsOf(wordStart, contentEnd);
    const softHyphen = content.endsWith('\u00ad');
    const explicitHyphen = /[-\u2010]$/.test(content);
    const trailing = lead[2]!;
    const spanAtEnd = spans.find((span) => span.start <= contentEnd && contentEnd < span.end) ?? spans[spans.length - 1];
    const font = spanAtEnd?.font ?? style.font;
    const spaceAfter = !trailing.includes('\n') && trailing.length > 0 && found.position < text.length;
    const space = spaceAfter ? measure(' ', font, style.size) : 0;
    pushWord(spaceAfter ? withSpaceAfter(fragments, font, style.size, space, measure) : fragments, width, measure, hyphenator, push);
    if (trailing.includes('\n') && found.position < text.length) {
      push({ type: 'penalty', width: 0, cost: forcedBreak, flagged: false }, []);
    } else if (spaceAfter) {
      const link = spanAtEnd?.link && spans.find((span) => span.start <= found.position && found.position < span.end)?.link === spanAtEnd.link ? spanAtEnd.link : undefined;
      const lang = spanAtEnd?.lang && spans.find((span) => span.start <= found.position && found.position < span.end)?.lang === spanAtEnd.lang ? spanAtEnd.lang : undefined;
      push({ type: 'glue', width: space, stretch: justify ? space * spaceStretch : 0, shrink: justify ? space * spaceShrink : 0 }, [{ text: ' ', font, size: style.size, link, lang }]);
    } else if (found.position < text.length) {
      if (softHyphen) push({ type: 'penalty', width: measure('-', font, style.size), cost: hyphenPenalty, flagged: true }, [{ text: '-', font, size: style.size }]);
      else if (inAddress(found.position)) push({ type: 'penalty', width: 0, cost: emergencyPenalty, flagged: false }, []);
      else push({ type: 'penalty', width: 0, cost: explicitHyphen ? explicitHyphenPenalty[justify ? 'justify' : 'ragged'] : 0, flagged: explicitHyphen }, []);
    }
    last = found.position;
  }
  while (markIndex < marks.length) {
    const mark = marks[markIndex++]!;
    pushWord([{ text: String(mark.number), font: fonts.regular, size: markSize, footnote: mark.number }], width, measure, undefined, push);
  }
  push({ type: 'penalty', width: 0, cost: forcedBreak, flagged: false }, []);
  return { items, draws };
}

/**
 * The word's fragments, the last measured with the space that follows it in the same font and
 * size: a line is written a word and its space at a time (`SharedFace.encodeText`), so the word
 * is shaped once, for measuring and writing alike, not once bare and again with its space. Its
 * width is the two together less the space's, which the glue after it holds.
 */
function withSpaceAfter(fragments: Fragment[], font: string, size: number, space: number, measure: Measure): Fragment[] {
  const last = fragments[fragments.length - 1];
  if (last && last.footnote === undefined && last.width === undefined && last.font === font && last.size === size) last.width = measure(`${last.text} `, font, size) - space;
  return fragments;
}

/**
 * Adds a word's boxes: one for an ordinary word, one per hyphenation piece with hyphen
 * penalties between, or — for a word wider than any line — one per character with costly
 * breaks between, each character measured once: linear in the word's length.
 */
function pushWord(fragments: Fragment[], width: number, measure: Measure, hyphenator: Hyphenator | undefined, push: (item: Item, draw: Fragment[]) => void): void {
  if (fragments.length === 0) return;
  const widthOf = (list: readonly Fragment[]) => list.reduce((sum, f) => sum + (f.width ??= measure(f.text, f.font, f.size)), 0);
  const total = widthOf(fragments);
  if (total > width) {
    pushEmergency(fragments, measure, push);
    return;
  }
  const first = fragments[0]!;
  if (hyphenator && !first.link && !first.lang && first.footnote === undefined && fragments.slice(1).every((f) => f.footnote !== undefined)) {
    const pieces = hyphenPieces(first.text, hyphenator);
    if (pieces.length > 1) {
      const hyphen = measure('-', first.font, first.size);
      // Each piece's share of the word's measured width, by the advances of its characters:
      // measuring every piece as a text of its own would shape thousands of new strings, and
      // the pieces of an unbroken word are drawn as one run anyway.
      const advance = (piece: string) => [...piece].reduce((sum, c) => sum + measure(c, first.font, first.size), 0);
      const advances = pieces.map(advance);
      const whole = advances.reduce((a, b) => a + b, 0);
      const wordWidth = first.width!;
      pieces.forEach((piece, i) => {
        const isLast = i === pieces.length - 1;
        const own: Fragment = { ...first, text: piece, width: whole > 0 ? (wordWidth * advances[i]!) / whole : wordWidth / pieces.length };
        const draw: Fragment[] = isLast ? [own, ...fragments.slice(1)] : [own];
        push({ type: 'box', width: widthOf(draw) }, draw);
        if (!isLast) push({ type: 'penalty', width: hyphen, cost: hyphenPenalty, flagged: true }, [{ text: '-', font: first.font, size: first.size }]);
      });
      return;
    }
  }
  push({ type: 'box', width: total }, fragments);
}

/** The hyphenation pieces of a fragment's word, its punctuation kept on the outer pieces. */
function hyphenPieces(text: string, hyphenator: Hyphenator): string[] {
  const match = /^([^\p{L}]*)(\p{L}[\p{L}\p{M}]*)([^\p{L}\p{N}]*)$/u.exec(text);
  if (!match || match[2]!.length > longestWord) return [text];
  const pieces = [...hyphenator.split(match[2]!)];
  if (pieces.length < 2 || pieces.join('') !== match[2]) return [text];
  pieces[0] = match[1] + pieces[0]!;
  pieces[pieces.length - 1] += match[3]!;
  return pieces;
}

function pushEmergency(fragments: Fragment[], measure: Measure, push: (item: Item, draw: Fragment[]) => void): void {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let first = true;
  for (const fragment of fragments) {
    for (const { segment } of segmenter.segment(fragment.text)) {
      if (!first) push({ type: 'penalty', width: 0, cost: emergencyPenalty, flagged: false }, []);
      first = false;
      const width = measure(segment, fragment.font, fragment.size);
      push({ type: 'box', width }, [{ ...fragment, text: segment, width }]);
    }
  }
}

/**
 * Lines from the chosen breaks: runs at their x, spaces of justified lines widened or
 * narrowed by the line's ratio (the last line and a line ended by a hard break keep theirs),
 * the space a line broke at kept at its end, and a break hyphen marked as such.
 */
function toLines(material: Material, breaks: readonly number[], ratios: readonly number[], justify: boolean): Line[] {
  const { items, draws } = material;
  const lines: Line[] = [];
  let start = 0;
  breaks.forEach((end, index) => {
    while (start < end && items[start]!.type !== 'box') start += 1;
    const endItem = items[end]!;
    const endsFree = endItem.type === 'penalty' && endItem.cost <= forcedBreak;
    const ratio = justify && !(endsFree && ratios[index]! >= 0) ? Math.max(-1, ratios[index]!) : 0;
    const runs: Run[] = [];
    const footnotes: number[] = [];
    let x = 0;
    for (let i = start; i < end; i += 1) {
      const item = items[i]!;
      if (item.type === 'penalty') continue;
      if (item.type === 'glue') {
        const extra = ratio > 0 ? ratio * item.stretch : ratio * item.shrink;
        for (const fragment of draws[i]!) runs.push({ text: fragment.text, font: fragment.font, size: fragment.size, x, width: item.width + extra, link: fragment.link, lang: fragment.lang, spacing: extra || undefined });
        x += item.width + extra;
        continue;
      }
      for (const fragment of draws[i]!) {
        const fragmentWidth = draws[i]!.length === 1 ? item.width : fragment.width ?? item.width;
        runs.push({ text: fragment.text, font: fragment.font, size: fragment.size, x, width: fragmentWidth, link: fragment.link, lang: fragment.lang, footnote: fragment.footnote });
        if (fragment.footnote !== undefined) footnotes.push(fragment.footnote);
        x += fragmentWidth;
      }
    }
    // What the line was broken at: its space stays in the text, unseen; its hyphen is drawn apart.
    if (endItem.type === 'glue' && runs.length > 0) {
      const space = draws[end]![0]!;
      runs.push({ text: ' ', font: space.font, size: space.size, x, width: 0, lang: space.lang });
    } else if (endItem.type === 'penalty' && endItem.width > 0) {
      const hyphen = draws[end]![0]!;
      runs.push({ text: hyphen.text, font: hyphen.font, size: hyphen.size, x, width: endItem.width, artifact: true });
      x += endItem.width;
    }
    mergeRuns(runs);
    lines.push({ runs, width: x, footnotes });
    start = end + 1;
  });
  return lines;
}

/** Joins neighbouring runs of the same font, size, link and spacing: fewer text operations to draw. */
function mergeRuns(runs: Run[]): void {
  for (let i = runs.length - 1; i > 0; i -= 1) {
    const a = runs[i - 1]!;
    const b = runs[i]!;
    // Within a line every space of one font and size is widened alike.
    const spacing = a.spacing ?? b.spacing;
    const sameSpacing = a.spacing === undefined || b.spacing === undefined || a.spacing === b.spacing;
    if (a.font === b.font && a.size === b.size && a.link === b.link && a.lang === b.lang && a.footnote === undefined && b.footnote === undefined && !a.artifact && !b.artifact && sameSpacing) {
      a.text += b.text;
      a.width = b.x + b.width - a.x;
      a.spacing = spacing;
      runs.splice(i, 1);
    }
  }
}

function fontFor(bold: boolean | undefined, italic: boolean | undefined, base: string, fonts: FontSet): string {
  if (bold && italic) return fonts.boldItalic;
  if (bold) return fonts.bold;
  if (italic) return fonts.italic;
  return base;
}

/**
 * Breaks styled text into lines no wider than `width`: the whole paragraph at once
 * (Knuth–Plass over the Unicode break opportunities; paragraph.ts), justified or ragged.
 */
export function breakLines(inlines: readonly Inline[], width: number, style: TextStyle, fonts: FontSet, measure: Measure, options: SetOptions = { mode: 'ragged' }): Line[] {
  return setParagraph(inlines, width, style, fonts, measure, options);
}
