import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { decodePDFRawStream, PDFArray, PDFDocument as PdfLibDocument, PDFRawStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { sharedFaces } from '../../pipeline/theme/shared-face.ts';
import { PdfText, type SubsetStore } from '../../pipeline/layout/text.ts';
import { fitted } from '../../pipeline/layout/draw.ts';
import { fontFaces } from '../../pipeline/theme/faces.ts';
import { loadTheme } from '../../pipeline/theme/index.ts';
import { repoRoot } from '../helpers/project.ts';
import { endPdf } from '../helpers/pdf.ts';

const theme = loadTheme(repoRoot, 'templates');
const shared = sharedFaces(fontFaces(theme), theme.memory);

type Face = 'regular' | 'bold' | 'italic';
interface TextRun {
  text: string;
  face: Face;
  size: number;
  x: number;
  y: number;
}

/** A PDF with each page's runs written by the layout's text writer, each run's line box at its top. */
function ours(pages: readonly (readonly TextRun[])[], subsets?: SubsetStore): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: false, info: { CreationDate: new Date('2011-06-01T00:00:00Z') } });
  const text = new PdfText(doc, shared, subsets);
  for (const runs of pages) {
    doc.addPage();
    for (const run of runs) text.drawTop(theme.font.faces[run.face].name, run.size, run.text, run.x, run.y);
    text.endPage();
  }
  text.embed();
  return endPdf(doc);
}

/** The same runs written by pdfkit's own `text()`, shaping with fontkit from the font files. */
function pdfkits(runs: readonly TextRun[]): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date('2011-06-01T00:00:00Z') } });
  for (const face of Object.values(theme.font.faces)) doc.registerFont(face.name, face.file);
  for (const run of runs) doc.font(theme.font.faces[run.face].name).fontSize(run.size).text(run.text, run.x, run.y, { lineBreak: false });
  return endPdf(doc);
}

/** What a PDF viewer reads on the first page: each text item's characters, origin and width, rounded to 1/1000 pt. */
async function textItems(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const content = await (await doc.getPage(1)).getTextContent();
    const round = (n: number) => Math.round(n * 1000) / 1000;
    return content.items.flatMap((item) => ('str' in item ? [`${item.str} @${round(item.transform[4])},${round(item.transform[5])} w${round(item.width)}`] : []));
  } finally {
    await doc.destroy();
  }
}

/** The decoded content streams of each page. */
async function pageContents(pdf: Buffer): Promise<string[]> {
  const doc = await PdfLibDocument.load(pdf, { updateMetadata: false });
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    return streams.map((stream) => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : '')).join('\n');
  });
}

/** Words of the three languages, kerning, ligatures, marks, a no-break space and a soft hyphen. */
const mixed: TextRun[] = [
  { text: 'AVAST Tower office, “quoted” — 47.0 %', face: 'regular', size: 10.5, x: 57, y: 100 },
  { text: 'Гражданское общество: 46,9 %', face: 'bold', size: 14, x: 60.25, y: 130.5 },
  { text: 'Азаматтық қоғам индексі — әлеуметтік ұйымдар', face: 'italic', size: 8.5, x: 57, y: 160 },
  { text: 'cafe\u0301 e\u0308 1\u20442 a\u00a0b\u00adc end', face: 'regular', size: 9, x: 70, y: 190 },
];

const letters = [...'AVTWYafilkorvy .,;-–«»“”()0123456789', ...'АБВГДЕЖабвгдежыэюя', ...'ӘәҒғҚқҢңӨөҰұҮүҺһІі', '\u0301', '\u00a0'];
const textOf = (alphabet: string[]) => fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: 30 }).map((c) => c.join(''));
const texts = textOf(letters);
// The face has no glyph for a tab: it is drawn as the missing glyph, which pdfkit's text
// layer calls U+0000 and this one a tab; so it is left out where the two are compared.
const withTabs = textOf([...letters, '\t']);

