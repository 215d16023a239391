import type { Block, ComposedDocument, FigureBlock, HeadingBlock, Inline, ListBlock, TableBlock } from '../document/types.ts';
import { breakLines, type SetOptions } from '../typeset/paragraph.ts';
import type { Hyphenator, Line, Measure } from '../typeset/types.ts';
import { textColumnWidth } from './measure.ts';
import { columnWidths } from './columns.ts';
import type { ChartBox, OutlineEntry, Page, PageModel, PlacedItem, StructDef, StructExtras } from './model.ts';
import type { PageStyle, TextStyle } from '../theme/style.ts';
import { gridBlockHeight, placeGridBlock, type PlacerContext } from './grid.ts';

/** What the flow needs besides the document. */
export interface FlowInput {
  document: ComposedDocument;
  style: PageStyle;
  measure: Measure;
  /** Chart sizes by chart id, in pt at their natural size. */
  charts: ReadonlyMap<string, ChartBox>;
  /** Lines broken before, by paragraph, width and fonts; without it every paragraph is broken afresh. */
  lineMemo?: LineMemo;
  /** Hyphenation of the edition's language, with a name for it in the memo's keys; none, no hyphenation. */
  hyphenation?: { name: string; hyphenator: Hyphenator };
  /** Adds the milliseconds spent setting paragraphs (breaking and hyphenating) to `breakingMs`. */
  clock?: { breakingMs: number };
}

/** Paragraphs broken into lines before, in this process or a build before it (index.ts). */
export interface LineMemo {
  /** The fonts' names, files and contents: part of every key. */
  fonts: string;
  get(key: string): Line[] | undefined;
  set(key: string, lines: Line[]): void;
  /**
   * Tells the document a font is used, as measuring with it would: pdfkit numbers a
   * document's fonts in the order they are first selected, and a remembered paragraph is
   * not measured.
   */
  touch(font: string): void;
}

const bulletIndent = 16;
/** Space between the items of a list, pt. */
const itemGap = 3;
const footnoteGap = 10;
const captionGap = 5;
const figureGap = 14;
/** Fewest rows of a table a page shows, before or after a break. */
const minTableRows = 3;

/**
 * Flows the blocks of a document into pages. Decides every position before anything is
 * drawn, so the contents can give page numbers and the drawing is a plain walk.
 *
 * Rules a typesetter would follow: a heading never ends a page (it is kept with the first
 * lines of what follows); a paragraph leaves no single line alone at the foot or head of a
 * page; a footnote is set on the page that cites it; a figure that does not fit floats to the
 * top of the next page while text fills the rest of this one; a table's header row repeats on
 * every page it spans.
 */
export function flowDocument(input: FlowInput): PageModel {
  const flow = new Flow(input);
  const blocks = input.document.blocks;
  // Chapter by chapter (what runs up to the next block that opens a page): a chapter whose
  // last page would hold only a few lines is set again with the page before ending earlier,
  // so that its last page carries enough to look meant.
  for (let start = 0; start < blocks.length; ) {
    let end = start + 1;
    while (end < blocks.length && !opensPage(blocks[end]!)) end += 1;
    const mark = flow.mark();
    for (let attempt = 0; ; attempt += 1) {
      for (let index = start; index < end; index += 1) flow.place(blocks, index);
      const missing = flow.missingOnLastPage(mark);
      if (missing === 0 || attempt === 4) break;
      flow.rewind(mark);
      flow.shortenBeforeLast(missing);
    }
    start = end;
  }
  return flow.finish();
}

/** Blocks that begin on a page of their own: a chapter begins there. */
function opensPage(block: Block): boolean {
  return (block.kind === 'heading' && Boolean(block.newPage)) || block.kind === 'page-break' || block.kind === 'cover' || (block.kind === 'index' && block.of === 'contents');
}

/** Fewest lines the last page of a chapter holds when it is less than `minFill` full. */
const minLastPageLines = 8;
/** Share of a page's text area below which a page counts as nearly empty. */
const minFill = 0.3;

