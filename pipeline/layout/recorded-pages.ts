import { cacheKey, type StageCache } from '../cache/key.ts';
import type { ComposedDocument } from '../document/types.ts';
import type { PageStore, RecordedPage } from './draw.ts';
import type { PageGlyphs } from './text.ts';

/** A page as the header of a kept entry describes it: its key and opacity states, and what of it lies in the bytes after the header. */
interface SavedPage {
  key: string;
  opacities: string[];
  /** The length of its content, in bytes (one per character). */
  length: number;
  /** Each face's glyph list (`PageGlyphs`): the face, the list's type and its length. */
  glyphs: [string, 'i32' | 'f64', number][];
}

/** A page read from a kept entry, its content not yet taken out of the bytes. */
interface UnreadPage {
  saved: SavedPage;
  bytes: Buffer;
  start: number;
  glyphs: PageGlyphs;
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
 * header and then each page's content and glyph lists; a page's content is read out of the
 * bytes only when the page is used.
 */
export class RecordedPages implements PageStore {
  private readonly pages = new Map<string, RecordedPage | UnreadPage>();
  /** The pages used or written by this layout, in order: what is kept for the next. */
  private readonly used = new Set<string>();
  /** Whether a page was written that was not kept. */
  private written = false;

  get(key: string): RecordedPage | undefined {
    const found = this.pages.get(key);
    if (!found) return undefined;
    this.used.add(key);
    if (!('bytes' in found)) return found;
    const { saved, bytes, start, glyphs } = found;
    const page: RecordedPage = { content: bytes.toString('latin1', start, start + saved.length), opacities: saved.opacities, glyphs };
    this.pages.set(key, page);
    return page;
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
   * The pages used or written, as bytes: the length of a JSON header (4 bytes, little-endian),
   * the header (`SavedPage`s), then, from a multiple of 8 on, each page's content, a byte per
   * character, and its glyph lists as they lie in memory, each from a multiple of 8.
   */
  saveBytes(): Uint8Array {
    const pages = [...this.used].map((key) => [key, this.get(key)!] as const);
    const header: SavedPage[] = pages.map(([key, { opacities, glyphs, content }]) => ({
      key,
      opacities,
      length: content.length,
      glyphs: Object.entries(glyphs).map(([face, list]) => [face, list instanceof Int32Array ? 'i32' : 'f64', list.length]),
    }));
    const head = Buffer.from(JSON.stringify(header), 'utf8');
    let size = aligned(4 + head.length);
    for (const [, { content, glyphs }] of pages) {
      size = aligned(size + content.length);
      for (const list of Object.values(glyphs)) size = aligned(size + list.byteLength);
    }
    const bytes = Buffer.alloc(size);
    bytes.writeUInt32LE(head.length, 0);
    head.copy(bytes, 4);
    let offset = aligned(4 + head.length);
    for (const [, { content, glyphs }] of pages) {
      offset = aligned(offset + bytes.write(content, offset, 'latin1'));
      for (const list of Object.values(glyphs)) {
        bytes.set(new Uint8Array(list.buffer, list.byteOffset, list.byteLength), offset);
        offset = aligned(offset + list.byteLength);
      }
    }
    return bytes;
  }

  /** Adds the pages of bytes written by `saveBytes`, left in `bytes` until used; throws on bytes that are not such pages. */
  loadBytes(data: Uint8Array): void {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const cutShort = () => new Error('the recorded pages are cut short');
    if (bytes.length < 4) throw cutShort();
    const headLength = bytes.readUInt32LE(0);
    if (4 + headLength > bytes.length) throw cutShort();
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + headLength)) as SavedPage[];
    let offset = aligned(4 + headLength);
    for (const saved of header) {
      if (typeof saved.key !== 'string' || !Number.isInteger(saved.length) || !Array.isArray(saved.opacities) || !Array.isArray(saved.glyphs)) throw new Error('not recorded pages');
      const start = offset;
      offset = aligned(offset + saved.length);
      const glyphs: PageGlyphs = {};
      for (const [face, type, length] of saved.glyphs) {
        const size = type === 'i32' ? 4 : 8;
        if (!Number.isInteger(length) || offset + length * size > bytes.length) throw cutShort();
        // A copy: the kept bytes lie at any offset, and a typed array must start at a multiple of its width.
        const copy = new Uint8Array(bytes.subarray(offset, offset + length * size)).buffer;
        glyphs[face] = type === 'i32' ? new Int32Array(copy) : new Float64Array(copy);
        offset = aligned(offset + length * size);
      }
      if (offset > bytes.length) throw cutShort();
      this.pages.set(saved.key, { saved, bytes, start, glyphs });
    }
    if (offset !== bytes.length) throw cutShort();
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

/** `n` rounded up to a multiple of 8, where typed arrays of any element size may start. */
function aligned(n: number): number {
  return Math.ceil(n / 8) * 8;
}
