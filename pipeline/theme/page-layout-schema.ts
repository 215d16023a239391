import { Type, type Static, type TObject, type TProperties } from 'typebox';

/**
 * The layout values of `templates/page.yaml`: spacing, the contents, page breaking, the cover
 * and the brief's grid. Each schema is also the type of its value (`Static`), so a field the
 * layout reads cannot be missing from the schema, nor a field of the schema go unread.
 */

const length = Type.Number({ minimum: 0, description: 'A length in pt, at least 0.' });
const share = Type.Number({ minimum: 0, maximum: 1, description: 'A share of the text area between 0 and 1.' });
const count = Type.Integer({ minimum: 1, description: 'A number of rows or lines, at least 1.' });

/** An object whose every key is required and no other allowed. */
function record<P extends TProperties>(properties: P): TObject<P> {
  return Type.Object(properties, { additionalProperties: false });
}

const headingSpacing = record({
  /** Above the heading, when it does not open the page. */
  before: length,
  /** Between the heading and what follows. */
  after: length,
});

/** `spacing`: space around and inside the blocks of the flow, pt. */
export const spacingSchema = record({
  /** Around headings, by level. */
  heading: record({ h1: headingSpacing, h2: headingSpacing, h3: headingSpacing, h4: headingSpacing }),
  /** The accent bar under a part title (h1): its length and thickness, its gap below the title, the height it takes from the flow. */
  titleBar: record({ width: length, height: length, offset: length, after: length }),
  /** How far each level of a list is indented; the label stands in this indent. */
  listIndent: length,
  /** The label's distance from the start of its level's indent. */
  listLabelInset: length,
  /** Between the items of a list. */
  itemGap: length,
  /** Between the text of a page and its footnotes. */
  footnoteGap: length,
  /** Between a caption and its figure or table. */
  captionGap: length,
  /** After a figure (its caption, chart and note). */
  figureGap: length,
  /** Before the note under a figure or table. */
  noteGap: length,
  /** After a table. */
  tableGap: length,
  /** Inside a table cell, on every side. */
  cellPadding: length,
  /** Indent of a table cell's text per level of its `indent`. */
  cellIndent: length,
  /** The tinted box a figure without its chart shows its description in: left and right inset, space above and below. */
  placeholder: record({ inset: length, padding: length }),
});

/** `contents`: the contents and the lists of figures and tables, pt. */
export const contentsSchema = record({
  /** Room kept at the right for the page numbers. */
  numberWidth: length,
  /** Indent of each contents level below the first. */
  indent: length,
  /** Space above a first-level entry of the contents. */
  partGap: length,
  /** Space above every other entry. */
  entryGap: length,
});

/** `breaking`: where pages may break. */
export const breakingSchema = record({
  /** Fewest rows of a table a page shows, before or after a break. */
  minTableRows: count,
  /** Fewest lines the last page of a chapter holds when it is nearly empty. */
  minLastPageLines: count,
  /** Share of a page's text area below which a chapter's last page counts as nearly empty. */
  nearlyEmptyPage: share,
  /** A table of at most this many rows, and less than `wholeTableShare` of the text area high, is never split. */
  wholeTableRows: count,
  /** See `wholeTableRows`: share of the text area's height. */
  wholeTableShare: share,
});

/** Size and line height of a title on the cover, pt. */
const coverType = record({ size: length, leading: length });

/** `cover`: the report's title page (`full`) and the brief's title band (`compact`), pt from the top of the page unless said. */
export const coverSchema = record({
  full: record({
    /** Height of the accent band at the top. */
    band: length,
    /** Top of the title, inside the band. */
    top: length,
    /** The title's type. */
    title: coverType,
    /** Between the title and the subtitle. */
    subtitleGap: length,
    /** Top of the country's name, below the band. */
    countryTop: length,
    /** The country's name's type. */
    country: coverType,
    /** Tallest the cover chart is drawn. */
    chartHeight: length,
    /** Between the country's name and the chart. */
    chartGap: length,
    /** Distance from the foot of the page to the end of the credits. */
    creditsBottom: length,
  }),
  compact: record({
    /** Height of the accent band at the top. */
    band: length,
    /** Top of the first line, inside the band. */
    top: length,
    /** The title's type. */
    title: coverType,
    /** Between the subtitle, the title and the country's name. */
    gap: length,
    /** Between the country's name and the credits. */
    creditsGap: length,
    /** Between the band and the text that follows it. */
    after: length,
  }),
});

/** `grid`: the brief's grid, pt. */
export const gridSchema = record({
  /** Width of the side column for pull-out numbers. */
  side: length,
  /** Space between the side and main columns. */
  gutter: length,
  /** Padding inside a box. */
  padding: length,
  /** Space after a row or box. */
  after: length,
  /** Tallest a chart in a row is drawn: the brief shows the diamond small. */
  chartHeight: length,
  /** Indent of a list's items in a row or box; the bullet or number stands in it. */
  bullet: length,
});

/** Vertical and horizontal spacing of the flow. */
export type Spacing = Static<typeof spacingSchema>;
/** Space before and after a heading. */
export type HeadingSpacing = Static<typeof headingSpacing>;
/** The contents and the lists of figures and tables. */
export type ContentsLayout = Static<typeof contentsSchema>;
/** Where pages may break. */
export type Breaking = Static<typeof breakingSchema>;
/** The title pages. */
export type CoverLayout = Static<typeof coverSchema>;
/** The brief's grid. */
export type GridLayout = Static<typeof gridSchema>;
