import type { SourcePlace } from '../errors/errors.ts';

/** One UI string of a locale, with where it is written. */
export interface StringEntry {
  /** Dotted key: `<file>.<nested.key>`, e.g. `document.contents`. */
  key: string;
  /** ICU MessageFormat text. */
  text: string;
  /** Where it is written. */
  place: SourcePlace;
}

/** The UI strings of one locale: headings, captions, chart labels, plural phrases. */
export interface LocaleStrings {
  /** Locale code. */
  locale: string;
  /** Every entry by key. */
  entries: ReadonlyMap<string, StringEntry>;
}
