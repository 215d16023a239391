import PDFDocument from 'pdfkit';
import type { ComposedDocument } from '../compose/types.ts';
import type { Line } from './lines.ts';
import type { PageModel, PlacedItem, PlacedLine } from './model.ts';
import type { PageStyle, TextStyle } from '../theme/style.ts';
import { ascent, drawTextOnBaseline } from './text.ts';

/** Draws a chart's vector graphics at a place; supplied by the chart stage. */
export type ChartPainter = (doc: PDFKit.PDFDocument, chart: string, x: number, y: number, width: number, height: number) => void;

type StructElement = PDFKit.PDFStructureElement;

/**
 * Walks the page model and draws it with pdfkit: text, rules, charts, links, named
 * destinations, the outline, running heads and page numbers (as artifacts), footnotes, and
 * the structure tree built from the model's struct declarations.
 */
export function drawPages(doc: PDFKit.PDFDocument, model: PageModel, document: ComposedDocument, style: PageStyle, paintChart: ChartPainter): void {
  const elements = declareStructs(doc, model);
  const outlineParents: PDFKit.PDFOutline[] = [doc.outline];
  const outlineByAnchor = new Map(model.outline.map((entry) => [entry.anchor, entry]));
  const labelOf = (pageIndex: number) => String(pageIndex + 1);

  model.pages.forEach((page, pageIndex) => {
    doc.addPage({ size: [style.width, style.height], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
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
      drawItem(doc, item, elements, model, style, paintChart, labelOf);
    }
    drawFootnotes(doc, model, page.footnotes, style, elements.footnotes);
    if (!page.plain) drawRunningHead(doc, document, style, labelOf(pageIndex));
  });
  for (const element of elements.all) element.end();
}

interface Elements {
  all: StructElement[];
  byId: StructElement[];
  footnotes: StructElement;
}

/** Creates the whole structure tree first, in reading order, so drawing order cannot change it. */
function declareStructs(doc: PDFKit.PDFDocument, model: PageModel): Elements {
  const root = doc.struct('Document');
  doc.addStructure(root);
  const byId: StructElement[] = [];
  for (const def of model.structs) {
    const options = def.alt ? { alt: def.alt } : {};
    // A note beside a table or figure: its ID must differ from the footnotes' `fn-N`.
    const element = def.role === 'Note' ? structWithId(doc, 'Note', `note-${def.id}`, options) : doc.struct(def.role, options);
    byId[def.id] = element;
    (def.parent === undefined ? root : byId[def.parent]!).add(element);
  }
  const footnotes = doc.struct('Sect');
  root.add(footnotes);
  return { all: [root], byId, footnotes };
}

function drawItem(doc: PDFKit.PDFDocument, item: Exclude<PlacedItem, { kind: 'anchor' }>, elements: Elements, model: PageModel, style: PageStyle, paintChart: ChartPainter, labelOf: (page: number) => string): void {
  switch (item.kind) {
    case 'rect':
      artifact(doc, () => {
        doc.rect(item.x, item.y, item.width, item.height);
        if (item.fill) doc.fillColor(item.fill).fill();
        if (item.stroke) doc.strokeColor(item.stroke).stroke();
      });
      return;
    case 'line':
      tagged(doc, elements.byId[item.struct ?? -1], () => drawLine(doc, item, 'text', { parent: elements.byId[item.struct ?? -1], footnoteText: (number) => footnoteText(model, number) }));
      return drawArtifacts(doc, item);
    case 'chart':
      return tagged(doc, elements.byId[item.struct], () => paintChart(doc, item.chart, item.x, item.y, item.width, item.height));
    case 'index-entry': {
      const pageIndex = model.anchorPages.get(item.target);
      const number = pageIndex === undefined ? '' : labelOf(pageIndex);
      tagged(doc, elements.byId[item.struct], () => {
        item.lines.forEach((line, i) => {
          const y = item.y + i * item.style.leading;
          const baseline = drawLine(doc, { kind: 'line', x: item.x, y, line, style: item.style }, 'text');
          if (i === item.lines.length - 1) {
            // The page number sits on the entry's own baseline, the leader dots just above it.
            doc.font(item.style.font).fontSize(item.style.size);
            const numberWidth = doc.widthOfString(number);
            const dotsFrom = item.x + line.width + 6;
            const dotsTo = item.right - numberWidth - 6;
            if (dotsTo > dotsFrom) {
              doc.save().dash(0.6, { space: 2.6 }).lineWidth(0.6).strokeColor(style.colors.rule)
                .moveTo(dotsFrom, baseline - 0.8).lineTo(dotsTo, baseline - 0.8).stroke().undash().restore();
            }
            doc.fillColor(item.style.color);
            drawTextOnBaseline(doc, number, item.right - numberWidth, baseline, 0);
          }
        });
      });
      const height = item.lines.length * item.style.leading;
      linkArea(doc, elements.byId[item.struct], [item.x, item.y, item.right - item.x, height], `#${item.target}`, `${item.lines.map(lineText).join(' ')} ${number}`);
      return;
    }
  }
}

/** Where a drawn line's links go in the structure tree, and what a note mark's link says. */
interface LinkContext {
  /** The structure element the line's text belongs to; each link becomes a Link inside it. */
  parent: StructElement | undefined;
  /** The text of footnote `number`, the alternative description of its mark's link. */
  footnoteText: (number: number) => string;
}

/** How far a note mark's baseline is raised, as a share of the text size: its top stays inside the line. */
const superscriptRise = 0.33;

/**
 * Draws the runs of a line that belong to the text (`text`) or the hyphen of a hyphenated
 * line end (`artifacts`), which is drawn outside the paragraph's marked content so that the
 * text layer holds the word whole. Returns the line's baseline.
 */
function drawLine(doc: PDFKit.PDFDocument, item: PlacedLine, part: 'text' | 'artifacts', links?: LinkContext): number {
  const { line, style } = item;
  let x = item.x;
  if (item.alignRight !== undefined) x = item.alignRight - line.width;
  if (item.centreTo !== undefined) x = item.x + (item.centreTo - item.x - line.width) / 2;
  // The baseline where pdfkit would put it for the line's own font and size, leading split around the text.
  doc.font(style.font).fontSize(style.size);
  const baseline = item.y + (style.leading - style.size) / 2 + ascent(doc, style.size);
  for (const run of line.runs) {
    if (Boolean(run.artifact) !== (part === 'artifacts')) continue;
    const rise = run.footnote !== undefined ? style.size * superscriptRise : 0;
    doc.font(run.font).fontSize(run.size).fillColor(run.link ? '#1f5f8b' : style.color);
    drawTextOnBaseline(doc, run.text, x + run.x, baseline - rise, run.spacing ?? 0);
    if (part === 'artifacts') continue;
    if (run.link) linkArea(doc, links?.parent, [x + run.x, item.y, run.width, style.leading], run.link, run.text);
    if (run.footnote !== undefined) linkArea(doc, links?.parent, [x + run.x, item.y, run.width, style.leading], `#fn-${run.footnote}`, links?.footnoteText(run.footnote) || run.text);
  }
  return baseline;
}

/** The break hyphen of a line, if it has one, as an artifact. */
function drawArtifacts(doc: PDFKit.PDFDocument, item: PlacedLine): void {
  if (item.line.runs.some((run) => run.artifact)) artifact(doc, () => void drawLine(doc, item, 'artifacts'), 'Layout');
}

function drawFootnotes(doc: PDFKit.PDFDocument, model: PageModel, numbers: readonly number[], style: PageStyle, parent: StructElement): void {
  if (numbers.length === 0) return;
  let height = 0;
  for (const number of numbers) height += (model.footnoteLines.get(number)?.length ?? 0) * style.footnote.leading;
  let y = style.height - style.margin.bottom - height;
  artifact(doc, () => doc.rect(model.footnoteX, y - 6, 120, 0.5).fillColor(style.colors.rule).fill());
  for (const number of numbers) {
    // PDF/UA-1 wants each Note to carry a unique ID (Matterhorn 19-003, 19-004).
    const note = structWithId(doc, 'Note', `fn-${number}`);
    parent.add(note);
    doc.addNamedDestination(`fn-${number}`, 'XYZ', 0, style.height - y + 8, null);
    const lines: Line[] = model.footnoteLines.get(number) ?? [];
    const placed = lines.map((line, i): PlacedLine => ({ kind: 'line', x: model.footnoteX, y: y + i * style.footnote.leading, line, style: style.footnote }));
    tagged(doc, note, () => {
      for (const line of placed) drawLine(doc, line, 'text', { parent: note, footnoteText: (n) => footnoteText(model, n) });
    });
    for (const line of placed) drawArtifacts(doc, line);
    y += lines.length * style.footnote.leading;
    note.end();
  }
}

function drawRunningHead(doc: PDFKit.PDFDocument, document: ComposedDocument, style: PageStyle, label: string): void {
  const header: TextStyle = style.header;
  const width = style.width - style.margin.left - style.margin.right;
  artifact(doc, () => {
    doc.font(header.font).fontSize(header.size).fillColor(header.color);
    doc.text(document.meta.runningHead, style.margin.left, style.margin.top - 34, { lineBreak: false, width, ellipsis: true });
    doc.rect(style.margin.left, style.margin.top - 20, width, 0.5).fillColor(style.colors.rule).fill();
    const text = document.labels.page.replace('{page}', label);
    doc.font(header.font).fontSize(header.size).fillColor(header.color);
    const w = doc.widthOfString(text);
    doc.text(text, style.margin.left + (width - w) / 2, style.height - style.margin.bottom + 26, { lineBreak: false });
  });
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
function linkArea(doc: PDFKit.PDFDocument, parent: StructElement | undefined, [x, y, width, height]: readonly number[], target: string, description: string): void {
  const link = parent ? doc.struct('Link') : undefined;
  if (link) parent!.add(link);
  // pdfkit writes a JavaScript String object as a PDF text string (a primitive would be a name).
  const options = { Contents: new String(description.trim()) as unknown as string, ...(link ? { structParent: link } : {}) };
  if (target.startsWith('#')) doc.goTo(x!, y!, width!, height!, target.slice(1), options);
  else doc.link(x!, y!, width!, height!, target, options);
  link?.end();
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

/** Creates the pdfkit document with metadata and tagging, for `layoutDocument`. */
export function createPdf(document: ComposedDocument, style: PageStyle): PDFKit.PDFDocument {
  const doc = new PDFDocument({
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
  for (const [name, file] of Object.entries(style.fontFiles)) doc.registerFont(name, file);
  return doc;
}
