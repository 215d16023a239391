import type { Breaking, ContentsLayout, CoverLayout, GridLayout, Spacing } from './page-layout-schema.ts';

export type { Breaking, ContentsLayout, CoverLayout, GridLayout, HeadingSpacing, Spacing } from './page-layout-schema.ts';

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
  cover: CoverLayout;
  /** The brief's grid: a side column for pull-out numbers beside the main column, boxed panels. */
  grid: GridLayout;
}
