/**
 * A pdfkit document whose pages can be written again from what was written on them before.
 *
 * Two things of pdfkit's own make a page's content depend on the pages before it: nothing
 * else does, once the text is written by `PdfText` (text.ts). Opacity states are named in the
 * order a document first uses them (`/Gs1 gs`); here they are named by their values. And
 * resources are made when first used, so the order of the document's objects follows the
 * drawing; here a page's opacity states (and, in `PdfText`, its fonts) are added to its
 * resources when the page ends, in the order of their names, whether the page was drawn or
 * written again.
 *
 * A page is either recorded (`beginPage(false)`: everything written to its content is kept,
 * and `endPage` returns it) or written again (`beginPage(true)`: the drawing calls still run,
 * so that marked content, structure elements, links and destinations are made exactly as
 * before, but they write nothing, and `endPage` writes the kept content in one piece).
 *
 * A page's content stream is written in one piece when the page ends, already deflated: the
 * bytes pdfkit would write call by call (each call's operators and a newline, from the
 * operators pdfkit itself writes when it adds the page), turned into bytes once, by Node, and
 * deflated as pdfkit deflates a stream (zlib's defaults). So a page written again is copied as
 * it was kept, neither encoded nor deflated again, and the file is byte for byte the one pdfkit
 * would write.
 *
 * This extends pdfkit through its public API only: `addContent`, which every drawing call of
 * pdfkit writes through; `addPage` and `ref`, with which pdfkit makes a page's content stream
 * (the one reference it makes without data while it adds a page); `flushPages`; the opacity
 * methods and the page's resources.
 */
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/** What a page wrote that its drawing would write again: its content and the opacity states it set. */
export interface PageContent {
  /** The page's content stream as the file holds it: deflated, and from pdfkit's own first operators on. */
  content: Uint8Array;
  /** The names of the opacity states the page set (`opacityName`). */
  opacities: string[];
}

/**
 * Bytes deflated as pdfkit deflates a stream it compresses (zlib's defaults): written into a
 * stream made with `deflatedStream`, the file is byte for byte the one pdfkit would write.
 */
export function deflated(bytes: Uint8Array): Uint8Array {
  return deflateSync(bytes);
}

/**
 * The dictionary of a stream written already `deflated`: pdfkit writes a stream that names its
 * filter as it is given, and fills in its length (first, as for a stream it compresses).
 */
export function deflatedStream(): { Length: number; Filter: string } {
  return { Length: 0, Filter: 'FlateDecode' };
}

const Base = PDFDocument as unknown as new (options?: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;

export class PagedPdf extends Base {
  /** What was written on the current page since it was added; none between a page's end and the next page. */
  private written: string[] | undefined;
  /** Whether the page is being written again: drawing calls write nothing. */
  private replaying = false;
  /** While pdfkit adds a page: the reference it makes without data is the page's content stream. */
  private addingPage = false;
  /** The opacity states the page set. */
  private readonly pageOpacities = new Set<string>();
  /** The document's opacity states, by name. */
  private readonly opacityStates = new Map<string, PDFKit.PDFKitReference>();

  override addPage(options?: PDFKit.PDFDocumentOptions): this {
    // The pages before end first, so that the only reference pdfkit makes without data while
    // it adds this one is its content stream.
    this.flushPages();
    this.written = [];
    this.addingPage = true;
    try {
      return super.addPage(options) as this;
    } finally {
      this.addingPage = false;
    }
  }

  override ref(data?: Record<string, unknown>): PDFKit.PDFKitReference {
    // pdfkit's own calls without data: its declarations want some, its code makes an empty one.
    if (!this.addingPage || data !== undefined) return super.ref(data as Record<string, unknown>);
    this.addingPage = false;
    // Its content is deflated in endPage.
    return super.ref(deflatedStream());
  }

  override addContent(data: string): this {
    if (!this.written) throw new Error('PagedPdf: drawing outside a page (after endPage, before the next addPage)');
    if (!this.replaying) this.written.push(data);
    return this;
  }

  override opacity(opacity: number): this {
    return this.setOpacity(opacity, opacity);
  }

  override fillOpacity(opacity: number): this {
    return this.setOpacity(opacity, undefined);
  }

  override strokeOpacity(opacity: number): this {
    return this.setOpacity(undefined, opacity);
  }

  /** Starts the page just added: recorded, or (`replaying`) drawn without writing, to be written from what was kept. */
  beginPage(replaying: boolean): void {
    this.replaying = replaying;
    this.pageOpacities.clear();
  }

  /**
   * Ends the page: writes its content stream (`kept`, when the page was begun replaying), adds
   * the page's opacity states to its resources, and returns what the page wrote.
   */
  endPage(kept?: PageContent): PageContent {
    if (!this.written) throw new Error('PagedPdf: endPage without a page');
    const page = kept ?? { content: deflated(contentBytes(this.written)), opacities: [...this.pageOpacities].sort() };
    super.addContent(page.content);
    this.replaying = false;
    this.written = undefined;
    for (const name of page.opacities) this.page.ext_gstates[name] = this.opacityState(name);
    return page;
  }

  private setOpacity(fill: number | null | undefined, stroke: number | null | undefined): this {
    // pdfkit's fillColor(colour) calls fillOpacity(undefined): no state then.
    if (fill == null && stroke == null) return this;
    const name = opacityName(fill == null ? undefined : clamp(fill), stroke == null ? undefined : clamp(stroke));
    this.pageOpacities.add(name);
    return this.addContent(`/${name} gs`);
  }

  private opacityState(name: string): PDFKit.PDFKitReference {
    let state = this.opacityStates.get(name);
    if (!state) {
      const { fill, stroke } = opacityValues(name);
      state = this.ref({ Type: 'ExtGState', ...(fill === undefined ? {} : { ca: fill }), ...(stroke === undefined ? {} : { CA: stroke }) });
      // An object with a dictionary and no stream: pdfkit's `end()` takes no chunk then, though its type declarations want one.
      state.end(undefined);
      this.opacityStates.set(name, state);
    }
    return state;
  }
}

/**
 * A page's calls as pdfkit writes each string to the page: a byte per character (its low eight
 * bits) and a newline after each call; nothing for no call.
 */
function contentBytes(calls: readonly string[]): Uint8Array {
  return calls.length === 0 ? new Uint8Array(0) : Buffer.from(`${calls.join('\n')}\n`, 'latin1');
}

function clamp(value: number): number {
  return Math.max(0, Math.min(1, value));
}

/** The resource name of an opacity state: its fill and stroke opacity, `n` for one it leaves as it is. */
export function opacityName(fill: number | undefined, stroke: number | undefined): string {
  return `Op${fill ?? 'n'}_${stroke ?? 'n'}`;
}

/** The opacities an `opacityName` stands for. */
function opacityValues(name: string): { fill?: number; stroke?: number } {
  const [fill, stroke] = name.slice(2).split('_');
  return { fill: fill === 'n' ? undefined : Number(fill), stroke: stroke === 'n' ? undefined : Number(stroke) };
}
