import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { drawChart, renderPng } from '../../pipeline/chart/index.ts';
import { stopPngThread } from '../../pipeline/chart/png.ts';
import { sharedFaces } from '../../pipeline/theme/shared-face.ts';
import { fontFaces } from '../../pipeline/theme/faces.ts';
import { normalise, openPdf } from '../helpers/pdf.ts';
import { chartsFor, kazakhstan } from './kazakhstan.ts';

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('charts as PNG', () => {
  it('rasterises at the asked scale with the theme\'s fonts', async () => {
    const { theme } = kazakhstan();
    const chart = (await chartsFor('kk')).get('III.1.1')!;
    const png = await renderPng(chart.svg, theme, 3);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual({ width: Math.round(chart.width * 3), height: Math.round(chart.height * 3) });
  });

  it('draws the same picture after the watcher stopped its thread between builds, and never stops it mid-picture', async () => {
    const { theme } = kazakhstan();
    const chart = (await chartsFor('en')).get('III.1.1')!;
    const drawing = renderPng(chart.svg, theme, 1);
    await stopPngThread();
    const first = await drawing;
    await stopPngThread();
    const again = await renderPng(chart.svg, theme, 1);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });
});

describe('charts in the PDF', () => {
  async function pdfWith(locale: string, ids: readonly string[]) {
    const { theme } = kazakhstan();
    const charts = await chartsFor(locale);
    const fonts = sharedFaces(fontFaces(theme), theme.memory);
    const doc = new PDFDocument({ size: 'A4', margin: 57, info: { CreationDate: new Date('2011-06-01T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    doc.registerFont(theme.font.faces.italic.name, theme.font.faces.italic.file);
    doc.font(theme.font.faces.italic.name).fontSize(10.5);
    const before = (doc as unknown as { _font: unknown })._font;
    let y = 57;
    for (const id of ids) {
      const height = drawChart(doc, charts.get(id)!, 57, y, 481, theme, fonts);
      expect(height).toBeCloseTo((481 * charts.get(id)!.height) / charts.get(id)!.width, 6);
      y += height + 12;
    }
    const fontAfter = (doc as unknown as { _font: unknown; _fontSize: number });
    expect(fontAfter._font, 'the document font is restored').toBe(before);
    expect(fontAfter._fontSize).toBe(10.5);
    doc.text('Body text after the charts.', 57, y);
    doc.end();
    await done;
    const file = join(mkdtempSync(join(tmpdir(), 'csi-chart-pdf-')), `${locale}.pdf`);
    writeFileSync(file, Buffer.concat(chunks));
    return openPdf(file);
  }

  it('draws vectors whose Cyrillic and Kazakh text survives in the embedded font', async () => {
    const pdf = await pdfWith('kk', ['1', 'III.1.1']);
    const text = pdf.pages[0]!;
    const { dataset } = kazakhstan();
    for (const dimension of dataset.framework.dimensions.filter((d) => !d.contextual)) expect(text).toContain(dimension.name.kk);
    for (const sub of dataset.framework.dimensions[0]!.subdimensions) expect(text).toContain(sub.name.kk);
    expect(normalise(text)).toContain('46,9');
    // Each label once: no outline copies of texts to fool copy-and-paste or a screen reader.
    expect(text.match(/46,9/g)).toHaveLength(2);
    expect(text).toContain('Body text after the charts.');
    expect(pdf.pages).toHaveLength(1);
  });

  it('embeds the theme\'s faces, not Helvetica', async () => {
    const pdf = await pdfWith('ru', ['III.4.2']);
    const page = await pdf.doc.getPage(1);
    const ops = await page.getOperatorList();
    expect(ops.fnArray.length).toBeGreaterThan(50);
    const fonts = new Set<string>();
    for (const [i, fn] of ops.fnArray.entries()) {
      // OPS.setFont is 37 in pdfjs; its first argument is the font's resource name.
      if (fn === 37) fonts.add(String((ops.argsArray[i] as unknown[])[0]));
    }
    const names = await Promise.all([...fonts].map(async (id) => (page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name: string }).name : id)));
    expect(names.join(' ')).not.toMatch(/Helvetica/);
    expect(names.join(' ')).toMatch(/SourceSans3/);
  });

  it('converts every chart of every edition without a warning', async () => {
    const { theme } = kazakhstan();
    const fonts = sharedFaces(fontFaces(theme), theme.memory);
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: true });
    doc.on('data', () => undefined);
    for (const locale of ['en', 'ru', 'kk']) {
      for (const chart of (await chartsFor(locale)).values()) {
        doc.addPage();
        expect(() => drawChart(doc, chart, 57, 57, 481, theme, fonts), `${locale} ${chart.id}`).not.toThrow();
      }
    }
    doc.end();
  });
});
