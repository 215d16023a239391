import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, inject, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureConsole } from '../helpers/console.ts';
import { checkPdfUa, type UaFault } from '../helpers/pdfua.ts';
import { fixtures, tempProject } from '../helpers/project.ts';

// Every PDF the pipeline writes says it is PDF/UA-1 (its XMP carries pdfuaid:part 1). These
// tests hold it to that with the machine-checkable conditions of the Matterhorn Protocol
// (test/helpers/pdfua.ts), and show that the checker finds each fault it looks for.

captureConsole();

const checkpoints = (faults: readonly UaFault[]) => [...new Set(faults.map((fault) => fault.checkpoint))].sort();

describe('the published PDFs', () => {
  const output = () => join(inject('builtOutput'), 'kazakhstan');
  for (const locale of ['en', 'ru', 'kk']) {
    for (const document of ['acr', 'brief']) {
      it(`${locale}/${document}.pdf meets every machine-checkable condition of PDF/UA-1`, async () => {
        const faults = await checkPdfUa(new Uint8Array(readFileSync(join(output(), locale, `${document}.pdf`))));
        expect(faults).toEqual([]);
      });
    }
  }

  const checkCountry = async (root: string, country: string, args: string[] = []) => {
    expect(await main(args, root)).toBe(0);
    const folder = join(root, 'output', country);
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.pdf'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(await checkPdfUa(new Uint8Array(readFileSync(join(folder, file)))), `${country}/${file}`).toEqual([]);
  };

  it('holds for another country’s editions too', async () => {
    await checkCountry(tempProject('mini'), 'testland');
  });

  it('holds for the fixture country Ostland, in its own languages', async () => {
    const root = tempProject('repo');
    cpSync(join(fixtures, 'countries', 'ostland'), join(root, 'data', 'countries', 'ostland'), { recursive: true });
    await checkCountry(root, 'ostland', ['build', '--country', 'ostland']);
  });
});

/** A small tagged PDF made with pdfkit as the layout makes its own, then spoiled by `spoil`. */
async function sample(spoil: (doc: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement) => void, options: { lang?: string; displayTitle?: boolean; ua?: boolean } = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    tagged: true,
    lang: options.lang ?? 'en',
    displayTitle: options.displayTitle ?? true,
    pdfVersion: '1.7',
    // @types/pdfkit lists only the PDF/A subsets; pdfkit itself also takes 'PDF/UA'.
    ...(options.ua === false ? {} : ({ subset: 'PDF/UA' } as unknown as PDFKit.PDFDocumentOptions)),
    info: { Title: 'Sample', CreationDate: new Date(Date.UTC(2011, 5, 1)) },
    // @types/pdfkit does not list the PDF/UA subset pdfkit 0.20 takes; createPdf casts the same way.
  } as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('body', readFileSync(join('node_modules', '@expo-google-fonts', 'source-sans-3', '400Regular', 'SourceSans3_400Regular.ttf')));
  doc.addPage({ size: 'A4', margin: 50 });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const heading = doc.struct('H1');
  root.add(heading);
  const content = doc.markStructureContent('H1');
  doc.font('body').text('A title', 50, 50, { lineBreak: false });
  doc.endMarkedContent();
  heading.add(content);
  heading.end();
  spoil(doc, root);
  root.end();
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Text drawn inside a new element of `role` under `parent`. */
function taggedText(doc: PDFKit.PDFDocument, parent: PDFKit.PDFStructureElement, role: string, text: string, y: number, options: PDFKit.Mixins.StructureElementOptions = {}): PDFKit.PDFStructureElement {
  const element = doc.struct(role, options);
  parent.add(element);
  const content = doc.markStructureContent(role);
  doc.font('body').text(text, 50, y, { lineBreak: false });
  doc.endMarkedContent();
  element.add(content);
  element.end();
  return element;
}

