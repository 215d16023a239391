import type { SourcePlace } from '../errors/errors.ts';

/** A run of text with one style. */
export interface TextInline {
  kind: 'text';
  /** The characters. */
  text: string;
  /** Bold. */
  bold?: boolean;
  /** Italic. */
  italic?: boolean;
  /** A link: `#name` for a place in the document, otherwise a web address. */
  link?: string;
  /** Language of the text, when it is not the edition's (a BCP 47 tag: `ru`, `kk`, `en`). */
  lang?: string;
}

/** The mark of a footnote in the text; its body is in `Document.footnotes`. */
export interface FootnoteInline {
  kind: 'footnote';
  /** Number, through the whole document. */
  number: number;
}

export type Inline = TextInline | FootnoteInline;

/** Fields every block has. */
interface BlockBase {
  /** Where the block's text comes from, for glyph and binding errors. */
  source?: SourcePlace;
}

/** A heading. */
export interface HeadingBlock extends BlockBase {
  kind: 'heading';
  /** 1 part / chapter, 2 section, 3 sub-section, 4 minor. */
  level: 1 | 2 | 3 | 4;
  /** Its text. */
  text: string;
  /** Anchor name for links and the contents. */
  anchor: string;
  /** Listed in the contents and the outline. */
  inContents: boolean;
  /** Starts a new page. */
  newPage?: boolean;
}

/** A paragraph of running text. */
export interface ParagraphBlock extends BlockBase {
  kind: 'paragraph';
  /** Its text. */
  inlines: Inline[];
  /** Visual variant: body text, a lead-in, small print, a centred note. */
  style?: 'body' | 'lead' | 'small' | 'marker';
  /** Set ragged right, not justified: an entry of a reference list, whose titles and addresses justify into gaping lines. */
  ragged?: boolean;
}

/** A bulleted or numbered list; items are paragraphs of inlines. */
export interface ListBlock extends BlockBase {
  kind: 'list';
  /** Numbered instead of bulleted. */
  ordered: boolean;
  /** Items. */
  items: Inline[][];
  /** How deep each item is nested, 0 at the top; absent when every item is at the top. */
  levels?: readonly number[];
  /** Items set ragged right, not justified: entries such as names with their affiliation. */
  ragged?: boolean;
}

/** A table cell. */
export interface TableCell {
  /** Text of the cell. */
  text: string;
  /** Alignment. */
  align?: 'left' | 'right' | 'center';
  /** Bold (totals, group headings). */
  bold?: boolean;
  /** Indent level (nested rows of a matrix). */
  indent?: number;
}

/** A numbered, captioned table whose header row repeats on every page it spans. */
export interface TableBlock extends BlockBase {
  kind: 'table';
  /** Table number, e.g. `II.3.1`; absent for unnumbered tables (acronyms, the matrix). */
  id?: string;
  /** Anchor for references. */
  anchor: string;
  /** Caption line, e.g. "Table II.3.1: CSOs registered by type". Empty for none. */
  caption: string;
  /** Header cells. */
  header: TableCell[];
  /** Relative column widths. */
  widths: number[];
  /** Body rows. */
  rows: TableCell[][];
  /** Source line under the table. */
  note?: string;
  /** The first cell of each body row names its row (a row header, as the matrix's items are). */
  rowHeaders?: boolean;
}

/** A figure: a chart from the chart stage, or a described diagram. */
export interface FigureBlock extends BlockBase {
  kind: 'figure';
  /** Figure number, e.g. `III.1.1`. */
  id: string;
  /** Anchor for references. */
  anchor: string;
  /** Caption line, e.g. "Figure III.1.1: Civic Engagement sub-dimensions". */
  caption: string;
  /** The chart's id in `Charts`, when it is a chart. */
  chart?: string;
  /** Description shown in a box, for a diagram without data. */
  description?: string;
  /** Text alternative for the tagged PDF. */
  alt: string;
  /** Source or note line under the figure. */
  note?: string;
}

