import { cacheKey, type StageCache } from '../cache/key.ts';
import type { ComposedDocument } from '../document/types.ts';
import type { PageStore, RecordedPage } from './draw.ts';
import type { PageGlyphs } from './text.ts';
import { bytesOf, frame, FrameReader, shapeOf, type NumbersShape } from '../util/framed-bytes.ts';

/** A page as the header of a kept entry describes it: its key and opacity states, and what of it lies in the bytes after the header. */
interface SavedPage {
  key: string;
  opacities: string[];
  /** The length of its content, in bytes. */
  length: number;
  /** Each face's glyph list (`PageGlyphs`): the face, and the list's type and length. */
  glyphs: [string, NumbersShape][];
}

/**
 * The pages of one document as they were written (`drawPages`), by the key of everything each
 * page's drawing depends on: a build after a correction writes the pages it did not change
 * from here, without shaping or drawing them again.
 *
 * Each document's pages are one entry of the stage cache (`keptPages`, `keepPages`), read
 * before the document is laid out and written after it, with the pages it has now: a build
 * holds the pages of the document it lays out, not those of every document, on whichever
 * thread lays it out, and a watcher's memory does not grow with them. Kept as bytes: a JSON
 * header and then each page's content and glyph lists; a page read back keeps its content as a
 * view into those bytes, which pdfkit writes as it is.
 */
export class RecordedPages implements PageStore {
  private readonly pages = new Map<string, RecordedPage>();
  /** The pages used or written by this layout, in order: what is kept for the next. */
  private readonly used = new Set<string>();
  /** Whether a page was written that was not kept. */
  private written = false;

  get(key: string): RecordedPage | undefined {
    const found = this.pages.get(key);
    if (found) this.used.add(key);
    return found;
  }

  set(key: string, page: RecordedPage): void {
    this.pages.set(key, page);
    this.used.add(key);
    this.written = true;
  }

  /** Whether what is kept differs from what was read: a page was written, or one kept was not used. */
  changed(): boolean {
    return this.written || this.used.size !== this.pages.size;
  }

  /**
   * The pages used or written, as bytes (`frame`, util/framed-bytes.ts): a header with each
   * page's key, opacity states and the sizes of what follows, then each page's content and its
   * glyph lists as they lie in memory.
   */
  saveBytes(): Uint8Array {
    const pages = [...this.used].map((key) => [key, this.pages.get(key)!] as const);
    const header: SavedPage[] = pages.map(([key, { opacities, glyphs, content }]) => ({
      key,
      opacities,
      length: content.length,
      glyphs: Object.entries(glyphs).map(([face, list]) => [face, shapeOf(list)]),
    }));
    return frame(header, pages.flatMap(([, { content, glyphs }]) => [content, ...Object.values(glyphs).map(bytesOf)]));
  }

  /** Adds the pages of bytes written by `saveBytes`, their contents left in the bytes until used; throws on bytes that are not such pages. */
  loadBytes(bytes: Uint8Array): void {
    const reader = new FrameReader(bytes, 'the recorded pages');
    for (const saved of reader.header as SavedPage[]) {
      if (typeof saved.key !== 'string' || !Array.isArray(saved.opacities) || !Array.isArray(saved.glyphs)) throw new Error('not recorded pages');
      const content = reader.part(saved.length);
      const glyphs: PageGlyphs = Object.fromEntries(saved.glyphs.map(([face, shape]) => [face, reader.numbers(shape)]));
      this.pages.set(saved.key, { opacities: saved.opacities, content, glyphs });
    }
    reader.end();
  }
}

/** The stage cache's key of a document's recorded pages: its edition and country, under the pipeline version. */
export function recordedPagesKey(version: string, document: ComposedDocument): string {
  return cacheKey('pages', version, document.locale, document.kind, document.meta.subject, document.meta.title);
}

/** The pages kept for `key` (none when there are none, or when the entry cannot be read: then `notice` says so). */
export function keptPages(cache: StageCache, key: string, notice: (message: string) => void): RecordedPages {
  const pages = new RecordedPages();
  const bytes = cache.get(key);
  if (bytes) {
    try {
      pages.loadBytes(bytes);
    } catch {
      notice(`.cache/${key}: the kept pages could not be read; made again`);
      return new RecordedPages();
    }
  }
  return pages;
}

/** Keeps a document's pages for the next build under `key`, when they differ from those read. */
export function keepPages(cache: StageCache, key: string, pages: RecordedPages): void {
  if (pages.changed()) cache.set(key, pages.saveBytes());
}
