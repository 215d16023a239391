import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { registerSharedFaces, sharedFaces } from '../../pipeline/theme/shared-face.ts';
import { drawText } from '../../pipeline/layout/text.ts';
import { fontFaces } from '../../pipeline/theme/faces.ts';
import { loadTheme } from '../../pipeline/theme/index.ts';
import { repoRoot } from '../helpers/project.ts';

const theme = loadTheme(repoRoot, 'templates');
const shared = sharedFaces(fontFaces(theme), theme.memory);

/** A PDF with the given runs drawn by `draw`, uncompressed, so its bytes show every operator. */
function pdfOf(runs: readonly { text: string; face: 'regular' | 'bold' | 'italic'; size: number; x: number; y: number }[], draw: (doc: PDFKit.PDFDocument, text: string, x: number, y: number) => void, fonts: 'shared' | 'files' = 'shared'): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false, info: { CreationDate: new Date('2011-06-01T00:00:00Z') } });
  if (fonts === 'shared') registerSharedFaces(doc, shared.keys(), shared);
  else for (const face of Object.values(theme.font.faces)) doc.registerFont(face.name, face.file);
  for (const run of runs) {
    doc.font(theme.font.faces[run.face].name).fontSize(run.size);
    draw(doc, run.text, run.x, run.y);
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

const pdfkitText = (doc: PDFKit.PDFDocument, text: string, x: number, y: number) => void doc.text(text, x, y, { lineBreak: false });

/** Words of the three languages, kerning, ligatures, marks, a no-break space, a soft hyphen and a tab. */
const mixed = [
  { text: 'AVAST Tower office, “quoted” — 47.0 %', face: 'regular' as const, size: 10.5, x: 57, y: 100 },
  { text: 'Гражданское общество: 46,9 %', face: 'bold' as const, size: 14, x: 60.25, y: 130.5 },
  { text: 'Азаматтық қоғам индексі — әлеуметтік ұйымдар', face: 'italic' as const, size: 8.5, x: 57, y: 160 },
  { text: 'cafe\u0301 e\u0308 1\u20442 a\u00a0b\u00adc\tend', face: 'regular' as const, size: 9, x: 70, y: 190 },
];

describe('drawing a run of text', () => {
  it('writes the same PDF as pdfkit\'s text(), for words of the three languages, kerning, ligatures and marks', async () => {
    expect((await pdfOf(mixed, drawText)).equals(await pdfOf(mixed, pdfkitText))).toBe(true);
  });

  // Not for any text: where two characters share a glyph (a tab and a space), fontkit names
  // the glyph after the character it met first, so pdfkit's text layer depends on the order
  // of the words; the shared faces name each glyph after its own character.
  it('writes with the shared faces what pdfkit writes shaping with fontkit from the font files', async () => {
    expect((await pdfOf(mixed, drawText)).equals(await pdfOf(mixed, pdfkitText, 'files'))).toBe(true);
  });

  it('writes the same PDF as pdfkit\'s text() for any one-line text', async () => {
    const alphabet = [...'AVTWYafilkorvy .,;-–«»“”()0123456789', ...'АБВГДЕЖабвгдежыэюя', ...'ӘәҒғҚқҢңӨөҰұҮүҺһІі', '\u0301', '\u00a0', '\t'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: 30 }).map((c) => c.join('')), { minLength: 1, maxLength: 4 }), async (texts) => {
        const runs = texts.map((text, i) => ({ text, face: (['regular', 'bold', 'italic'] as const)[i % 3], size: 8 + i * 1.5, x: 50 + i * 3.3, y: 80 + i * 20 }));
        expect((await pdfOf(runs, drawText)).equals(await pdfOf(runs, pdfkitText))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
