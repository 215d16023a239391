// The `linebreak` package (UAX #14, the Unicode line breaking algorithm) ships no type
// declarations; this covers the part the layout uses.
declare module 'linebreak' {
  /** A break opportunity. */
  export interface LineBreak {
    /** Offset in the text (UTF-16 code units) before which a line may break. */
    position: number;
    /** A break that must happen (after a line feed). */
    required: boolean;
  }
  /** Walks the break opportunities of a text in order. */
  export default class LineBreaker {
    constructor(text: string);
    /** The next opportunity, or null after the last. */
    nextBreak(): LineBreak | null;
  }
}
