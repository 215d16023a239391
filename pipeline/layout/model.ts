import type { Line } from '../typeset/types.ts';
import type { TextStyle } from '../theme/style.ts';

/** A node of the PDF structure tree, declared in reading order before anything is drawn. */
export interface StructDef {
  /** Index in `PageModel.structs`. */
  id: number;
  /** Standard structure type: H1…H4, P, L, LI, Lbl, LBody, Table, TR, TH, TD, Caption, Figure, Note, TOC, TOCI, Sect. */
  role: string;
  /** Parent struct id; absent for children of the document root. */
  parent?: number;
  /** Text alternative (figures). */
  alt?: string;
  /** What a header cell (TH) heads: its column or its row (the /Scope table attribute). */
  scope?: 'Column' | 'Row';
  /** The ID of a Note (unique in the document; `fn-N` for footnote N). */
  noteId?: string;
  /** Language of the element's text, when it differs from the document's (a BCP 47 tag). */
  lang?: string;
}

/** What a struct may carry besides its role, parent and alternative text. */
export type StructExtras = Pick<StructDef, 'scope' | 'noteId' | 'lang'>;

/** A line of text at a place on a page. */
export interface PlacedLine {
  kind: 'line';
  /** Left edge, pt. */
  x: number;
  /** Top of the line box, pt. */
  y: number;
  /** The line. */
  line: Line;
  /** Its style (leading, colour). */
  style: TextStyle;
  /** Struct it belongs to; absent for artifacts. */
  struct?: number;
  /** Right-align to this x instead of starting at `x`. */
  alignRight?: number;
  /** Centre between `x` and this x. */
  centreTo?: number;
}

/** A filled or stroked rectangle or rule (always an artifact). */
export interface PlacedRect {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: string;
  stroke?: string;
}

/** A chart from the chart stage. */
export interface PlacedChart {
  kind: 'chart';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Chart id. */
  chart: string;
  /** The Figure struct. */
  struct: number;
}

/** A link destination, and for headings an outline entry. */
export interface PlacedAnchor {
  kind: 'anchor';
  /** Destination name. */
  name: string;
  /** Top, pt. */
  y: number;
}

/** A line of the contents or a list of figures/tables: its page number is known only at drawing. */
export interface PlacedIndexEntry {
  kind: 'index-entry';
  x: number;
  y: number;
  /** Right edge for the page number. */
  right: number;
  /** The entry's text lines (the number goes on the last). */
  lines: Line[];
  style: TextStyle;
  /** Anchor of the entry's target. */
  target: string;
  struct: number;
}

export type PlacedItem = PlacedLine | PlacedRect | PlacedChart | PlacedAnchor | PlacedIndexEntry;

/** One page of the laid-out document. */
export interface Page {
  /** Everything drawn on it, in drawing order. */
  items: PlacedItem[];
  /** Footnote numbers set at its foot, in order. */
  footnotes: number[];
  /** Cover pages get no running head or number. */
  plain: boolean;
}

/** An entry of the PDF outline (bookmarks). */
export interface OutlineEntry {
  /** Heading text. */
  title: string;
  /** Heading level. */
  level: number;
  /** Destination name. */
  anchor: string;
}

/** The whole laid-out document, before drawing. */
export interface PageModel {
  pages: Page[];
  structs: StructDef[];
  /** Page index (0-based) of every anchor. */
  anchorPages: ReadonlyMap<string, number>;
  /** Headings in order, for the outline. */
  outline: OutlineEntry[];
  /** Footnote bodies laid out as lines, by number. */
  footnoteLines: ReadonlyMap<number, Line[]>;
  /** Left edge of the footnotes (the text column's), pt. */
  footnoteX: number;
}

/** Size of a chart as the layout needs it. */
export interface ChartBox {
  width: number;
  height: number;
  /** A digest of the chart's drawing, so a page that shows a changed chart counts as changed. */
  digest?: string;
}
