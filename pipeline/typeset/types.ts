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
  /** Language of the run's text, when it is not the document's (a BCP 47 tag). */
  lang?: string;
  /** Raised footnote mark with this number. */
  footnote?: number;
  /** Added after every space of the run, pt: how justification widens (or narrows) them. */
  spacing?: number;
  /** The hyphen of a hyphenated line end: drawn, but not part of the text. */
  artifact?: boolean;
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

/** Where a word may be hyphenated: its pieces, which joined give the word back. */
export interface Hyphenator {
  split(word: string): readonly string[];
}
