/** A text style: which registered font, what size, what line height, what colour. */
export interface TextStyle {
  /** Registered font name. */
  font: string;
  /** Size in pt. */
  size: number;
  /** Line height in pt. */
  leading: number;
  /** Colour, `#rrggbb`. */
  color: string;
}

/** Fonts of a family by weight and slant, as registered with pdfkit. */
export interface FontSet {
  regular: string;
  italic: string;
  bold: string;
  boldItalic: string;
  semibold: string;
}

/** Page geometry and every text style the layout uses. Built from the theme. */
export interface PageStyle {
  /** Page width and height in pt (A4: 595.28 × 841.89). */
  width: number;
  height: number;
  /** Margins in pt. */
  margin: { top: number; bottom: number; left: number; right: number };
  /** Fonts of the body family. */
  fonts: FontSet;
  /** Font files by registered name, for pdfkit and the glyph check. */
  fontFiles: Readonly<Record<string, string>>;
  /** Colours. */
  colors: { text: string; accent: string; muted: string; rule: string; tableHeader: string; tableStripe: string; box: string };
  /** Styles by role. */
  body: TextStyle;
  h1: TextStyle;
  h2: TextStyle;
  h3: TextStyle;
  h4: TextStyle;
  caption: TextStyle;
  table: TextStyle;
  footnote: TextStyle;
  small: TextStyle;
  header: TextStyle;
  /** Space after a paragraph. */
  paragraphGap: number;
  /**
   * The text column's measure: about `characters` characters of the edition's running text a
   * line, the column kept between `min` and `max` pt wide.
   */
  measure: { characters: number; min: number; max: number };
  /** Space around and inside the blocks of the flow. */
  spacing: Spacing;
  /** The contents and the lists of figures and tables. */
  contents: ContentsLayout;
  /** Where pages may break. */
  breaking: Breaking;
  /** The title page of a report (`full`) and of a brief (`compact`). */
  cover: { full: FullCover; compact: CompactCover };
  /** The brief's grid: a side column for pull-out numbers beside the main column, boxed panels. */
  grid: GridLayout;
}

/** The brief's grid, pt. */
export interface GridLayout {
  /** Width of the side column. */
  side: number;
  /** Space between the side and main columns. */
  gutter: number;
  /** Padding inside a box. */
  padding: number;
  /** Space after a row or box. */
  after: number;
  /** Tallest a chart in a row is drawn: the brief shows the diamond small. */
  chartHeight: number;
  /** Indent of a list's items in a row or box; the bullet or number stands in it. */
  bullet: number;
}

/** Space before and after a heading, pt. */
export interface HeadingSpacing {
  /** Above the heading, when it does not open the page. */
  before: number;
  /** Between the heading and what follows. */
  after: number;
}

/** Vertical and horizontal spacing of the flow, pt. */
export interface Spacing {
  /** Around headings, by level. */
  heading: { h1: HeadingSpacing; h2: HeadingSpacing; h3: HeadingSpacing; h4: HeadingSpacing };
  /** The accent bar under a part title (h1). */
  titleBar: {
    /** Length and thickness of the bar. */
    width: number;
    height: number;
    /** Gap between the title's last line and the bar. */
    offset: number;
    /** Height the bar takes from the flow, before the heading's `after`. */
    after: number;
  };
  /** How far each level of a list is indented; the label stands in this indent. */
  listIndent: number;
  /** The label's distance from the start of its level's indent. */
  listLabelInset: number;
  /** Between the items of a list. */
  itemGap: number;
  /** Between the text of a page and its footnotes. */
  footnoteGap: number;
  /** Between a caption and its figure or table. */
  captionGap: number;
  /** After a figure (its caption, chart and note). */
  figureGap: number;
  /** Before the note under a figure or table. */
  noteGap: number;
  /** After a table. */
  tableGap: number;
  /** Inside a table cell, on every side. */
  cellPadding: number;
  /** Indent of a table cell's text per level of `indent`. */
  cellIndent: number;
  /** The tinted box a figure without its chart shows its description in. */
  placeholder: {
    /** Left and right inset of the description. */
    inset: number;
    /** Space above and below the description. */
    padding: number;
  };
}

/** The contents and the lists of figures and tables, pt. */
export interface ContentsLayout {
  /** Room kept at the right for the page numbers. */
  numberWidth: number;
  /** Indent of each contents level below the first. */
  indent: number;
  /** Space above a first-level entry of the contents. */
  partGap: number;
  /** Space above every other entry. */
  entryGap: number;
}

/** Where pages may break. */
export interface Breaking {
  /** Fewest rows of a table a page shows, before or after a break. */
  minTableRows: number;
  /** Fewest lines the last page of a chapter holds when it is nearly empty. */
  minLastPageLines: number;
  /** Share of a page's text area (0–1) below which a chapter's last page counts as nearly empty. */
  nearlyEmptyPage: number;
  /** A table of at most this many rows, and less than `wholeTableShare` of the text area high, is never split. */
  wholeTableRows: number;
  /** See `wholeTableRows`: share of the text area's height, 0–1. */
  wholeTableShare: number;
}

/** Size and line height of a title on the cover, pt. */
export interface CoverType {
  size: number;
  leading: number;
}

/** The report's title page, pt from the top of the page unless said. */
export interface FullCover {
  /** Height of the accent band at the top. */
  band: number;
  /** Top of the title, inside the band. */
  top: number;
  /** The title's type. */
  title: CoverType;
  /** Between the title and the subtitle. */
  subtitleGap: number;
  /** Top of the country's name, below the band. */
  countryTop: number;
  /** The country's name's type. */
  country: CoverType;
  /** Tallest the cover chart is drawn. */
  chartHeight: number;
  /** Between the country's name and the chart. */
  chartGap: number;
  /** Distance from the foot of the page to the end of the credits. */
  creditsBottom: number;
}

/** The brief's title band, pt from the top of the page unless said. */
export interface CompactCover {
  /** Height of the accent band at the top. */
  band: number;
  /** Top of the first line, inside the band. */
  top: number;
  /** The title's type. */
  title: CoverType;
  /** Between the subtitle, the title and the country's name. */
  gap: number;
  /** Between the country's name and the credits. */
  creditsGap: number;
  /** Between the band and the text that follows it. */
  after: number;
}