/** Where the flow was, to set a chapter again from there. */
interface FlowMark {
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

class Flow {
  private readonly pages: Page[] = [];
  private readonly structs: StructDef[] = [];
  private readonly anchorPages = new Map<string, number>();
  private readonly outline: OutlineEntry[] = [];
  private readonly footnoteLines = new Map<number, Line[]>();
  private readonly style: PageStyle;
  private readonly measure: Measure;
  private readonly input: FlowInput;
  private page!: Page;
  private y = 0;
  private pendingFigures: FigureBlock[] = [];
  /** Pages (by index) that end earlier than their margin, by how much, pt. */
  private readonly shortened = new Map<number, number>();
  /** The page before the last one, when the last was measured as too empty. */
  private lastPageBefore: number | undefined;
  /** The full width between the margins: tables, figures, captions, the contents. */
  private readonly left: number;
  private readonly width: number;
  /** The text column: running text, lists, headings below the first level, footnotes. */
  private readonly textLeft: number;
  private readonly textWidth: number;

  constructor(input: FlowInput) {
    this.input = input;
    this.style = input.style;
    this.measure = input.measure;
    this.left = this.style.margin.left;
    this.width = this.style.width - this.style.margin.left - this.style.margin.right;
    // The brief sets its own grid of columns and boxes across the full width (grid.ts); the
    // report's running text stands in the text column.
    this.textWidth = !input.document.textColumn ? this.width : textColumnWidth(input.document, this.style, this.measure, this.width);
    // The column sits at the right; what is left of it is the margin column.
    this.textLeft = this.left + this.width - this.textWidth;
    for (const [number, inlines] of input.document.footnotes) {
      const marked: Inline[] = [{ kind: 'text', text: `${number}\u00a0` }, ...inlines];
      this.footnoteLines.set(number, this.lines(marked, this.style.footnote, this.textWidth, 'justify'));
    }
    this.newPage(false);
  }

  /** Where the flow is now. */
  mark(): FlowMark {
    return { pages: this.pages.length, page: this.page, items: this.page.items.length, footnotes: this.page.footnotes.length, y: this.y, structs: this.structs.length, outline: this.outline.length, anchors: new Map(this.anchorPages), pending: [...this.pendingFigures] };
  }

  /** Goes back to a mark, forgetting everything placed since. */
  rewind(mark: FlowMark): void {
    this.pages.length = mark.pages;
    this.page = mark.page;
    this.page.items.length = mark.items;
    this.page.footnotes.length = mark.footnotes;
    this.y = mark.y;
    this.structs.length = mark.structs;
    this.outline.length = mark.outline;
    this.anchorPages.clear();
    for (const [anchor, page] of mark.anchors) this.anchorPages.set(anchor, page);
    this.pendingFigures = [...mark.pending];
  }

  /**
   * Lines the last page since `mark` lacks: none when the chapter fits on one page, when its
   * last page is at least `minFill` full, or when it holds `minLastPageLines` lines. Figures
   * still waiting for room are placed first, as the next chapter's heading would place them.
   */
  missingOnLastPage(mark: FlowMark): number {
    this.flushFigures();
    if (this.pages.length === mark.pages) return 0;
    const top = this.style.margin.top;
    const fill = (this.y - top) / (this.style.height - this.style.margin.bottom - top);
    if (fill >= minFill) return 0;
    this.lastPageBefore = this.pages.length - 2;
    // Lines as a reader counts them: a bullet and its item's first line are one.
    const lines = new Set(this.page.items.flatMap((item) => (item.kind === 'line' ? [Math.round(item.y)] : []))).size;
    return Math.max(0, minLastPageLines - lines);
  }

  /** Ends the page before the last one measured by `missingOnLastPage` earlier by `lines` more body lines. */
  shortenBeforeLast(lines: number): void {
    const index = this.lastPageBefore;
    if (index === undefined) return;
    this.shortened.set(index, (this.shortened.get(index) ?? 0) + lines * this.style.body.leading);
  }

  finish(): PageModel {
    this.flushFigures();
    if (this.page.items.length === 0 && this.pages.length > 1) this.pages.pop();
    return { pages: this.pages, structs: this.structs, anchorPages: this.anchorPages, outline: this.outline, footnoteLines: this.footnoteLines, footnoteX: this.textLeft };
  }

