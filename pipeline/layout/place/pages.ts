import type { ComposedDocument, FigureBlock, Inline } from '../../document/types.ts';
import type { SetOptions } from '../../typeset/paragraph.ts';
import type { Line, Measure } from '../../typeset/types.ts';
import type { PageStyle, TextStyle } from '../../theme/style.ts';
import { textColumnWidth } from '../measure.ts';
import type { ChartBox, OutlineEntry, Page, PageModel, PlacedItem, StructDef, StructExtras } from '../model.ts';
import type { FlowContext, FlowInput } from './context.ts';
import { drawFigure } from './figure.ts';
import { lineSetter, type LineSetter } from './lines.ts';
import { declareNotes, footnoteLinesOf, notesHeight } from './notes.ts';

/** Where the flow was, to set a chapter again from there. */
export interface FlowMark {
  pages: number;
  page: Page;
  items: number;
  footnotes: number;
  y: number;
  structs: number;
  outline: number;
  anchors: Map<string, number>;
  pending: FigureBlock[];
}

/**
 * The pages set so far and the cursor on the last: where the next block goes, what the page's
 * notes take from its foot, the structs, anchors and outline entries declared, the figures
 * waiting for room. The placers see it as their `FlowContext`.
 */
export class PageCursor implements FlowContext {
  readonly document: ComposedDocument;
  readonly style: PageStyle;
  readonly charts: ReadonlyMap<string, ChartBox>;
  readonly measure: Measure;
  /** The full width between the margins: tables, figures, captions, the contents. */
  readonly left: number;
  readonly width: number;
  readonly textLeft: number;
  readonly textWidth: number;
  y = 0;
  pendingFigures: FigureBlock[] = [];
  private readonly pages: Page[] = [];
  private readonly structs: StructDef[] = [];
  private readonly anchorPages = new Map<string, number>();
  private readonly outline: OutlineEntry[] = [];
  private readonly footnoteLines: Map<number, Line[]>;
  /** Pages (by index) that end earlier than their margin, by how much, pt. */
  private readonly shortened = new Map<number, number>();
  private readonly setLines: LineSetter;
  private current!: Page;

  constructor(input: FlowInput) {
    this.document = input.document;
    this.style = input.style;
    this.charts = input.charts;
    this.measure = input.measure;
    this.setLines = lineSetter(input);
    this.left = this.style.margin.left;
    this.width = this.style.width - this.style.margin.left - this.style.margin.right;
    // The brief sets its own grid of columns and boxes across the full width (grid.ts); the
    // report's running text stands in the text column.
    this.textWidth = !input.document.textColumn ? this.width : textColumnWidth(input.document, this.style, input.measure, this.width);
    // The column sits at the right; what is left of it is the margin column.
    this.textLeft = this.left + this.width - this.textWidth;
    this.footnoteLines = footnoteLinesOf(input.document.footnotes, this.style, this.textWidth, this.setLines);
    this.newPage(false);
  }

  get page(): Page {
    return this.current;
  }

  get pageIndex(): number {
    return this.pages.length - 1;
  }

  /** How many pages there are so far. */
  get pageCount(): number {
    return this.pages.length;
  }

  lines(inlines: readonly Inline[], style: TextStyle, width: number, mode: SetOptions['mode'] = 'ragged'): Line[] {
    return this.setLines(inlines, style, width, mode);
  }

  textLines(text: string, style: TextStyle, width: number): Line[] {
    return this.setLines([{ kind: 'text', text }], style, width);
  }

  struct(role: string, parent?: number, alt?: string, more: StructExtras = {}): number {
    const id = this.structs.length;
    this.structs.push({ id, role, parent, alt, ...more });
    return id;
  }

  push(item: PlacedItem): void {
    this.current.items.push(item);
  }

  anchor(name: string): void {
    this.current.items.push({ kind: 'anchor', name, y: this.y });
    this.anchorPages.set(name, this.pageIndex);
  }

  addOutline(entry: OutlineEntry): void {
    this.outline.push(entry);
  }

  declareNotes(lines: readonly Line[], struct: number): void {
    declareNotes(this.structs, lines, struct, (role, parent, alt, more) => this.struct(role, parent, alt, more));
  }

  newPage(plain = false): void {
    this.current = { items: [], footnotes: [], plain };
    this.pages.push(this.current);
    this.y = this.style.margin.top;
    // Figures that did not fit on the last page open this one.
    const pending = this.pendingFigures;
    this.pendingFigures = [];
    for (const figure of pending) drawFigure(this, figure);
  }

  bottom(extraFootnotes: readonly number[] = []): number {
    const notes = [...this.current.footnotes, ...extraFootnotes];
    return this.style.height - this.style.margin.bottom - notesHeight(notes, this.footnoteLines, this.style) - (this.shortened.get(this.pageIndex) ?? 0);
  }

  fits(height: number, footnotes: readonly number[] = []): boolean {
    return this.y + height <= this.bottom(footnotes) + 0.01;
  }

  atTop(): boolean {
    return this.y <= this.style.margin.top + 0.01;
  }

  /** Ends page `index` earlier than its margin by `by` pt more. */
  shorten(index: number, by: number): void {
    this.shortened.set(index, (this.shortened.get(index) ?? 0) + by);
  }

  /** Where the flow is now. */
  mark(): FlowMark {
    return { pages: this.pages.length, page: this.current, items: this.current.items.length, footnotes: this.current.footnotes.length, y: this.y, structs: this.structs.length, outline: this.outline.length, anchors: new Map(this.anchorPages), pending: [...this.pendingFigures] };
  }

  /** Goes back to a mark, forgetting everything placed since. */
  rewind(mark: FlowMark): void {
    this.pages.length = mark.pages;
    this.current = mark.page;
    this.current.items.length = mark.items;
    this.current.footnotes.length = mark.footnotes;
    this.y = mark.y;
    this.structs.length = mark.structs;
    this.outline.length = mark.outline;
    this.anchorPages.clear();
    for (const [anchor, page] of mark.anchors) this.anchorPages.set(anchor, page);
    this.pendingFigures = [...mark.pending];
  }

  /** The page model: the last page dropped when nothing was placed on it. */
  finish(): PageModel {
    if (this.current.items.length === 0 && this.pages.length > 1) this.pages.pop();
    return { pages: this.pages, structs: this.structs, anchorPages: this.anchorPages, outline: this.outline, footnoteLines: this.footnoteLines, footnoteX: this.textLeft };
  }
}
