/**
 * Narrative texts compiled by Handlebars, as the build's memory keeps them (memo.ts): the
 * compiled JavaScript source by a digest of the text, kept between builds too, and the
 * template evaluated from it; and the name cases each text asks for (name-cases.ts), which
 * take a second parse of the text to find. Its own module, without Handlebars, so that a
 * build that composes nothing does not load Handlebars to make it.
 */
import type { MemoTable } from '../cache/memo.ts';

/** Whose name a helper prints. */
export type NameOwner = 'country' | 'organisation';

/** A `{{country case="…"}}` or `{{organisation case="…"}}` of a text (name-cases.ts). */
export interface AskedCase {
  whose: NameOwner;
  requested: string;
  /** 1-based line and column in the text. */
  line: number;
  column: number;
}

/** The name of the table of compiled templates. */
export const COMPILED_TEMPLATES = 'compiled-templates';

export class CompiledTemplates implements MemoTable {
  readonly name = COMPILED_TEMPLATES;
  /** Compiled templates as JavaScript source, by a digest of their text. */
  readonly sources = new Map<string, string>();
  /** The same evaluated, by the same digest. */
  readonly evaluated = new Map<string, unknown>();
  /** The name cases a text asks for, by the same digest, for the texts that ask for any. */
  readonly cases = new Map<string, AskedCase[]>();

  size(): number {
    return this.sources.size + this.cases.size;
  }

  save(): unknown {
    return { sources: Object.fromEntries(this.sources), cases: Object.fromEntries(this.cases) };
  }

  clear(): void {
    this.sources.clear();
    this.evaluated.clear();
    this.cases.clear();
  }

  load(entries: unknown): void {
    const { sources, cases } = entries as { sources: Record<string, string>; cases: Record<string, AskedCase[]> };
    for (const [key, source] of Object.entries(sources)) if (!this.sources.has(key)) this.sources.set(key, source);
    for (const [key, asked] of Object.entries(cases)) if (!this.cases.has(key)) this.cases.set(key, asked);
  }
}