  /** Places `blocks[index]`; what follows it decides what a heading must keep with it. */
  place(blocks: readonly Block[], index: number): void {
    const block = blocks[index]!;
    switch (block.kind) {
      case 'cover':
        return this.placeCover(block);
      case 'page-break':
        this.flushFigures();
        if (this.page.items.length > 0) this.newPage(false);
        return;
      case 'heading':
        return this.placeHeading(block, blocks, index + 1);
      case 'paragraph': {
        const style = block.style === 'small' ? this.style.small : block.style === 'marker' ? { ...this.style.body, color: '#b3261e' } : this.style.body;
        const struct = this.struct('P');
        const lines = this.lines(block.inlines, style, this.textWidth, 'justify');
        this.placeLines(lines, style, this.textLeft, struct);
        this.y += this.style.paragraphGap;
        return;
      }
      case 'list':
        return this.placeList(block);
      case 'table':
        return this.placeTable(block);
      case 'figure':
        return this.placeFigure(block);
      case 'index':
        return this.placeIndex(block.of);
      case 'aside-row':
      case 'box':
        this.flushFigures();
        return placeGridBlock(this.placerContext(), block);
    }
  }

  /** The flow as a placer in another file sees it (grid.ts). */
  private placerContext(): PlacerContext {
    // The getter and setter below move this flow's own position.
    const flow = this;
    return {
      style: this.style,
      left: this.left,
      width: this.width,
      charts: this.input.charts,
      lines: (inlines, style, width) => this.lines(inlines, style, width),
      struct: (role, parent, alt, more) => this.struct(role, parent, alt, more),
      get y() { return flow.y; },
      set y(value: number) { flow.y = value; },
      push: (item) => this.page.items.push(item),
      anchor: (name) => {
        this.page.items.push({ kind: 'anchor', name, y: this.y });
        this.anchorPages.set(name, this.pages.length - 1);
      },
      fits: (height) => this.fits(height),
      atTop: () => this.atTop(),
      newPage: () => this.newPage(false),
    };
  }

  // ── pages ─────────────────────────────────────────────────────────────────────────────

  private newPage(plain: boolean): void {
    this.page = { items: [], footnotes: [], plain };
    this.pages.push(this.page);
    this.y = this.style.margin.top;
    // Figures that did not fit on the last page open this one.
    const pending = this.pendingFigures;
    this.pendingFigures = [];
    for (const figure of pending) this.drawFigure(figure);
  }

  private bottom(extraFootnotes: readonly number[] = []): number {
    const notes = [...this.page.footnotes, ...extraFootnotes];
    let height = 0;
    for (const number of notes) height += (this.footnoteLines.get(number)?.length ?? 0) * this.style.footnote.leading;
    if (notes.length > 0) height += footnoteGap;
    return this.style.height - this.style.margin.bottom - height - (this.shortened.get(this.pages.length - 1) ?? 0);
  }

  private fits(height: number, footnotes: readonly number[] = []): boolean {
    return this.y + height <= this.bottom(footnotes) + 0.01;
  }

  private atTop(): boolean {
    return this.y <= this.style.margin.top + 0.01;
  }

  private struct(role: string, parent?: number, alt?: string, more: StructExtras = {}): number {
    const id = this.structs.length;
    this.structs.push({ id, role, parent, alt, ...more });
    return id;
  }

  private lines(inlines: readonly Inline[], style: TextStyle, width: number, mode: SetOptions['mode'] = 'ragged'): Line[] {
    const memo = this.input.lineMemo;
    const hyphenation = mode === 'justify' ? this.input.hyphenation : undefined;
    const options: SetOptions = { mode, hyphenator: hyphenation?.hyphenator };
    if (!memo) return this.timed(() => breakLines(inlines, width, style, this.style.fonts, this.measure, options));
    const key = `${memo.fonts}|${width}|${style.font}|${style.size}|${mode}|${hyphenation?.name ?? ''}|${JSON.stringify(inlines)}`;
    let lines = memo.get(key);
    if (lines) {
      // The fonts in the order breaking the paragraph would first have measured with them.
      for (const line of lines) for (const run of line.runs) memo.touch(run.font);
      return lines;
    }
    lines = this.timed(() => breakLines(inlines, width, style, this.style.fonts, this.measure, options));
    memo.set(key, lines);
    return lines;
  }

  private timed<T>(work: () => T): T {
    const clock = this.input.clock;
    if (!clock) return work();
    const start = performance.now();
    const result = work();
    clock.breakingMs += performance.now() - start;
    return result;
  }

