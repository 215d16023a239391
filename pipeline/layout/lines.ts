import type { Inline } from '../compose/types.ts';
import type { FontSet, TextStyle } from './style.ts';

/** A piece of a line drawn in one font. */
export interface Run {
  /** Characters. */
  text: string;
  /** Registered font name. */
  font: string;
  /** Size in pt. */
  size: number;
  /** Horizontal offset from the line start, pt. */
  x: number;
  /** Width, pt. */
  width: number;
  /** Link target: `#anchor` or a web address. */
  link?: string;
  /** Raised footnote mark with this number. */
  footnote?: number;
}

/** One laid-out line. */
export interface Line {
  /** Its runs, left to right. */
  runs: Run[];
  /** Width of the text, pt. */
  width: number;
  /** Footnotes whose marks are on this line. */
  footnotes: number[];
}

/** Measures a string in a font at a size. */
export type Measure = (text: string, font: string, size: number) => number;

interface Piece {
  text: string;
  font: string;
  size: number;
  link?: string;
  footnote?: number;
  /** A space may break the line before this piece. */
  breakBefore: boolean;
}

const superscriptScale = 0.62;

/**
 * Breaks styled text into lines no wider than `width`: greedy, on spaces, ragged right.
 * Left-aligned text keeps its spaces in the PDF's text and structure tree, which justified
 * text in pdfkit does not. A word longer than a line is cut where it must be.
 */
export function breakLines(inlines: readonly Inline[], width: number, style: TextStyle, fonts: FontSet, measure: Measure, firstIndent = 0): Line[] {
  const pieces = toPieces(inlines, style, fonts);
  const lines: Line[] = [];
  let runs: Run[] = [];
  let x = firstIndent;
  let footnotes: number[] = [];
  const spaceWidth = (font: string, size: number) => measure(' ', font, size);

  const flush = () => {
    mergeRuns(runs);
    lines.push({ runs, width: x, footnotes });
    runs = [];
    x = 0;
    footnotes = [];
  };

  for (const piece of pieces) {
    const pieceWidth = measure(piece.text, piece.font, piece.size);
    const gap = runs.length > 0 && piece.breakBefore ? spaceWidth(piece.font, piece.size) : 0;
    if (runs.length > 0 && piece.breakBefore && x + gap + pieceWidth > width) flush();
    else if (gap > 0) {
      runs.push({ text: ' ', font: piece.font, size: piece.size, x, width: gap, link: sharedLink(runs, piece) });
      x += gap;
    }
    if (pieceWidth > width - x && runs.length === 0) {
      // A single piece wider than the line: cut it by characters.
      let rest = piece.text;
      while (measure(rest, piece.font, piece.size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut), piece.font, piece.size) > width) cut -= 1;
        const head = rest.slice(0, cut);
        runs.push({ ...runOf(piece, head), x, width: measure(head, piece.font, piece.size) });
        x += runs[runs.length - 1]!.width;
        flush();
        rest = rest.slice(cut);
      }
      runs.push({ ...runOf(piece, rest), x, width: measure(rest, piece.font, piece.size) });
      x += runs[runs.length - 1]!.width;
      continue;
    }
    runs.push({ ...runOf(piece, piece.text), x, width: pieceWidth });
    x += pieceWidth;
    if (piece.footnote !== undefined) footnotes.push(piece.footnote);
  }
  if (runs.length > 0 || lines.length === 0) flush();
  return lines;
}

function runOf(piece: Piece, text: string): Omit<Run, 'x' | 'width'> {
  return { text, font: piece.font, size: piece.size, link: piece.link, footnote: piece.footnote };
}

/** A space inside one link belongs to the link, so the clickable area has no holes. */
function sharedLink(runs: readonly Run[], next: Piece): string | undefined {
  const previous = runs[runs.length - 1];
  return previous?.link && previous.link === next.link ? next.link : undefined;
}

/** Joins neighbouring runs of the same font, size and link: fewer text operations to draw. */
function mergeRuns(runs: Run[]): void {
  for (let i = runs.length - 1; i > 0; i -= 1) {
    const a = runs[i - 1]!;
    const b = runs[i]!;
    if (a.font === b.font && a.size === b.size && a.link === b.link && a.footnote === undefined && b.footnote === undefined) {
      a.text += b.text;
      a.width = b.x + b.width - a.x;
      runs.splice(i, 1);
    }
  }
}

function toPieces(inlines: readonly Inline[], style: TextStyle, fonts: FontSet): Piece[] {
  const pieces: Piece[] = [];
  let pendingBreak = false;
  for (const inline of inlines) {
    if (inline.kind === 'footnote') {
      // The mark sticks to the word before it.
      pieces.push({ text: String(inline.number), font: fonts.regular, size: style.size * superscriptScale, footnote: inline.number, breakBefore: false });
      continue;
    }
    const font = fontFor(inline.bold, inline.italic, style.font, fonts);
    // Only ordinary white space breaks: a no-break space ("46,9 %") keeps its neighbours together.
    const words = inline.text.replace(/[ \t\r\n]+/g, ' ').split(' ');
    words.forEach((word, index) => {
      if (index > 0) pendingBreak = true;
      if (word === '') return;
      const atStart = pieces.length === 0;
      pieces.push({ text: word, font, size: style.size, link: inline.link, breakBefore: pendingBreak && !atStart });
      pendingBreak = false;
    });
    if (/[ \t\r\n]$/.test(inline.text)) pendingBreak = true;
  }
  return pieces;
}

function fontFor(bold: boolean | undefined, italic: boolean | undefined, base: string, fonts: FontSet): string {
  if (bold && italic) return fonts.boldItalic;
  if (bold) return fonts.bold;
  if (italic) return fonts.italic;
  return base;
}
