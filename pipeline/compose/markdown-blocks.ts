/**
 * Narrative Markdown read into blocks, as the build's memory keeps it (memo.ts): each result
 * of `markdownToBlocks` by a digest of everything it depends on (`markdownKey`), kept between
 * builds too. A correction changes the rendered text of a few parts of each document; every
 * other part is taken from here instead of being parsed again.
 *
 * Each result is kept as JSON, made when it is kept and read anew at every use: no two
 * documents, and no two builds of a watcher, share a block that a later stage could change. Its own module, without
 * markdown-it, so that a build that composes nothing does not load the parser to make it.
 */
import type { MemoTable } from '../cache/memo.ts';
import type { SourcePlace } from '../errors/errors.ts';
import type { Inline } from '../document/types.ts';
import type { MarkdownResult } from './markdown.ts';
import { digest } from '../util/digest.ts';

/** The name of the table of Markdown read into blocks. */
export const MARKDOWN_BLOCKS = 'markdown-blocks';

/** A result as JSON holds it: the footnotes as [number, body] pairs. */
type SavedResult = Omit<MarkdownResult, 'footnotes'> & { footnotes: [number, Inline[]][] };

export class MarkdownBlocks implements MemoTable {
  readonly name = MARKDOWN_BLOCKS;
  /** Each result as JSON, by key. */
  private readonly results = new Map<string, string>();

  /** A fresh copy of the result kept under `key`. */
  get(key: string): MarkdownResult | undefined {
    const json = this.results.get(key);
    if (json === undefined) return undefined;
    const saved = JSON.parse(json) as SavedResult;
    return { ...saved, footnotes: new Map(saved.footnotes) };
  }

  /** Keeps `result` under `key`, as it is now: what its user does with it afterwards is not kept. */
  set(key: string, result: MarkdownResult): void {
    const saved: SavedResult = { ...result, footnotes: [...result.footnotes] };
    this.results.set(key, JSON.stringify(saved));
  }

  size(): number {
    return this.results.size;
  }

  save(): unknown {
    return Object.fromEntries(this.results);
  }

  clear(): void {
    this.results.clear();
  }

  load(entries: unknown): void {
    for (const [key, json] of Object.entries(entries as Record<string, string>)) if (!this.results.has(key)) this.results.set(key, json);
  }
}

/**
 * The key of a Markdown text read into blocks: the text, the edition's language (quotes and
 * dashes), the first footnote number, where the text comes from, the prefix of its anchors,
 * and whether its lines are mapped back to a template's (`mapsLines`).
 */
export function markdownKey(markdown: string, locale: string, firstFootnote: number, source: SourcePlace, anchorPrefix: string, mapsLines: boolean): string {
  return digest(JSON.stringify([locale, firstFootnote, source, anchorPrefix, mapsLines, markdown]));
}