  private textLines(text: string, style: TextStyle, width: number): Line[] {
    return this.lines([{ kind: 'text', text }], style, width);
  }

  // ── running text ──────────────────────────────────────────────────────────────────────

  /**
   * Places lines, breaking pages where needed: never one line alone at the foot (orphan) or
   * head (widow) of a page when the paragraph has more, and a footnote on its citing page.
   */
  private placeLines(lines: Line[], style: TextStyle, x: number, struct: number, options: { alignRight?: number; firstX?: number } = {}): { page: Page; y: number } | undefined {
    // The notes first: a figure that floats onto the next page while the lines are placed must
    // not come between the text and its notes.
    this.declareNotes(lines, struct);
    let first: { page: Page; y: number } | undefined;
    let index = 0;
    while (index < lines.length) {
      const count = this.linesThatFit(lines.slice(index), style);
      let take = count;
      const remaining = lines.length - index;
      if (take < remaining) {
        if (take === 1 && remaining > 1 && index === 0) take = 0; // orphan: move the opening line on
        if (remaining - take === 1 && take > 1) take -= 1; // widow: bring a second line along
        if (take === 1 && index === 0 && remaining > 1) take = 0;
      }
      if (take === 0) {
        if (this.atTop()) take = Math.max(1, count); // a page cannot hold even one: place anyway
        else {
          this.newPage(false);
          continue;
        }
      }
      for (let i = 0; i < take; i += 1) {
        const line = lines[index + i]!;
        const lineX = index + i === 0 && options.firstX !== undefined ? options.firstX : x;
        first ??= { page: this.page, y: this.y };
        this.page.items.push({ kind: 'line', x: lineX, y: this.y, line, style, struct, alignRight: options.alignRight });
        this.page.footnotes.push(...line.footnotes);
        this.y += style.leading;
      }
      index += take;
      if (index < lines.length) this.newPage(false);
    }
    return first;
  }

  /**
   * Declares the Note of each footnote first cited in `lines` right after the text that cites
   * it, so a reader of the structure hears the note where the mark is, not after the
   * bibliography: beside the paragraph (in a list item, inside its body).
   */
  private declareNotes(lines: readonly Line[], struct: number): void {
    const parent = this.structs[struct]?.parent;
    for (const line of lines) {
      for (const number of line.footnotes) {
        const noteId = `fn-${number}`;
        if (!this.structs.some((s) => s.noteId === noteId)) this.struct('Note', parent, undefined, { noteId });
      }
    }
  }

  private linesThatFit(lines: readonly Line[], style: TextStyle): number {
    let y = this.y;
    const notes: number[] = [];
    let count = 0;
    for (const line of lines) {
      notes.push(...line.footnotes);
      if (y + style.leading > this.bottom(notes) + 0.01) break;
      y += style.leading;
      count += 1;
    }
    return count;
  }

  // ── headings ──────────────────────────────────────────────────────────────────────────

  private headingStyle(level: number): { style: TextStyle; before: number; after: number } {
    switch (level) {
      case 1:
        return { style: this.style.h1, before: 0, after: 16 };
      case 2:
        return { style: this.style.h2, before: 18, after: 8 };
      case 3:
        return { style: this.style.h3, before: 12, after: 5 };
      default:
        return { style: this.style.h4, before: 8, after: 3 };
    }
  }

  private placeHeading(block: HeadingBlock, following: readonly Block[], next: number): void {
    this.flushFigures();
    const { style, before, after } = this.headingStyle(block.level);
    // A part's title spans the page; a section's stands over its text column.
    const x = block.level === 1 ? this.left : this.textLeft;
    const lines = this.textLines(block.text, style, block.level === 1 ? this.width : this.textWidth);
    const height = lines.length * style.leading + after;
    const keep = this.minimumOf(following, next);
    if (block.newPage && (this.page.items.length > 0 || this.page.plain)) this.newPage(false);
    else if (!this.atTop()) {
      if (!this.fits(before + height + keep)) this.newPage(false);
      else this.y += before;
    }
    const role = `H${block.level}`;
    const struct = this.struct(role);
    this.page.items.push({ kind: 'anchor', name: block.anchor, y: this.y });
    this.anchorPages.set(block.anchor, this.pages.length - 1);
    if (block.inContents) this.outline.push({ title: block.text, level: block.level, anchor: block.anchor });
    for (const line of lines) {
      this.page.items.push({ kind: 'line', x, y: this.y, line, style, struct });
      this.y += style.leading;
    }
    if (block.level === 1) {
      this.page.items.push({ kind: 'rect', x: this.left, y: this.y + 3, width: 48, height: 2.5, fill: this.style.colors.accent });
      this.y += 6;
    }
    this.y += after;
  }

