import type { UnitSyntax } from './types.ts';

/** Text a translator translates. */
export interface TextPiece {
  /** Discriminator. */
  kind: 'text';
  /** The text. */
  text: string;
}

/** Code a translator must keep exactly: an XLIFF inline code. */
export interface CodePiece {
  /** Discriminator. */
  kind: 'code';
  /** The code, exactly as written. */
  text: string;
  /**
   * What it is: a Handlebars `expression`, a Markdown `footnote` reference, an ICU `argument`
   * (`{name}`), the `open`ing and `close` of a plural or select, or a plural's `pound` (`#`).
   */
  role: 'expression' | 'footnote' | 'argument' | 'open' | 'close' | 'pound';
}

/** A piece of a unit's text; joining the pieces gives the text back unchanged. */
export type Piece = TextPiece | CodePiece;

/**
 * Splits a text into what is translated and what is code. For Markdown the code is every
 * Handlebars expression (`{{score "1.4"}}`, `{{#if …}}`, `{{else}}`, `{{/if}}`, `{{> partial}}`)
 * and every footnote label (`[^cpi-scale]`): the build fails without them. For ICU
 * MessageFormat it is every argument and the frame of each plural and select, while the
 * option keywords stay text: Russian needs `few` and `many` where English has only `one`.
 * Plain texts (the localised texts of data files) have no code.
 */
export function splitCodes(text: string, syntax: UnitSyntax): Piece[] {
  if (syntax === 'plain') return text ? [{ kind: 'text', text }] : [];
  return syntax === 'markdown' ? splitMarkdown(text) : new IcuSplitter(text).split();
}

/** The code pieces of a text, as written, in order. */
export function codesOf(text: string, syntax: UnitSyntax): CodePiece[] {
  return splitCodes(text, syntax).filter((piece): piece is CodePiece => piece.kind === 'code');
}

// Triple-stash and comments first, so their closing braces are not mistaken for the end.
const markdownCode = /\{\{\{[\s\S]*?\}\}\}|\{\{!--[\s\S]*?--\}\}|\{\{[\s\S]*?\}\}|\[\^[^\]\s]+\]/g;

function splitMarkdown(text: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const match of text.matchAll(markdownCode)) {
    if (match.index > at) pieces.push({ kind: 'text', text: text.slice(at, match.index) });
    pieces.push({ kind: 'code', text: match[0], role: match[0].startsWith('[^') ? 'footnote' : 'expression' });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}

/**
 * A scanner over ICU MessageFormat as intl-messageformat reads it: apostrophes quote `{`, `}`
 * (and `#` inside a plural), `''` is an apostrophe, `#` is the number only directly inside a
 * plural or selectordinal. Malformed input still splits losslessly; validation reports it.
 */
class IcuSplitter {
  private at = 0;
  private readonly pieces: Piece[] = [];
  private buffer = '';

  constructor(private readonly text: string) {}

  split(): Piece[] {
    this.message(false);
    // A stray closing brace at the top level: keep it as text, the parser will object.
    while (this.at < this.text.length) {
      this.buffer += this.text[this.at];
      this.at += 1;
      this.message(false);
    }
    this.flush();
    return this.pieces;
  }

  /** Reads message text until the end, or until a `}` (closing an option, or stray at the top). */
  private message(inPlural: boolean): void {
    const text = this.text;
    while (this.at < text.length) {
      const char = text[this.at]!;
      if (char === "'") this.quote(inPlural);
      else if (char === '{') this.argument();
      else if (char === '}') return;
      else if (char === '#' && inPlural) this.code('#', 'pound');
      else {
        this.buffer += char;
        this.at += 1;
      }
    }
  }

  private quote(inPlural: boolean): void {
    const text = this.text;
    const next = text[this.at + 1];
    if (next === "'") {
      this.buffer += "''";
      this.at += 2;
      return;
    }
    if (next !== '{' && next !== '}' && next !== '<' && next !== '>' && !(next === '#' && inPlural)) {
      this.buffer += "'";
      this.at += 1;
      return;
    }
    let end = this.at + 1;
    while (end < text.length) {
      if (text[end] === "'" && text[end + 1] === "'") end += 2;
      else if (text[end] === "'") break;
      else end += 1;
    }
    this.buffer += text.slice(this.at, end + 1);
    this.at = Math.min(end + 1, text.length);
  }

  private argument(): void {
    const text = this.text;
    const start = this.at;
    const header = /^\{\s*[^\s{},]+\s*(?:,\s*(plural|selectordinal|select)\s*,(\s*offset\s*:\s*\d+)?)?/.exec(text.slice(start));
    const kind = header?.[1];
    if (!header || !kind) {
      this.code(text.slice(start, this.closingBrace(start) + 1), 'argument');
      return;
    }
    this.code(header[0], 'open');
    // Options: keyword as text, then `{`, a nested message, `}`; until the closing brace.
    while (this.at < text.length) {
      const char = text[this.at]!;
      if (char === '}') {
        this.code('}', 'close');
        return;
      }
      this.buffer += char;
      this.at += 1;
      if (char === '{') {
        this.message(kind !== 'select');
        if (this.at < text.length) {
          this.buffer += '}';
          this.at += 1;
        }
      }
    }
  }

  /** The index of the brace closing the one at `start` (or the last index when unclosed). */
  private closingBrace(start: number): number {
    let depth = 0;
    for (let index = start; index < this.text.length; index += 1) {
      if (this.text[index] === '{') depth += 1;
      else if (this.text[index] === '}') {
        depth -= 1;
        if (depth === 0) return index;
      }
    }
    return this.text.length - 1;
  }

  private code(text: string, role: CodePiece['role']): void {
    this.flush();
    this.pieces.push({ kind: 'code', text, role });
    this.at += text.length;
  }

  private flush(): void {
    if (this.buffer) this.pieces.push({ kind: 'text', text: this.buffer });
    this.buffer = '';
  }
}
