/**
 * Paragraphs broken into lines, as the build's memory keeps them (memo.ts): by a digest of
 * their `LineMemo` key, those broken in this process and those an earlier build saved, as it
 * saved them. Its own module, without the layout, so that a build that lays out nothing does not load pdfkit to make it.
 */
import type { MemoTable } from '../cache/memo.ts';
import type { PageStyle } from '../theme/style.ts';
import type { Line } from '../typeset/types.ts';

/** The name of the table of broken lines. */
export const BROKEN_LINES = 'broken-lines';

export class BrokenLines implements MemoTable {
  readonly name = BROKEN_LINES;
  /** Lines this process broke or was given, until a sweep finds them unused. */
  private readonly lines = new Map<string, Line[]>();
  private saved: Record<string, Line[]> = {};
  /** The keys asked for or set since the last sweep. */
  private readonly used = new Set<string>();

  /** The lines kept under `key`, from this process or an earlier build. */
  get(key: string): Line[] | undefined {
    const lines = this.lines.get(key) ?? (Object.hasOwn(this.saved, key) ? this.saved[key] : undefined);
    if (lines) {
      this.lines.set(key, lines);
      this.used.add(key);
    }
    return lines;
  }

  set(key: string, lines: Line[]): void {
    this.lines.set(key, lines);
    this.used.add(key);
  }

  /**
   * Forgets the lines this process broke that no build has asked for since the last sweep: a
   * watcher's paragraphs as they read before a correction. What was loaded stays.
   */
  sweep(): void {
    for (const key of this.lines.keys()) if (!this.used.has(key)) this.lines.delete(key);
    this.used.clear();
  }

  /** The lines this process broke (or was given by another thread) that it still holds: those it holds that were not loaded. */
  made(): Record<string, Line[]> {
    const made: Record<string, Line[]> = {};
    for (const [key, lines] of this.lines) if (!Object.hasOwn(this.saved, key)) made[key] = lines;
    return made;
  }

  /** Adds the lines another thread broke in this build, as if broken here. */
  merge(entries: unknown): void {
    for (const [key, lines] of Object.entries(entries as Record<string, Line[]>)) this.set(key, lines);
  }

  size(): number {
    return this.lines.size + Object.keys(this.saved).filter((key) => !this.lines.has(key)).length;
  }

  save(): unknown {
    return { ...this.saved, ...Object.fromEntries(this.lines) };
  }

  clear(): void {
    this.lines.clear();
    this.used.clear();
    this.saved = {};
  }

  load(entries: unknown): void {
    this.saved = entries as Record<string, Line[]>;
  }
}

/**
 * What the lines of a paragraph depend on besides its text, width and size: the font names of
 * the style and the content of each font file, given as `fontDigests` by file name.
 */
export function fontsKey(style: PageStyle, fontDigests: Readonly<Record<string, string>>): string {
  return `${JSON.stringify(style.fonts)}|${Object.keys(style.fontFiles).map((name) => `${name}=${fontDigests[name]}`).join(',')}`;
}
