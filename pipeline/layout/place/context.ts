import type { ComposedDocument, FigureBlock, Inline } from '../../document/types.ts';
import type { SetOptions } from '../../typeset/paragraph.ts';
import type { Hyphenator, Line, Measure } from '../../typeset/types.ts';
import type { ChartBox, Page, PlacedItem, StructExtras } from '../model.ts';
import type { PageStyle, TextStyle } from '../../theme/style.ts';

/** What the flow needs besides the document. */
export interface FlowInput {
  /** The composed document to set. */
  document: ComposedDocument;
  /** Page geometry, text styles, spacing and breaking rules. */
  style: PageStyle;
  /** Width of a text in a font and size, pt. */
  measure: Measure;
  /** Chart sizes by chart id, in pt at their natural size. */
  charts: ReadonlyMap<string, ChartBox>;
  /** Lines broken before, by paragraph, width and fonts; without it every paragraph is broken afresh. */
  lineMemo?: LineMemo;
  /** Hyphenation of the edition's language, with a name for it in the memo's keys; none, no hyphenation. */
  hyphenation?: { name: string; hyphenator: Hyphenator };
  /** Adds the milliseconds spent setting paragraphs (breaking and hyphenating) to `breakingMs`. */
  clock?: { breakingMs: number };
}

/** Paragraphs broken into lines before, in this process or a build before it (index.ts). */
export interface LineMemo {
  /** The fonts' names, files and contents: part of every key. */
  fonts: string;
  get(key: string): Line[] | undefined;
  set(key: string, lines: Line[]): void;
}

/** What a placer needs from the flow: geometry, line breaking, structs and the current page. */
export interface PlacerContext {
  /** Page geometry and text styles. */
  style: PageStyle;
  /** Left edge and width of the text area, pt. */
  left: number;
  width: number;
  /** Chart sizes by id. */
  charts: ReadonlyMap<string, ChartBox>;
  /** Breaks a paragraph into lines of a width (remembered between builds, as the flow does). */
  lines(inlines: readonly Inline[], style: TextStyle, width: number): Line[];
  /** Declares a struct; returns its id. */
  struct(role: string, parent?: number, alt?: string, more?: StructExtras): number;
  /** Top of the free space on the current page. */
  y: number;
  /** Adds an item to the current page. */
  push(item: PlacedItem): void;
  /** Records an anchor on the current page. */
  anchor(name: string): void;
  /** Whether a height fits between `y` and the foot of the page. */
  fits(height: number): boolean;
  /** Whether nothing is placed on the page yet. */
  atTop(): boolean;
  /** Opens a new page. */
  newPage(): void;
}

/**
 * What the placers of the running flow (place/*.ts) share: the page cursor and its notes, the
 * text column, and the figures waiting for room. One object per document (pages.ts).
 */
export interface FlowContext extends PlacerContext {
  /** The document being set: its blocks (for the contents), labels and footnotes. */
  readonly document: ComposedDocument;
  /** Width of a text in a font and size, pt (table columns are fitted to their cells). */
  readonly measure: Measure;
  /** The text column: running text, lists, headings below the first level, footnotes. */
  readonly textLeft: number;
  readonly textWidth: number;
  /** The page being filled. */
  readonly page: Page;
  /** Index of the page being filled. */
  readonly pageIndex: number;
  /** Figures that did not fit where they were cited, in order, waiting for the next page. */
  pendingFigures: FigureBlock[];
  /** Breaks a paragraph into lines: ragged unless `mode` says; justified lines are hyphenated. */
  lines(inlines: readonly Inline[], style: TextStyle, width: number, mode?: SetOptions['mode']): Line[];
  /** `lines` of a plain text, ragged. */
  textLines(text: string, style: TextStyle, width: number): Line[];
  /** Lowest a line may end on the current page, with the notes it has and `extraFootnotes` set at its foot. */
  bottom(extraFootnotes?: readonly number[]): number;
  /** Whether a height fits on the current page with the notes it has and `footnotes` more. */
  fits(height: number, footnotes?: readonly number[]): boolean;
  /** Opens a new page (`plain`: without running head); the figures waiting for room open it. */
  newPage(plain?: boolean): void;
  /** Declares the Note struct of each footnote cited in `lines` not declared yet, beside `struct`. */
  declareNotes(lines: readonly Line[], struct: number): void;
  /** Records a heading for the PDF outline. */
  addOutline(entry: { title: string; level: number; anchor: string }): void;
}