  /**
   * The least of `blocks[at]` that must follow a heading on the same page; for a heading,
   * that heading and the least of what follows it in turn, so a run of headings keeps together
   * with the text they introduce.
   */
  private minimumOf(blocks: readonly Block[], at: number): number {
    const next = blocks[at];
    if (!next) return 0;
    switch (next.kind) {
      case 'paragraph':
        return 2 * this.style.body.leading;
      case 'list':
        // Two lines of it, which for a list of one-line items are two items and the gap between.
        return 2 * this.style.body.leading + itemGap;
      case 'heading': {
        const { style, before, after } = this.headingStyle(next.level);
        return before + style.leading + after + this.minimumOf(blocks, at + 1);
      }
      case 'table':
        return this.style.caption.leading * 2 + this.style.table.leading * 3;
      case 'figure':
        return this.figureHeight(next);
      case 'aside-row':
      case 'box':
        return gridBlockHeight(this.placerContext(), next);
      default:
        return 0;
    }
  }

  // ── lists ─────────────────────────────────────────────────────────────────────────────

  private placeList({ items, ordered, levels, ragged }: ListBlock): void {
    const style = this.style.body;
    // One L per level in use: a nested list is an L inside the body of the item it belongs
    // to, as PDF/UA wants; its items are numbered, or bulleted with a dash, on their own.
    const open: { list: number; count: number; body?: number }[] = [{ list: this.struct('L'), count: 0 }];
    items.forEach((item, index) => {
      const level = Math.min(levels?.[index] ?? 0, 3);
      while (open.length > level + 1) open.pop();
      while (open.length < level + 1) open.push({ list: this.struct('L', open[open.length - 1]!.body), count: 0 });
      const current = open[level]!;
      current.count += 1;
      const li = this.struct('LI', current.list);
      const label = ordered && level === 0 ? `${current.count}.` : level === 0 ? '•' : '–';
      const indent = bulletIndent * (level + 1);
      const lines = this.lines(item, style, this.textWidth - indent, ragged ? 'ragged' : 'justify');
      const lbl = this.struct('Lbl', li);
      current.body = this.struct('LBody', li);
      // The item's words are a paragraph of its body, declared before what the body holds
      // after them (a sub-list, the notes they cite), so they are read first.
      const text = this.struct('P', current.body);
      // The label goes beside the body's first line, wherever page breaking put it.
      const first = this.placeLines(lines, style, this.textLeft + indent, text);
      if (first) {
        first.page.items.push({ kind: 'line', x: this.textLeft + indent - bulletIndent + 3, y: first.y, line: this.textLines(label, style, bulletIndent)[0]!, style: { ...style, color: this.style.colors.accent }, struct: lbl });
      }
      this.y += itemGap;
    });
    this.y += this.style.paragraphGap - itemGap;
  }

  // ── figures ───────────────────────────────────────────────────────────────────────────

  private chartBox(figure: FigureBlock): ChartBox {
    if (figure.chart) {
      const box = this.input.charts.get(figure.chart);
      if (box) {
        const scale = Math.min(1, this.width / box.width);
        return { width: box.width * scale, height: box.height * scale };
      }
    }
    const description = this.textLines(figure.description ?? '', this.style.small, this.width - 24);
    return { width: this.width, height: description.length * this.style.small.leading + 20 };
  }

  private figureHeight(figure: FigureBlock): number {
    const caption = this.textLines(figure.caption, this.style.caption, this.width).length * this.style.caption.leading;
    const note = figure.note ? this.textLines(figure.note, this.style.small, this.width).length * this.style.small.leading + 3 : 0;
    return caption + captionGap + this.chartBox(figure).height + note + figureGap;
  }

