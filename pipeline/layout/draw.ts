import type { ComposedDocument } from '../document/types.ts';
import type { Line, Run } from '../typeset/types.ts';
import type { PageModel, PlacedItem, PlacedLine } from './model.ts';
import type { PageStyle, TextStyle } from '../theme/style.ts';
import { PdfText, type PageGlyphs, type SubsetStore } from './text.ts';
import type { SharedFace } from '../theme/shared-face.ts';
import { PagedPdf, type PageContent } from './paged-pdf.ts';
import { digest } from '../util/digest.ts';

/** Draws a chart's vector graphics at a place, its labels with the document's text; supplied by the chart stage. */
export type ChartPainter = (doc: PDFKit.PDFDocument, text: PdfText, chart: string, x: number, y: number, width: number, height: number) => void;

type StructElement = PDFKit.PDFStructureElement;

/** A page as it was written: its content, opacity states and glyphs, to write it again unchanged. */
export interface RecordedPage extends PageContent {
  glyphs: PageGlyphs;
}

/** Pages written before, by a key of everything their drawing depends on (`pageKey`). */
export interface PageStore {
  get(key: string): RecordedPage | undefined;
  set(key: string, page: RecordedPage): void;
}

/** Where pages written before are kept, and what the keys of this document's pages share. */
export interface PageReuse {
  store: PageStore;
  /** A digest of what every page's drawing depends on beyond the page: the style, the fonts' files, the faces the charts' texts take. */
  context: string;
}

/** What `drawPages` did. */
export interface DrawnPages {
  /** Pages written again from what was kept. */
  reused: number;
  /**
   * A digest of each page's drawing (`pageDrawing`): what the page shows, not how the
   * document's structure numbers its elements. The change report compares them.
   */
  digests: string[];
}

/**
 * Walks the page model and draws it with pdfkit: text, rules, charts, links, named
 * destinations, the outline, running heads and page numbers (as artifacts), footnotes, and
 * the structure tree built from the model's struct declarations. Text is written by `text`,
 * which embeds the fonts used when the document ends.
 *
 * With `reuse`, a page whose drawing depends on nothing that changed since it was written
 * (its key is in the store) is written again from what was kept: the walk still makes its
 * marked content, structure elements, links and destinations, but neither shapes nor writes
 * text, nor draws charts. Every other page is kept for the next build. `chartDigest` gives
 * the digest of a chart's drawing, by id.
 */
