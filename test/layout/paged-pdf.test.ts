import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { PagedPdf, type PageContent } from '../../pipeline/layout/paged-pdf.ts';
import { endPdf } from '../helpers/pdf.ts';

interface Shape {
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
}

const options = { autoFirstPage: false, size: [300, 400], info: { CreationDate: new Date('2011-06-01T00:00:00Z') } } as PDFKit.PDFDocumentOptions;

const shape: fc.Arbitrary<Shape> = fc.record({
  x: fc.integer({ min: 0, max: 280 }),
  y: fc.integer({ min: 0, max: 380 }),
  width: fc.integer({ min: 1, max: 100 }),
  height: fc.integer({ min: 1, max: 100 }),
  colour: fc.constantFrom('#1f4e79', '#c55a11', '#808080'),
});
const pages = fc.array(fc.array(shape, { maxLength: 5 }), { minLength: 1, maxLength: 4 });

function draw(doc: PDFKit.PDFDocument, shapes: readonly Shape[]): void {
  for (const { x, y, width, height, colour } of shapes) doc.rect(x, y, width, height).fillColor(colour).fill();
}

/** The pages drawn by pdfkit itself. */
function byPdfkit(drawn: readonly (readonly Shape[])[]): Promise<Buffer> {
  const doc = new PDFDocument(options);
  for (const shapes of drawn) {
    doc.addPage();
    draw(doc, shapes);
  }
  return endPdf(doc);
}

/** The pages drawn through PagedPdf, each written again from `kept` where it has one; what each page wrote goes to `record`. */
function paged(drawn: readonly (readonly Shape[])[], kept: readonly (PageContent | undefined)[] = [], record: PageContent[] = []): Promise<Buffer> {
  const doc = new PagedPdf(options);
  drawn.forEach((shapes, i) => {
    doc.addPage();
    doc.beginPage(kept[i] !== undefined);
    draw(doc, shapes);
    record.push(doc.endPage(kept[i]));
  });
  return endPdf(doc);
}

describe('a document whose pages can be written again', () => {
  it('is byte for byte the file pdfkit writes for the same drawing', async () => {
    await fc.assert(
      fc.asyncProperty(pages, async (drawn) => {
        expect((await paged(drawn)).equals(await byPdfkit(drawn))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('writes a page again from what it kept as it was drawn, whatever the drawing calls write now', async () => {
    await fc.assert(
      fc.asyncProperty(pages, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), async (drawn, again) => {
        const recorded: PageContent[] = [];
        const first = await paged(drawn, [], recorded);
        // The drawing of a page written again writes nothing: other shapes leave it as kept.
        const other = drawn.map((shapes, i) => (again[i] ? shapes.map((s) => ({ ...s, x: 299 - s.x })) : shapes));
        expect((await paged(other, recorded.map((page, i) => (again[i] ? page : undefined)))).equals(first)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses drawing between the end of a page and the next', () => {
    const doc = new PagedPdf(options);
    doc.addPage();
    doc.beginPage(false);
    doc.endPage();
    expect(() => doc.rect(0, 0, 10, 10).fill()).toThrow(/drawing outside a page/);
  });
});