  private placeFigure(figure: FigureBlock): void {
    if (this.pendingFigures.length > 0 || !this.fits(this.figureHeight(figure))) {
      if (this.atTop()) this.drawFigure(figure);
      else this.pendingFigures.push(figure);
      return;
    }
    this.drawFigure(figure);
  }

  /** Places figures still waiting for room, on a fresh page if need be. */
  private flushFigures(): void {
    while (this.pendingFigures.length > 0) {
      const figure = this.pendingFigures[0]!;
      if (!this.fits(this.figureHeight(figure))) this.newPage(false);
      else {
        this.pendingFigures.shift();
        this.drawFigure(figure);
      }
    }
  }

  private drawFigure(figure: FigureBlock): void {
    // Caption, Figure and note side by side in a Div: the Figure's Alt replaces everything
    // inside it, and the caption and the note must still be read.
    const group = this.struct('Div');
    const captionStruct = this.struct('Caption', group);
    const figureStruct = this.struct('Figure', group, figure.alt);
    this.page.items.push({ kind: 'anchor', name: figure.anchor, y: this.y });
    this.anchorPages.set(figure.anchor, this.pages.length - 1);
    for (const line of this.textLines(figure.caption, this.style.caption, this.width)) {
      this.page.items.push({ kind: 'line', x: this.left, y: this.y, line, style: this.style.caption, struct: captionStruct });
      this.y += this.style.caption.leading;
    }
    this.y += captionGap;
    const box = this.chartBox(figure);
    if (figure.chart && this.input.charts.has(figure.chart)) {
      const x = this.left + (this.width - box.width) / 2;
      this.page.items.push({ kind: 'chart', x, y: this.y, width: box.width, height: box.height, chart: figure.chart, struct: figureStruct });
    } else {
      this.page.items.push({ kind: 'rect', x: this.left, y: this.y, width: this.width, height: box.height, fill: this.style.colors.box });
      let y = this.y + 10;
      for (const line of this.textLines(figure.description ?? '', this.style.small, this.width - 24)) {
        this.page.items.push({ kind: 'line', x: this.left + 12, y, line, style: this.style.small, struct: figureStruct });
        y += this.style.small.leading;
      }
    }
    this.y += box.height;
    if (figure.note) {
      this.y += 3;
      const noteStruct = this.struct('P', group);
      for (const line of this.textLines(figure.note, this.style.small, this.width)) {
        this.page.items.push({ kind: 'line', x: this.left, y: this.y, line, style: { ...this.style.small, color: this.style.colors.muted }, struct: noteStruct });
        this.y += this.style.small.leading;
      }
    }
    this.y += figureGap;
  }

  // ── tables ────────────────────────────────────────────────────────────────────────────