describe('writing a run of text', () => {
  it('reads, in a PDF viewer, as the same characters at the same places as pdfkit\'s text() writes them', async () => {
    expect(await textItems(await ours([mixed]))).toEqual(await textItems(await pdfkits(mixed)));
  });

  it('reads as pdfkit\'s text() for any one-line text of the three alphabets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(texts, { minLength: 1, maxLength: 4 }), async (lines) => {
        const runs = lines.map((text, i): TextRun => ({ text, face: (['regular', 'bold', 'italic'] as const)[i % 3]!, size: 8 + i * 1.5, x: 50 + i * 3.3, y: 80 + i * 20 }));
        expect(await textItems(await ours([runs]))).toEqual(await textItems(await pdfkits(runs)));
      }),
      { numRuns: 40 },
    );
  });

  // A correction that brings a glyph into a document for the first time (a new digit on the
  // title page) must not change the pages that show nothing new.
  it('writes a page the same whatever the pages before it used', async () => {
    const page: TextRun[] = mixed.map((run) => ({ ...run, y: run.y + 300 }));
    await fc.assert(
      fc.asyncProperty(fc.array(withTabs, { maxLength: 3 }), fc.array(withTabs, { maxLength: 3 }), async (before, other) => {
        const earlier = (lines: string[]) => lines.map((text, i): TextRun => ({ text, face: (['bold', 'regular', 'italic'] as const)[i % 3]!, size: 11, x: 57, y: 80 + i * 20 }));
        const [, a] = await pageContents(await ours([earlier(before), page]));
        const [, b] = await pageContents(await ours([earlier(other), page]));
        expect(a).toBe(b);
      }),
      { numRuns: 15 },
    );
  });

  it('embeds each face used once, as a subset that maps every glyph back to its characters', async () => {
    const pdf = await ours([mixed]);
    const source = pdf.toString('latin1');
    expect(source.match(/\/Subtype \/Type0/g)).toHaveLength(3);
    expect(source.match(/\/CIDToGIDMap \d+ 0 R/g)).toHaveLength(3);
    expect(source.match(/\/FontFile2 \d+ 0 R/g)).toHaveLength(3);
    expect(source.match(/\/ToUnicode \d+ 0 R/g)).toHaveLength(3);
  });
});

describe('embedded font files kept between documents', () => {
  /** A store of font files that counts those made. */
  function store(): SubsetStore & { files: Map<string, Uint8Array>; made: number } {
    const files = new Map<string, Uint8Array>();
    const kept = { files, made: 0, get: (key: string) => files.get(key), set: (key: string, file: Uint8Array) => {
      kept.made += 1;
      files.set(key, file);
    } };
    return kept;
  }

  it('are made once for the same glyphs of a face, and the PDF is the same as one made without them', async () => {
    const subsets = store();
    const alone = await ours([mixed]);
    expect((await ours([mixed], subsets)).equals(alone)).toBe(true);
    expect(subsets.made).toBe(3);
    expect((await ours([mixed], subsets)).equals(alone)).toBe(true);
    expect(subsets.made).toBe(3);
    // One more glyph of one face: that face's file is made again, the others are taken.
    await ours([[...mixed, { text: 'ЖЖЖ', face: 'bold', size: 11, x: 57, y: 400 }]], subsets);
    expect(subsets.made).toBe(4);
  });

  it('are embedded as they were kept', async () => {
    const subsets = store();
    await ours([mixed], subsets);
    const [first, second] = [...subsets.files.keys()];
    // Two kept files swapped: each PDF holds, byte for byte, the file kept under its face's key.
    const swapped: SubsetStore = { get: (key) => subsets.files.get(key === first ? second! : key === second ? first! : key), set: () => undefined };
    const pdf = await ours([mixed], swapped);
    expect(pdf.includes(Buffer.from(subsets.files.get(first!)!))).toBe(true);
    expect(pdf.includes(Buffer.from(subsets.files.get(second!)!))).toBe(true);
    expect(pdf.equals(await ours([mixed]))).toBe(false);
  });
});

describe('fitting a running head', () => {
  const widthOf = (text: string) => shared.get(theme.font.faces.regular.name)!.widthOf(text, 9);

  it('keeps a line that fits, and cuts one that does not after its last whole word, with an ellipsis', () => {
    expect(fitted('Civil Society Index', 200, widthOf)).toBe('Civil Society Index');
    const cut = fitted('Civil Society Index for Kazakhstan: Analytical Country Report, 2008–2010', 150, widthOf);
    expect(cut).toMatch(/^Civil Society Index.*[^\s,]…$/u);
    expect(widthOf(cut)).toBeLessThanOrEqual(150);
  });

  it('never returns more than fits, for any line and width', () => {
    fc.assert(
      fc.property(fc.array(texts, { minLength: 1, maxLength: 8 }).map((words) => words.join(' ')), fc.integer({ min: 5, max: 400 }), (line, width) => {
        const cut = fitted(line, width, widthOf);
        expect(cut === line || cut === '…' || widthOf(cut) <= width).toBe(true);
        if (cut !== line && cut !== '…') expect(cut.endsWith('…')).toBe(true);
      }),
    );
  });
});
