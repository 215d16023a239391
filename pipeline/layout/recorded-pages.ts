import type { MemoTable } from '../cache/memo.ts';
import type { PageStore, RecordedPage } from './draw.ts';
import type { PageGlyphs } from './text.ts';

/** The name of the table of pages written before, in the stage cache and among the build memory's tables. */
export const RECORDED_PAGES = 'recorded-pages';

/** A page as the table keeps it between processes: what is not its content, and where its content lies. */
interface SavedPage {
  key: string;
  opacities: string[];
  glyphs: PageGlyphs;
  /** The length of its content, in bytes (one per character). */
  length: number;
}

/** A page read from the kept table, its content not yet taken out of the bytes. */
interface UnreadPage {
  saved: SavedPage;
  bytes: Buffer;
  start: number;
}

/**
 * Pages written before (`drawPages`), by the key of everything their drawing depends on: a
 * build after a correction writes the pages it did not change from here, without shaping or
 * drawing them again.
 *
 * Saving keeps the pages the builds of this process used or wrote since the table was last
 * saved, and of the others (those of documents not laid out again, or versions of pages
 * since changed) those saved most recently, up to half as many again, and at least
 * `KEPT_AT_LEAST` pages in all; the rest it lets go. So a watcher that rebuilds again and
 * again holds about one build's pages, not every version of every page. Kept between
 * processes as bytes: a JSON header and then the pages' contents, read out of the bytes only
 * when a page is used.
 */
export class RecordedPages implements MemoTable, PageStore {
  readonly name = RECORDED_PAGES;
  private readonly pages = new Map<string, RecordedPage | UnreadPage>();
  /** The pages used or written since the table was last saved. */
  private readonly live = new Set<string>();

  get(key: string): RecordedPage | undefined {
    const page = this.read(key);
    if (page) this.live.add(key);
    return page;
  }

  /** The page kept under `key`, its content read out of the kept bytes when it was not yet. */
  private read(key: string): RecordedPage | undefined {
    const found = this.pages.get(key);
    if (!found || !('bytes' in found)) return found;
    const { saved, bytes, start } = found;
    const page: RecordedPage = { content: bytes.toString('latin1', start, start + saved.length), opacities: saved.opacities, glyphs: saved.glyphs };
    this.pages.set(key, page);
    return page;
  }

  set(key: string, page: RecordedPage): void {
    this.pages.set(key, page);
    this.live.add(key);
  }

  size(): number {
    return this.pages.size;
  }

  /** The pages to keep (see the class), by key; the others are let go. */
  save(): Record<string, RecordedPage> {
    const limit = Math.max(KEPT_AT_LEAST, Math.ceil(this.live.size * 1.5));
    const keys = [...this.live];
    for (const key of this.pages.keys()) {
      if (keys.length >= limit) break;
      if (!this.live.has(key)) keys.push(key);
    }
    const saved: Record<string, RecordedPage> = {};
    for (const key of keys) saved[key] = this.read(key)!;
    this.pages.clear();
    for (const key of keys) this.pages.set(key, saved[key]!);
    this.live.clear();
    return saved;
  }

  /** Adds pages another thread's build used or wrote (`save`): this build's too. */
  load(entries: unknown): void {
    for (const [key, page] of Object.entries(entries as Record<string, RecordedPage>)) this.set(key, page);
  }

  clear(): void {
    this.pages.clear();
    this.live.clear();
  }

  /**
   * The pages used or written since the last save, as bytes: the length of a JSON header
   * (4 bytes, little-endian), the header (each page's key, opacity states, glyphs and the
   * length of its content), then the contents one after another, a byte per character.
   */
  saveBytes(): Uint8Array {
    const pages = Object.entries(this.save());
    const header: SavedPage[] = pages.map(([key, { opacities, glyphs, content }]) => ({ key, opacities, glyphs, length: content.length }));
    const head = Buffer.from(JSON.stringify(header), 'utf8');
    const bytes = Buffer.alloc(4 + head.length + header.reduce((sum, page) => sum + page.length, 0));
    bytes.writeUInt32LE(head.length, 0);
    head.copy(bytes, 4);
    let offset = 4 + head.length;
    for (const [, { content }] of pages) offset += bytes.write(content, offset, 'latin1');
    return bytes;
  }

  /** Adds the pages of a table saved by `saveBytes`, their contents left in `bytes` until used; throws on bytes that are not one. */
  loadBytes(data: Uint8Array): void {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (bytes.length < 4) throw new Error('the table of recorded pages is cut short');
    const headLength = bytes.readUInt32LE(0);
    if (4 + headLength > bytes.length) throw new Error('the table of recorded pages is cut short');
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + headLength)) as SavedPage[];
    let start = 4 + headLength;
    for (const saved of header) {
      if (typeof saved.key !== 'string' || !Number.isInteger(saved.length) || !Array.isArray(saved.opacities) || typeof saved.glyphs !== 'object') throw new Error('not a table of recorded pages');
      if (!this.pages.has(saved.key)) this.pages.set(saved.key, { saved, bytes, start });
      start += saved.length;
    }
    if (start !== bytes.length) throw new Error('the table of recorded pages is cut short');
  }
}

/** The fewest pages a save keeps, of those not used since the last: about one default build's pages. */
const KEPT_AT_LEAST = 256;