describe('the PDF/UA checker', () => {
  it('passes a small document made right', async () => {
    expect(await checkPdfUa(await sample((doc, root) => taggedText(doc, root, 'P', 'A paragraph.', 80)))).toEqual([]);
  });

  it('finds text that is neither tagged nor an artifact (01-005)', async () => {
    const faults = await checkPdfUa(await sample((doc) => void doc.font('body').text('Loose text', 50, 100, { lineBreak: false })));
    expect(checkpoints(faults)).toEqual(['01-005']);
    expect(faults[0]).toMatchObject({ page: 1 });
  });

  it('finds a skipped heading level (14-003)', async () => {
    expect(checkpoints(await checkPdfUa(await sample((doc, root) => taggedText(doc, root, 'H3', 'Too deep', 80))))).toEqual(['14-003']);
  });

  it('finds a figure without alternative text (13-004)', async () => {
    const faults = await checkPdfUa(await sample((doc, root) => {
      const figure = doc.struct('Figure');
      root.add(figure);
      const content = doc.markStructureContent('Figure');
      doc.rect(50, 100, 100, 50).fill('#336699');
      doc.endMarkedContent();
      figure.add(content);
      figure.end();
    }));
    expect(checkpoints(faults)).toEqual(['13-004']);
  });

  it('finds table cells outside a row and list items outside a list (09-004, 09-005)', async () => {
    const faults = await checkPdfUa(await sample((doc, root) => {
      const table = doc.struct('Table');
      root.add(table);
      taggedText(doc, table, 'TD', 'A cell with no row', 80);
      table.end();
      taggedText(doc, root, 'LI', 'An item with no list', 100);
    }));
    expect(checkpoints(faults)).toEqual(['09-004', '09-005']);
  });

  it('finds a link that is not in a Link element and has no description (28-011, 28-012)', async () => {
    const faults = await checkPdfUa(await sample((doc, root) => {
      taggedText(doc, root, 'P', 'See the site.', 80);
      doc.link(50, 80, 100, 12, 'https://civicus.org');
    }));
    expect(checkpoints(faults)).toEqual(['28-011', '28-012']);
  });

  it('finds a table header cell without Scope, and passes one with it (15-003)', async () => {
    const table = (scope: string | undefined) => sample((doc, root) => {
      const element = doc.struct('Table');
      root.add(element);
      const row = doc.struct('TR');
      element.add(row);
      const header = doc.struct('TH');
      row.add(header);
      // pdfkit's struct() takes no attributes; the layout sets /A on the dictionary the same way.
      if (scope) (header as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { O: 'Table', Scope: scope };
      const content = doc.markStructureContent('TH');
      doc.font('body').text('Score', 50, 80, { lineBreak: false });
      doc.endMarkedContent();
      header.add(content);
      header.end();
      taggedText(doc, row, 'TD', '46.9', 100);
      row.end();
      element.end();
    });
    const faults = await checkPdfUa(await table(undefined));
    expect(checkpoints(faults)).toEqual(['15-003']);
    expect(await checkPdfUa(await table('Column'))).toEqual([]);
    expect(await checkPdfUa(await table('Row'))).toEqual([]);
  });

  it('finds a caption inside a Figure, whose alternative text would hide it (13-004)', async () => {
    const faults = await checkPdfUa(await sample((doc, root) => {
      const figure = doc.struct('Figure', { alt: 'A bar chart.' });
      root.add(figure);
      taggedText(doc, figure, 'Caption', 'Figure 1: Scores', 80);
      const content = doc.markStructureContent('Figure');
      doc.rect(50, 100, 100, 50).fill('#336699');
      doc.endMarkedContent();
      figure.add(content);
      figure.end();
    }));
    expect(checkpoints(faults)).toEqual(['13-004']);
    expect(faults[0]!.message).toMatch(/Caption stands inside a Figure/);
  });

  it('finds an element whose Lang is not a language tag, and passes one that is (11-006)', async () => {
    const spoken = (lang: string) => sample((doc, root) => void taggedText(doc, root, 'P', 'Гражданское общество', 80, { lang }));
    expect(checkpoints(await checkPdfUa(await spoken('russian')))).toEqual(['11-006']);
    expect(checkpoints(await checkPdfUa(await spoken('xq')))).toEqual(['11-006']);
    expect(await checkPdfUa(await spoken('ru'))).toEqual([]);
  });

  it('finds a note without an ID (19-003)', async () => {
    expect(checkpoints(await checkPdfUa(await sample((doc, root) => taggedText(doc, root, 'Note', '1 A note.', 700))))).toEqual(['19-003']);
  });

  it('finds a missing PDF/UA identifier, title display and language (06-002, 07-001, 11-006)', async () => {
    const faults = await checkPdfUa(await sample(() => {}, { ua: false, displayTitle: false, lang: '' }));
    expect(checkpoints(faults)).toEqual(['06-002', '07-001', '11-006']);
  });
});
