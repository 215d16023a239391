/**
 * Narrative Markdown read into blocks, as the build's memory keeps it (memo.ts): each result
 * of `markdownToBlocks` by a digest of everything it depends on (`markdownKey`), kept between
 * builds too. A correction changes the rendered text of a few parts of each document; every
 * other part is taken from here instead of being parsed again. One result is kept per part
 * (its source, language and anchors), as `ParsedYaml` keeps one version per file: the table
 * does not grow with every correction.
 *
 * Each result is kept as JSON, made when it is kept and read anew at every use: no two
 * documents, and no two builds of a watcher, share a block that a later stage could change. Its own module, without
 * markdown-it, so that a build that composes nothing does not load the parser to make it.
 */
import { LatestVersions } from '../cache/latest-versions.ts';
import type { SourcePlace } from '../errors/errors.ts';
import type { Inline } from '../document/types.ts';
import type { MarkdownResult } from './markdown.ts';
import { digest } from '../util/digest.ts';

/** The name of the table of Markdown read into blocks. */
export const MARKDOWN_BLOCKS = 'markdown-blocks';

/** A result as JSON holds it: the footnotes as [number, body] pairs. */
type SavedResult = Omit<MarkdownResult, 'footnotes'> & { footnotes: [number, Inline[]][] };

/** What a result is kept under: the key of the text read, and of the part of a document it is (`markdownKey`). */
export interface MarkdownKey {
  /** A digest of everything the blocks depend on. */
  key: string;
  /** A digest of the part: where the text comes from, in which language, under which anchors. */
  part: string;
}

/** A kept result: the part it is of, and the result as JSON. */
interface KeptResult {
  part: string;
  json: string;
}

export class MarkdownBlocks extends LatestVersions<KeptResult> {
  readonly name = MARKDOWN_BLOCKS;

  /** A fresh copy of the result kept under `key`. */
  get(key: MarkdownKey): MarkdownResult | undefined {
    const kept = this.version(key.key);
    if (kept === undefined) return undefined;
    const saved = JSON.parse(kept.json) as SavedResult;
    return { ...saved, footnotes: new Map(saved.footnotes) };
  }

  /** Keeps `result` under `key`, as it is now: what its user does with it afterwards is not kept. */
  set(key: MarkdownKey, result: MarkdownResult): void {
    const saved: SavedResult = { ...result, footnotes: [...result.footnotes] };
    this.keepVersion(key.key, { part: key.part, json: JSON.stringify(saved) });
  }

  /** One result per part: a watcher that reads a part's corrected text drops the one before. */
  protected thingOf(kept: KeptResult): string {
    return kept.part;
  }
}

/**
 * The key of a Markdown text read into blocks: the text, the edition's language (quotes and
 * dashes), the first footnote number, where the text comes from, the prefix of its anchors,
 * and whether its lines are mapped back to a template's (`mapsLines`); and of the part it is,
 * all but the text and the footnote number.
 */
export function markdownKey(markdown: string, locale: string, firstFootnote: number, source: SourcePlace, anchorPrefix: string, mapsLines: boolean): MarkdownKey {
  return {
    key: digest(JSON.stringify([locale, firstFootnote, source, anchorPrefix, mapsLines, markdown])),
    part: digest(JSON.stringify([locale, source, anchorPrefix, mapsLines])),
  };
}
