import { InputError } from '../errors/errors.ts';
import { IntlMessageFormat } from 'intl-messageformat';
import type { LocaleStrings } from './strings.ts';

/** Formats UI strings of a locale with ICU MessageFormat (plurals, selects, numbers). */
export class Messages {
  readonly locale: string;
  private readonly strings: LocaleStrings;
  private readonly fallback: LocaleStrings | undefined;
  private readonly cache = new Map<string, IntlMessageFormat>();

  /**
   * `fallback` is the source locale when the translation policy allows falling back; such a
   * string is then shown with a visible marker so a reader and an editor can see it.
   */
  constructor(strings: LocaleStrings, fallback?: LocaleStrings, readonly fallbackMarker = '⟨en⟩ ') {
    this.locale = strings.locale;
    this.strings = strings;
    this.fallback = fallback;
  }

  has(key: string): boolean {
    return this.strings.entries.has(key) || (this.fallback?.entries.has(key) ?? false);
  }

  /** The formatted string; an unknown key is a programming error, caught by ingest's checks. */
  t(key: string, values?: Record<string, string | number>): string {
    let entry = this.strings.entries.get(key);
    let prefix = '';
    let locale = this.locale;
    if (!entry && this.fallback) {
      entry = this.fallback.entries.get(key);
      prefix = this.fallbackMarker;
      locale = this.fallback.locale;
    }
    if (!entry) throw new Error(`no string "${key}" in locale ${this.locale}`);
    let format = this.cache.get(key);
    if (!format) {
      format = new IntlMessageFormat(entry.text, locale);
      this.cache.set(key, format);
    }
    try {
      return `${prefix}${String(format.format(values))}`;
    } catch (error) {
      // The text asks for an argument this string is not given: the locale file is at fault.
      const given = Object.keys(values ?? {});
      throw new InputError([{
        place: entry.place,
        message: `the string "${key}" cannot be formatted: ${(error as Error).message.split('\n')[0]}`,
        hint: given.length > 0 ? `This string is given only ${given.map((name) => `{${name}}`).join(', ')}; use those, or write the text without braces.` : 'This string is given no arguments: write it without {…}.',
        severity: 'error',
      }]);
    }
  }
}
