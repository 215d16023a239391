/**
 * Paragraphs broken into lines, as the build's memory keeps them (memo.ts): by a digest of
 * their `LineMemo` key, those broken in this process and those an earlier build saved, as it
 * saved them. With the digests of the font files the keys name. Its own module, without the
 * layout, so that a build that lays out nothing does not load pdfkit to make it.
 */
import { FileDigests } from '../cache/file-digests.ts';
import type { MemoTable } from '../cache/memo.ts';
import type { Line } from '../typeset/types.ts';

/** The name of the table of broken lines. */
export const BROKEN_LINES = 'broken-lines';

export class BrokenLines implements MemoTable {
  readonly name = BROKEN_LINES;
  private readonly lines = new Map<string, Line[]>();
  private saved: Record<string, Line[]> = {};

  /** `files`: the digests of the font files the keys name (the build memory's). */
  constructor(readonly files: FileDigests = new FileDigests()) {}

  /** The lines kept under `key`, from this process or an earlier build. */
  get(key: string): Line[] | undefined {
    const lines = this.lines.get(key) ?? (Object.hasOwn(this.saved, key) ? this.saved[key] : undefined);
    if (lines) this.lines.set(key, lines);
    return lines;
  }

  set(key: string, lines: Line[]): void {
    this.lines.set(key, lines);
  }

  size(): number {
    return this.lines.size + Object.keys(this.saved).filter((key) => !this.lines.has(key)).length;
  }

  save(): unknown {
    return { ...this.saved, ...Object.fromEntries(this.lines) };
  }

  clear(): void {
    this.lines.clear();
    this.saved = {};
  }

  load(entries: unknown): void {
    this.saved = entries as Record<string, Line[]>;
  }
}