/** A generated list: contents, list of figures, list of tables. */
export interface IndexBlock extends BlockBase {
  kind: 'index';
  /** Which list. */
  of: 'contents' | 'figures' | 'tables';
}

/** The cover page. */
export interface CoverBlock extends BlockBase {
  kind: 'cover';
  /** Lines from the top: series, title, country, period. */
  title: string;
  /** Subtitle. */
  subtitle: string;
  /** Country and period line. */
  country: string;
  /** Implementing organisation and partner lines. */
  credits: string[];
  /** Edition / revision line. */
  edition: string;
  /** Chart id drawn on the cover (the diamond), if any. */
  chart?: string;
  /** Text alternative of that chart. */
  chartAlt?: string;
  /** A title band at the top of the first page instead of a page of its own (the brief). */
  compact?: boolean;
}

/** A number set large in the side column of the grid, with a line saying what it counts. */
export interface PulloutItem {
  kind: 'pullout';
  /** The number as printed, from the one formatter (or a numeral of a numbered row). */
  value: string;
  /** What it counts; empty for a bare numeral. */
  label: string;
  /** Colour of the number, `#rrggbb`: the colour of the dimension it belongs to. */
  color?: string;
}

/** A short text in the side column of the grid. */
export interface SideNote {
  kind: 'note';
  /** Its text. */
  inlines: Inline[];
}

/** What the side column of a grid row holds. */
export type SideItem = PulloutItem | SideNote;

/**
 * A row of the brief's grid: a narrow side column (pull-out numbers, a numeral, a note) beside
 * the main column. A row is never split across pages.
 */
export interface AsideRowBlock extends BlockBase {
  kind: 'aside-row';
  /** The side column, top to bottom. */
  side: SideItem[];
  /** The main column: paragraphs, lists, level 3–4 headings, tables and charts. */
  main: Block[];
  /** A hairline under the row, to separate rows of a series. */
  rule?: boolean;
}

/** A tinted panel with a title, spanning the text width; never split across pages. */
export interface BoxBlock extends BlockBase {
  kind: 'box';
  /** Its title. */
  title: string;
  /** What it is for, which decides its colours: a call for action, or reference information. */
  tone: 'action' | 'reference';
  /** Its content: paragraphs, lists, level 3–4 headings. */
  blocks: Block[];
}

/** Forces the next block onto a new page. */
export interface PageBreakBlock extends BlockBase {
  kind: 'page-break';
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | FigureBlock | IndexBlock | CoverBlock | PageBreakBlock | AsideRowBlock | BoxBlock;

/** Document information written into the PDF. */
export interface DocumentMeta {
  /** Title. */
  title: string;
  /** Author (the implementing organisation). */
  author: string;
  /** Subject line. */
  subject: string;
  /** Keywords. */
  keywords: string[];
  /** BCP 47 language. */
  lang: string;
  /** Running header text. */
  runningHead: string;
  /** Creation date, from the configuration, never the clock. */
  date: Date;
}

/** Words the layout needs in the edition's language. */
export interface LayoutLabels {
  /** Heading of the contents page. */
  contents: string;
  /** Heading of the list of figures. */
  figures: string;
  /** Heading of the list of tables. */
  tables: string;
  /** "Page {n} of {total}"-style footer; `{page}` is replaced. */
  page: string;
  /** "(continued)" after a repeated table caption. */
  continued: string;
}

/** The composed document: an ordered list of blocks with numbering and references resolved. */
export interface ComposedDocument {
  /** Which document. */
  kind: 'acr' | 'brief';
  /** Running text in the readable text column, or across the full width (the document plan's `textColumn`). */
  textColumn: boolean;
  /** Locale. */
  locale: string;
  /** PDF metadata. */
  meta: DocumentMeta;
  /** Layout words. */
  labels: LayoutLabels;
  /** The blocks, in reading order. */
  blocks: Block[];
  /** Footnote bodies by number. */
  footnotes: ReadonlyMap<number, Inline[]>;
  /** Problems that did not stop composing (a translation replaced by the source text). */
  warnings?: readonly import('../errors/errors.ts').InputIssue[];
}