  private placeTable(table: TableBlock): void {
    this.flushFigures();
    const style = this.style.table;
    const padding = 4;
    const columns = columnWidths(table, this.width, style, this.style.fonts, this.measure, padding);
    const cellLines = (cells: readonly { text: string; bold?: boolean; indent?: number }[], bold: boolean) =>
      cells.map((cell, i) => this.lines([{ kind: 'text', text: cell.text, bold: bold || cell.bold }], style, columns[i]! - 2 * padding - (cell.indent ?? 0) * 10));
    const rowHeight = (lines: Line[][]) => Math.max(...lines.map((l) => l.length)) * style.leading + 2 * padding;
    const header = cellLines(table.header, true);
    const headerHeight = rowHeight(header);
    const captionLines = table.caption ? this.textLines(table.caption, this.style.caption, this.width) : [];
    const captionHeight = captionLines.length * this.style.caption.leading + (table.caption ? captionGap : 0);
    const rows = table.rows.map((row) => cellLines(row, false));
    const heights = rows.map(rowHeight);
    const sum = (from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0);
    const whole = captionHeight + headerHeight + sum(0, rows.length);
    // A short table is not split at all; a long one starts where its caption, header and
    // the rows a page must show of it (minTableRows) fit.
    const keepWhole = rows.length <= 16 && whole < (this.style.height - this.style.margin.top - this.style.margin.bottom) * 0.6;
    if (!this.fits(keepWhole ? whole : captionHeight + headerHeight + sum(0, minTableRows))) this.newPage(false);

    const tableStruct = this.struct('Table');
    this.page.items.push({ kind: 'anchor', name: table.anchor, y: this.y });
    this.anchorPages.set(table.anchor, this.pages.length - 1);
    const drawCaption = (continued: boolean) => {
      if (!table.caption) return;
      const text = continued ? `${table.caption} ${this.input.document.labels.continued}` : table.caption;
      const struct = continued ? undefined : this.struct('Caption', tableStruct);
      for (const line of this.textLines(text, this.style.caption, this.width)) {
        this.page.items.push({ kind: 'line', x: this.left, y: this.y, line, style: this.style.caption, struct });
        this.y += this.style.caption.leading;
      }
      this.y += captionGap;
    };
    const drawRow = (lines: Line[][], cells: readonly { align?: string; indent?: number }[], role: 'TH' | 'TD', stripe: boolean, repeated: boolean) => {
      const height = rowHeight(lines);
      const fill = role === 'TH' ? this.style.colors.tableHeader : stripe ? this.style.colors.tableStripe : undefined;
      if (fill) this.page.items.push({ kind: 'rect', x: this.left, y: this.y, width: this.width, height, fill });
      // A repeated header is decoration: it belongs to no struct, so a reader hears it once.
      const tr = repeated ? undefined : this.struct('TR', tableStruct);
      let x = this.left;
      lines.forEach((cell, i) => {
        // Every header cell says what it heads (Matterhorn 15-003): the header row its
        // column, a row header (the matrix's items) its row.
        const rowHeader = role === 'TD' && i === 0 && table.rowHeaders === true;
        const cellRole = rowHeader ? 'TH' : role;
        const more: StructExtras = cellRole === 'TH' ? { scope: rowHeader ? 'Row' : 'Column' } : {};
        const struct = tr === undefined ? undefined : this.struct(cellRole, tr, undefined, more);
        const align = cells[i]?.align ?? 'left';
        const indent = (cells[i]?.indent ?? 0) * 10;
        let y = this.y + padding;
        for (const line of cell) {
          const item: PlacedItem = align === 'right'
            ? { kind: 'line', x: x + padding, y, line, style, struct, alignRight: x + columns[i]! - padding }
            : align === 'center'
              ? { kind: 'line', x: x + padding, y, line, style, struct, centreTo: x + columns[i]! - padding }
              : { kind: 'line', x: x + padding + indent, y, line, style, struct };
          this.page.items.push(item);
          y += style.leading;
        }
        x += columns[i]!;
      });
      this.y += height;
      this.page.items.push({ kind: 'rect', x: this.left, y: this.y - 0.4, width: this.width, height: 0.4, fill: this.style.colors.rule });
    };

    drawCaption(false);
    drawRow(header, table.header, 'TH', false, false);
    let onPage = 0;
    rows.forEach((lines, index) => {
      // Break before this row if it does not fit, or if breaking later would carry fewer
      // than minTableRows rows over to the next page; never leave fewer than that behind.
      const left = rows.length - index;
      const restFits = this.fits(sum(index, rows.length));
      const breakHere = !this.fits(heights[index]!) || (!restFits && left === minTableRows && onPage >= minTableRows);
      if (breakHere) {
        onPage = 0;
        this.newPage(false);
        drawCaption(true);
        drawRow(header, table.header, 'TH', false, true);
      }
      drawRow(lines, table.rows[index]!, 'TD', index % 2 === 1, false);
      onPage += 1;
    });
    if (table.note) {
      this.y += 3;
      // One paragraph beside the Table (a Table holds only rows and its caption), however many lines it takes.
      const noteStruct = this.struct('P');
      for (const line of this.textLines(table.note, this.style.small, this.width)) {
        if (!this.fits(this.style.small.leading)) this.newPage(false);
        this.page.items.push({ kind: 'line', x: this.left, y: this.y, line, style: { ...this.style.small, color: this.style.colors.muted }, struct: noteStruct });
        this.y += this.style.small.leading;
      }
    }
    this.y += 12;
  }

  // ── contents and lists of figures / tables ────────────────────────────────────────────

