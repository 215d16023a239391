/**
 * Narrative texts compiled by Handlebars, as the build's memory keeps them (memo.ts): the
 * compiled JavaScript source by a digest of the text, kept between builds too, and the
 * template evaluated from it. Its own module, without Handlebars, so that a build that
 * composes nothing does not load Handlebars to make it.
 */
import type { MemoTable } from '../cache/memo.ts';

/** The name of the table of compiled templates. */
export const COMPILED_TEMPLATES = 'compiled-templates';

export class CompiledTemplates implements MemoTable {
  readonly name = COMPILED_TEMPLATES;
  /** Compiled templates as JavaScript source, by a digest of their text. */
  readonly sources = new Map<string, string>();
  /** The same evaluated, by the same digest. */
  readonly evaluated = new Map<string, unknown>();

  size(): number {
    return this.sources.size;
  }

  save(): unknown {
    return Object.fromEntries(this.sources);
  }

  clear(): void {
    this.sources.clear();
    this.evaluated.clear();
  }

  load(entries: unknown): void {
    for (const [key, source] of Object.entries(entries as Record<string, string>)) if (!this.sources.has(key)) this.sources.set(key, source);
  }
}