export function drawPages(doc: PagedPdf, text: PdfText, model: PageModel, document: ComposedDocument, style: PageStyle, paintChart: ChartPainter, chartDigest: (id: string) => string | undefined, reuse?: PageReuse): DrawnPages {
  const elements = declareStructs(doc, model);
  const outlineParents: PDFKit.PDFOutline[] = [doc.outline];
  const outlineByAnchor = new Map(model.outline.map((entry) => [entry.anchor, entry]));
  const labelOf = (pageIndex: number) => String(pageIndex + 1);
  // The same on every page: cut to the text width once.
  const { font, size } = style.header;
  const runningHead = fitted(document.meta.runningHead, textWidth(style), (t) => text.widthOf(font, size, t));

  let reused = 0;
  const digests: string[] = [];
  const roles = new Map(model.structs.map((def) => [def.id, def.role]));
  model.pages.forEach((page, pageIndex) => {
    doc.addPage({ size: [style.width, style.height], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    const drawing = digest(pageDrawing(model, roles, chartDigest, page, pageIndex, runningHead, document, labelOf));
    digests.push(drawing);
    const key = reuse && digest(`${reuse.context}|${drawing}`);
    const kept = key === undefined ? undefined : reuse!.store.get(key);
    doc.beginPage(kept !== undefined);
    text.beginPage(kept !== undefined);
    const paint: ChartPainter = kept ? () => undefined : paintChart;
    for (const item of page.items) {
      if (item.kind === 'anchor') {
        doc.addNamedDestination(item.name, 'XYZ', 0, style.height - item.y + 12, null);
        const entry = outlineByAnchor.get(item.name);
        if (entry) {
          // Each level hangs under the last heading of the level above it.
          // A heading hangs under the nearest heading of a higher level (or the root).
          let depth = Math.min(entry.level - 1, outlineParents.length - 1);
          while (depth > 0 && !outlineParents[depth]) depth -= 1;
          const node = outlineParents[depth]!.addItem(entry.title, { expanded: entry.level <= 2 });
          outlineParents.length = entry.level;
          outlineParents[entry.level] = node;
        }
        continue;
      }
      drawItem(doc, text, item, elements, model, style, paint, labelOf);
    }
    drawFootnotes(doc, text, model, page.footnotes, style, elements);
    if (!page.plain) drawRunningHead(doc, text, runningHead, document, style, labelOf(pageIndex));
    // Fonts, then opacity states: the same objects in the same order, drawn or written again.
    const glyphs = text.endPage(kept?.glyphs);
    const content = doc.endPage(kept);
    if (kept) reused += 1;
    else if (key !== undefined) reuse!.store.set(key, { ...content, glyphs });
  });
  for (const element of elements.all) element.end();
  return { reused, digests };
}

/**
 * A page's drawing: everything its content depends on but the document's context (style,
 * fonts, chart faces). Its items (charts by their drawing's digest, index entries with the
 * page numbers they show, each with the role of the structure element its content is marked
 * for), its footnotes' lines, and its running head and page number. With the context, the key
 * a drawn page is kept under.
 */
function pageDrawing(model: PageModel, roleOf: ReadonlyMap<number, string>, chartDigest: (id: string) => string | undefined, page: PageModel['pages'][number], pageIndex: number, runningHead: string, document: ComposedDocument, labelOf: (page: number) => string): string {
  const items = page.items.map((item) => {
    // Marked content names the role of its structure element, not the element: the role is
    // part of the key, the element's number (which an element added earlier changes) is not.
    const { struct, ...drawn } = item as typeof item & { struct?: number };
    const role = struct === undefined ? undefined : roleOf.get(struct) ?? '';
    if (drawn.kind === 'chart') return { ...drawn, role, digest: chartDigest(drawn.chart) };
    if (drawn.kind === 'index-entry') {
      const target = model.anchorPages.get(drawn.target);
      return { ...drawn, role, number: target === undefined ? '' : labelOf(target) };
    }
    return { ...drawn, role };
  });
  const footnotes = page.footnotes.map((number) => [number, model.footnoteLines.get(number) ?? []]);
  const foot = page.plain ? null : [runningHead, document.labels.page.replace('{page}', labelOf(pageIndex))];
  return JSON.stringify([model.footnoteX, items, footnotes, foot]);
}

interface Elements {
  all: StructElement[];
  byId: StructElement[];
  /** The Note of each footnote, by its ID (`fn-N`), declared after the text that cites it. */
  notes: Map<string, StructElement>;
  /** Where a footnote with no declared Note goes: a section at the end, made when first needed. */
  strayNotes: () => StructElement;
}

/** Creates the whole structure tree first, in reading order, so drawing order cannot change it. */
function declareStructs(doc: PDFKit.PDFDocument, model: PageModel): Elements {
  const root = doc.struct('Document');
  doc.addStructure(root);
  const byId: StructElement[] = [];
  const notes = new Map<string, StructElement>();
  for (const def of model.structs) {
    const options: PDFKit.Mixins.StructureElementOptions = { ...(def.alt ? { alt: def.alt } : {}), ...(def.lang ? { lang: def.lang } : {}) };
    const element = def.role === 'Note' ? structWithId(doc, 'Note', def.noteId ?? `note-${def.id}`, options) : doc.struct(def.role, options);
    if (def.scope) setAttributes(element, { O: 'Table', Scope: def.scope });
    if (def.noteId) notes.set(def.noteId, element);
    byId[def.id] = element;
    (def.parent === undefined ? root : byId[def.parent]!).add(element);
  }
  let stray: StructElement | undefined;
  const strayNotes = () => {
    if (!stray) {
      stray = doc.struct('Sect');
      root.add(stray);
    }
    return stray;
  };
  return { all: [root], byId, notes, strayNotes };
}

/**
 * Sets a structure element's attribute dictionary (/A): pdfkit's struct() takes no
 * attributes, so it is set on the element's own dictionary, as pdfkit sets /Alt and /Lang
 * there. Values are names.
 */
function setAttributes(element: StructElement, attributes: Readonly<Record<string, string>>): void {
  (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { ...attributes };
}

function drawItem(doc: PDFKit.PDFDocument, text: PdfText, item: Exclude<PlacedItem, { kind: 'anchor' }>, elements: Elements, model: PageModel, style: PageStyle, paintChart: ChartPainter, labelOf: (page: number) => string): void {
  switch (item.kind) {
    case 'rect':
      // Rules, tints and bands are part of the page's layout, not of its pagination.
      artifact(doc, () => {
        doc.rect(item.x, item.y, item.width, item.height);
        if (item.fill) doc.fillColor(item.fill).fill();
        if (item.stroke) doc.strokeColor(item.stroke).stroke();
      }, 'Layout');
      return;
    case 'line': {
      const parent = elements.byId[item.struct ?? -1];
      const linkColour = style.colors.accent;
      if (parent) drawTaggedLine(doc, text, item, { parent, footnoteText: (number) => footnoteText(model, number), linkColour });
      else artifact(doc, () => void drawLine(doc, text, item, 'text', linkColour));
      return drawArtifacts(doc, text, item, linkColour);
    }
    case 'chart':
      return tagged(doc, elements.byId[item.struct], () => paintChart(doc, text, item.chart, item.x, item.y, item.width, item.height));
    case 'index-entry': {
      const pageIndex = model.anchorPages.get(item.target);
      const number = pageIndex === undefined ? '' : labelOf(pageIndex);
      tagged(doc, elements.byId[item.struct], () => {
        item.lines.forEach((line, i) => {
          const y = item.y + i * item.style.leading;
          const baseline = drawLine(doc, text, { kind: 'line', x: item.x, y, line, style: item.style }, 'text', style.colors.accent);
          if (i === item.lines.length - 1) {
            // The page number sits on the entry's own baseline, the leader dots just above it.
            const { font, size } = item.style;
            const numberWidth = text.widthOf(font, size, number);
            const dotsFrom = item.x + line.width + 6;
            const dotsTo = item.right - numberWidth - 6;
            if (dotsTo > dotsFrom) {
              doc.save().dash(0.6, { space: 2.6 }).lineWidth(0.6).strokeColor(style.colors.rule)
                .moveTo(dotsFrom, baseline - 0.8).lineTo(dotsTo, baseline - 0.8).stroke().undash().restore();
            }
            doc.fillColor(item.style.color);
            // A space before the number, drawn into the gap the leader fills: the entry reads
            // "Foreword 3", not "Foreword3".
            const space = text.widthOf(font, size, ' ');
            text.draw(font, size, number === '' ? '' : ` ${number}`, item.right - numberWidth - space, baseline);
          }
        });
      });
      const height = item.lines.length * item.style.leading;
      const link = doc.struct('Link');
      elements.byId[item.struct]!.add(link);
      linkArea(doc, link, [item.x, item.y, item.right - item.x, height], `#${item.target}`, `${item.lines.map(lineText).join(' ')} ${number}`);
      link.end();
      return;
    }
  }
}

/** Where a drawn line's links go in the structure tree, and what a note mark's link says. */
interface LinkContext {
  /** The structure element the line's text belongs to; each link becomes a Link inside it. */
  parent: StructElement;
  /** The text of footnote `number`, the alternative description of its mark's link. */
  footnoteText: (number: number) => string;
  /** The colour of a link's words (the theme's accent). */
  linkColour: string;
}

/**
 * Draws the text of a line into the structure element it belongs to, run by run: plain text
 * is the element's own content; a link's words are the content of a Link element, with the
 * link annotation; words in another language a Span with their Lang; a note mark a Link to the
 * note inside a Reference, so that the mark is no part of the paragraph's words.
 */
function drawTaggedLine(doc: PDFKit.PDFDocument, text: PdfText, item: PlacedLine, context: LinkContext): void {
  const runs = item.line.runs.filter((run) => !run.artifact);
  const keyOf = (run: Run) => (run.footnote !== undefined ? `note ${run.footnote}` : run.link !== undefined ? `link ${run.link} ${run.lang ?? ''}` : run.lang !== undefined ? `lang ${run.lang}` : '');
  const geometry = lineGeometry(text, item);
  for (let start = 0; start < runs.length; ) {
    let end = start + 1;
    while (end < runs.length && keyOf(runs[end]!) === keyOf(runs[start]!)) end += 1;
    const group = runs.slice(start, end);
    const first = group[0]!;
    const draw = () => {
      for (const run of group) drawRun(doc, text, item, geometry, run, context.linkColour);
    };
    const area = (): [number, number, number, number] => [geometry.x + first.x, item.y, group.at(-1)!.x + group.at(-1)!.width - first.x, item.style.leading];
    if (first.footnote !== undefined) {
      const reference = doc.struct('Reference');
      context.parent.add(reference);
      const link = doc.struct('Link');
      reference.add(link);
      link.add(marked(doc, 'Link', draw));
      linkArea(doc, link, area(), `#fn-${first.footnote}`, context.footnoteText(first.footnote) || first.text);
      link.end();
      reference.end();
    } else if (first.link !== undefined) {
      const link = doc.struct('Link', first.lang ? { lang: first.lang } : {});
      context.parent.add(link);
      link.add(marked(doc, 'Link', draw));
      linkArea(doc, link, area(), first.link, group.map((run) => run.text).join(''));
      link.end();
    } else if (first.lang !== undefined) {
      const span = doc.struct('Span', { lang: first.lang });
      context.parent.add(span);
      span.add(marked(doc, 'Span', draw));
      span.end();
    } else {
      context.parent.add(marked(doc, elementRole(context.parent), draw));
    }
    start = end;
  }
}

/** Draws inside a marked-content sequence and returns it, for a structure element to take. */
function marked(doc: PDFKit.PDFDocument, tag: string, draw: () => void): PDFKit.PDFStructureContent {
  const content = doc.markStructureContent(tag);
  draw();
  doc.endMarkedContent();
  return content;
}

/** How far a note mark's baseline is raised, as a share of the text size: its top stays inside the line. */
const superscriptRise = 0.33;

/**
 * Draws the runs of a line that belong to the text (`text`) or the hyphen of a hyphenated
 * line end (`artifacts`), which is drawn outside the paragraph's marked content so that the
 * text layer holds the word whole. Returns the line's baseline.
 */
function drawLine(doc: PDFKit.PDFDocument, text: PdfText, item: PlacedLine, part: 'text' | 'artifacts', linkColour: string): number {
  const geometry = lineGeometry(text, item);
  for (const run of item.line.runs) {
    if (Boolean(run.artifact) === (part === 'artifacts')) drawRun(doc, text, item, geometry, run, linkColour);
  }
  return geometry.baseline;
}

/** Where a line starts and where its baseline lies. */
function lineGeometry(text: PdfText, item: PlacedLine): { x: number; baseline: number } {
  const { line, style } = item;
  let x = item.x;
  if (item.alignRight !== undefined) x = item.alignRight - line.width;
  if (item.centreTo !== undefined) x = item.x + (item.centreTo - item.x - line.width) / 2;
  // The baseline under the line's own font and size, the leading split around the text.
  return { x, baseline: item.y + (style.leading - style.size) / 2 + text.ascent(style.font, style.size) };
}

function drawRun(doc: PDFKit.PDFDocument, text: PdfText, item: PlacedLine, { x, baseline }: { x: number; baseline: number }, run: Run, linkColour: string): void {
  const rise = run.footnote !== undefined ? item.style.size * superscriptRise : 0;
  doc.fillColor(run.link ? linkColour : item.style.color);
  text.draw(run.font, run.size, run.text, x + run.x, baseline - rise, run.spacing ?? 0);
}

/** The break hyphen of a line, if it has one, as an artifact. */
function drawArtifacts(doc: PDFKit.PDFDocument, text: PdfText, item: PlacedLine, linkColour: string): void {
  if (item.line.runs.some((run) => run.artifact)) artifact(doc, () => void drawLine(doc, text, item, 'artifacts', linkColour), 'Layout');
}

function drawFootnotes(doc: PDFKit.PDFDocument, text: PdfText, model: PageModel, numbers: readonly number[], style: PageStyle, elements: Elements): void {
  if (numbers.length === 0) return;
  let height = 0;
  for (const number of numbers) height += (model.footnoteLines.get(number)?.length ?? 0) * style.footnote.leading;
  let y = style.height - style.margin.bottom - height;
  artifact(doc, () => doc.rect(model.footnoteX, y - 6, 120, 0.5).fillColor(style.colors.rule).fill(), 'Layout');
  for (const number of numbers) {
    // PDF/UA-1 wants each Note to carry a unique ID (Matterhorn 19-003, 19-004).
    let note = elements.notes.get(`fn-${number}`);
    if (!note) {
      note = structWithId(doc, 'Note', `fn-${number}`);
      elements.strayNotes().add(note);
    }
    doc.addNamedDestination(`fn-${number}`, 'XYZ', 0, style.height - y + 8, null);
    const lines: Line[] = model.footnoteLines.get(number) ?? [];
    const placed = lines.map((line, i): PlacedLine => ({ kind: 'line', x: model.footnoteX, y: y + i * style.footnote.leading, line, style: style.footnote }));
    for (const line of placed) {
      drawTaggedLine(doc, text, line, { parent: note, footnoteText: (n) => footnoteText(model, n), linkColour: style.colors.accent });
      // The break hyphen right after its line, so that a text extractor reading in drawing
      // order meets it between the word's two halves.
      drawArtifacts(doc, text, line, style.colors.accent);
    }
    y += lines.length * style.footnote.leading;
    note.end();
  }
}

/** The width between the page's side margins. */
function textWidth(style: PageStyle): number {
  return style.width - style.margin.left - style.margin.right;
}

/** The running head (`head`, already fitted to the width), its rule and the page number, as artifacts. */
function drawRunningHead(doc: PDFKit.PDFDocument, text: PdfText, head: string, document: ComposedDocument, style: PageStyle, label: string): void {
  const { font, size, color }: TextStyle = style.header;
  const width = textWidth(style);
  artifact(doc, () => {
    doc.fillColor(color);
    text.drawTop(font, size, head, style.margin.left, style.margin.top - 34);
    doc.rect(style.margin.left, style.margin.top - 20, width, 0.5).fillColor(style.colors.rule).fill();
    const page = document.labels.page.replace('{page}', label);
    doc.fillColor(color);
    text.drawTop(font, size, page, style.margin.left + (width - text.widthOf(font, size, page)) / 2, style.height - style.margin.bottom + 26);
  });
}

/** `line` as it fits `width`: whole, or cut after the most words that fit with an ellipsis after them (else the most characters). */
export function fitted(line: string, width: number, widthOf: (text: string) => number): string {
  if (widthOf(line) <= width) return line;
  const words = line.split(' ');
  for (let count = words.length - 1; count > 0; count--) {
    const cut = `${words.slice(0, count).join(' ').replace(/[\s,;:–—-]+$/u, '')}…`;
    if (widthOf(cut) <= width) return cut;
  }
  const characters = Array.from(line);
  for (let count = characters.length - 1; count > 0; count--) {
    const cut = `${characters.slice(0, count).join('')}…`;
    if (widthOf(cut) <= width) return cut;
  }
  return '…';
}

/** The text of one laid-out line. */
function lineText(line: Line): string {
  return line.runs.map((run) => run.text).join('');
}

/** The text of a footnote as laid out, one space between its lines. */
function footnoteText(model: PageModel, number: number): string {
  return (model.footnoteLines.get(number) ?? []).map(lineText).join(' ');
}

/**
 * A structure element with an ID (the /ID entry, a text string). pdfkit's struct() has no option
 * for it, so it is set on the element's own dictionary, as pdfkit sets /Alt and /Lang there.
 */
export function structWithId(doc: PDFKit.PDFDocument, type: string, id: string, options: PDFKit.Mixins.StructureElementOptions = {}): StructElement {
  const element = doc.struct(type, options);
  (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.ID = new String(id);
  return element;
}

/**
 * A link annotation over an area, `#name` to a named destination or a URL, inside a Link
 * structure element of `parent` and described by `description`: PDF/UA-1 wants every link
 * annotation nested in a Link element (Matterhorn 28-011) with a Contents entry (28-012).
 */
function linkArea(doc: PDFKit.PDFDocument, link: StructElement, [x, y, width, height]: readonly number[], target: string, description: string): void {
  // pdfkit writes a JavaScript String object as a PDF text string (a primitive would be a name).
  const options = { Contents: new String(description.trim()) as unknown as string, structParent: link };
  if (target.startsWith('#')) doc.goTo(x, y, width, height, target.slice(1), options);
  else doc.link(x, y, width, height, target, options);
}

/** Draws inside a marked-content sequence of a struct element (or as an artifact when none). */
function tagged(doc: PDFKit.PDFDocument, element: StructElement | undefined, draw: () => void): void {
  if (!element) return artifact(doc, draw);
  const content = doc.markStructureContent(elementRole(element));
  draw();
  doc.endMarkedContent();
  element.add(content);
}

function artifact(doc: PDFKit.PDFDocument, draw: () => void, type: 'Pagination' | 'Layout' = 'Pagination'): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

function elementRole(element: StructElement): string {
  const data = (element as unknown as { dictionary: { data: { S: string } } }).dictionary.data;
  return data.S;
}

/** Creates the pdfkit document with metadata and tagging, and its text in the style's faces (`fonts`), for `layoutDocument`. */
export function createPdf(document: ComposedDocument, style: PageStyle, fonts: ReadonlyMap<string, SharedFace>, subsets?: SubsetStore): { doc: PagedPdf; text: PdfText } {
  const doc = new PagedPdf({
    autoFirstPage: false,
    size: [style.width, style.height],
    tagged: true,
    lang: document.meta.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    compress: true,
    // Passed to the constructor because pdfkit computes the file identifier there: the
    // same input then gives byte-identical files.
    info: {
      Title: document.meta.title,
      Author: document.meta.author,
      Subject: document.meta.subject,
      Keywords: document.meta.keywords.join(', '),
      Creator: 'csi-report',
      Producer: 'csi-report (pdfkit)',
      CreationDate: document.meta.date,
      ModDate: document.meta.date,
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  return { doc, text: new PdfText(doc, fonts, subsets) };
}