  private placeIndex(of: 'contents' | 'figures' | 'tables'): void {
    const labels = this.input.document.labels;
    const title = of === 'contents' ? labels.contents : of === 'figures' ? labels.figures : labels.tables;
    this.placeHeading({ kind: 'heading', level: 1, text: title, anchor: `index-${of}`, inContents: of !== 'contents', newPage: of === 'contents' }, [], 0);
    const toc = this.struct('TOC');
    const entries = indexEntries(this.input.document.blocks, of);
    const numberWidth = 28;
    for (const entry of entries) {
      const style = of === 'contents' && entry.level === 1 ? { ...this.style.body, font: this.style.fonts.semibold } : this.style.body;
      const indent = of === 'contents' ? Math.max(0, entry.level - 1) * 14 : 0;
      const lines = this.textLines(entry.text, style, this.width - indent - numberWidth);
      const gap = of === 'contents' && entry.level === 1 ? 5 : 1;
      if (!this.fits(gap + lines.length * style.leading)) this.newPage(false);
      this.y += gap;
      const struct = this.struct('TOCI', toc);
      this.page.items.push({ kind: 'index-entry', x: this.left + indent, y: this.y, right: this.left + this.width, lines, style, target: entry.anchor, struct });
      this.y += lines.length * style.leading;
    }
    this.y += this.style.paragraphGap;
  }

  // ── cover ─────────────────────────────────────────────────────────────────────────────

  private placeCover(block: Extract<Block, { kind: 'cover' }>): void {
    if (this.page.items.length > 0) this.newPage(true);
    const band = block.compact ? 162 : 250;
    // The title band replaces the running head on its page.
    this.page.plain = true;
    this.page.items.push({ kind: 'rect', x: 0, y: 0, width: this.style.width, height: band, fill: this.style.colors.accent });
    const white = (style: TextStyle) => ({ ...style, color: '#ffffff' });
    const big = white({ ...this.style.h1, size: block.compact ? 24 : 30, leading: block.compact ? 29 : 36 });
    const light = white(this.style.h2);
    const small = white(this.style.small);
    let y = block.compact ? 42 : 90;
    const put = (text: string, style: TextStyle, struct: number | undefined) => {
      for (const line of this.textLines(text, style, this.width)) {
        this.page.items.push({ kind: 'line', x: this.left, y, line, style, struct });
        y += style.leading;
      }
    };
    if (block.compact) {
      put(block.subtitle, small, this.struct('P'));
      y += 4;
      put(block.title, big, this.struct('H1'));
      y += 4;
      put(block.country, light, this.struct('P'));
      y += 6;
      put(block.credits[0] ?? '', small, this.struct('P'));
      put(block.edition, small, this.struct('P'));
      this.y = band + 24;
      return;
    }
    put(block.title, big, this.struct('H1'));
    y += 6;
    put(block.subtitle, light, this.struct('P'));
    y = band + 30;
    put(block.country, { ...this.style.h1, size: 24, leading: 30 }, this.struct('P'));
    if (block.chart && this.input.charts.has(block.chart)) {
      const box = this.input.charts.get(block.chart)!;
      const height = Math.min(330, box.height);
      const width = (box.width * height) / box.height;
      const figure = this.struct('Figure', undefined, block.chartAlt ?? block.title);
      this.page.items.push({ kind: 'chart', x: (this.style.width - width) / 2, y: y + 16, width, height, chart: block.chart, struct: figure });
    }
    const muted = { ...this.style.body, color: this.style.colors.muted };
    const lines = [...block.credits, block.edition].flatMap((text) => this.textLines(text, muted, this.width));
    y = this.style.height - 70 - lines.length * muted.leading;
    const credits = this.struct('P');
    for (const line of lines) {
      this.page.items.push({ kind: 'line', x: this.left, y, line, style: muted, struct: credits });
      y += muted.leading;
    }
    this.newPage(false);
  }
}

/** Entries of the contents or of a list of figures / tables, in document order. */
export function indexEntries(blocks: readonly Block[], of: 'contents' | 'figures' | 'tables'): { text: string; anchor: string; level: number }[] {
  const entries: { text: string; anchor: string; level: number }[] = [];
  for (const block of blocks) {
    if (of === 'contents' && block.kind === 'heading' && block.inContents) entries.push({ text: block.text, anchor: block.anchor, level: block.level });
    if (of === 'figures' && block.kind === 'figure') entries.push({ text: block.caption, anchor: block.anchor, level: 1 });
    if (of === 'tables' && block.kind === 'table' && block.id) entries.push({ text: block.caption, anchor: block.anchor, level: 1 });
  }
  return entries;
}
