import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { renderCharts, renderPng } from '../../pipeline/chart/index.ts';
import { drawChart } from '../../pipeline/layout/chart.ts';
import { PngPictures } from '../../pipeline/chart/png.ts';
import { ChartPictures } from '../../pipeline/build/chart-files.ts';
import type { StageCache } from '../../pipeline/cache/key.ts';
import { sharedFaces } from '../../pipeline/theme/shared-face.ts';
import { PdfText } from '../../pipeline/layout/text.ts';
import { fontFaces } from '../../pipeline/theme/faces.ts';
import { endPdf, normalise, openPdf } from '../helpers/pdf.ts';
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
    const pictures = new PngPictures();
    const png = await renderPng(chart.svg, theme, 3, pictures);
    await pictures.stop();
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual({ width: Math.round(chart.width * 3), height: Math.round(chart.height * 3) });
  });

  it('draws and keeps a chart shown twice once: the cover\'s diamond and the report\'s ask for it before either is drawn', async () => {
    const { dataset } = kazakhstan();
    const all = await chartsFor('en');
    // The cover's diamond and the report's are one SVG.
    expect(all.get('1')!.svg).toBe(all.get('I.2.1')!.svg);
    const kept: string[] = [];
    const cache: StageCache = { get: () => undefined, set: (key) => void kept.push(key), flush: async () => undefined };
    const pictures = new ChartPictures(cache);
    for (const id of ['1', 'I.2.1', 'III.1.1']) pictures.add('en', all.get(id)!, { dataset, drawing: 'test' });
    pictures.allAsked();
    const files = new Map((await pictures.written()).map((file) => [file.path, file.bytes]));
    expect([...files.keys()].filter((path) => path.endsWith('.png'))).toEqual(['kazakhstan/en/charts/figure-1.png', 'kazakhstan/en/charts/figure-I.2.1.png', 'kazakhstan/en/charts/figure-III.1.1.png']);
    expect(Buffer.from(files.get('kazakhstan/en/charts/figure-I.2.1.png') as Uint8Array).equals(Buffer.from(files.get('kazakhstan/en/charts/figure-1.png') as Uint8Array))).toBe(true);
    // Two distinct pictures: each drawn once and kept once.
    expect(kept).toHaveLength(2);
  });

  it('is asked for as soon as its chart is drawn, before the next chart is drawn', async () => {
    const k = kazakhstan();
    const figures = k.figures.slice(0, 4);
    const events: string[] = [];
    // The cache is looked up once per chart, just before it is drawn.
    const cache: StageCache = {
      get: () => {
        events.push('drawn next');
        return undefined;
      },
      set: () => undefined,
      flush: async () => undefined,
    };
    const charts = await renderCharts({ figures, framework: k.dataset.framework, scores: k.scores, locale: 'en', messages: k.messages('en'), theme: k.theme, cache, onChart: (chart) => events.push(`told ${chart.id}`) });
    expect(events).toEqual(figures.flatMap((figure) => ['drawn next', `told ${figure.id}`]));
    expect([...charts.keys()]).toEqual(figures.map((figure) => figure.id));
  });

  it('draws the same picture after the watcher stopped its thread between builds, and never stops it mid-picture', async () => {
    const { theme } = kazakhstan();
    const chart = (await chartsFor('en')).get('III.1.1')!;
    const pictures = new PngPictures();
    const drawing = renderPng(chart.svg, theme, 1, pictures);
    await pictures.stop();
    const first = await drawing;
    await pictures.stop();
    const again = await renderPng(chart.svg, theme, 1, pictures);
    await pictures.stop();
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });
});

describe('charts in the PDF', () => {
  async function pdfWith(locale: string, ids: readonly string[]) {
    const { theme } = kazakhstan();
    const charts = await chartsFor(locale);
    const fonts = sharedFaces(fontFaces(theme), theme.memory);
    const doc = new PDFDocument({ size: 'A4', margin: 57, info: { CreationDate: new Date('2011-06-01T00:00:00Z') } });
    const text = new PdfText(doc, fonts);
    let y = 57;
    for (const id of ids) {
      const height = drawChart(doc, text, charts.get(id)!, 57, y, 481, theme);
      expect(height).toBeCloseTo((481 * charts.get(id)!.height) / charts.get(id)!.width, 6);
      y += height + 12;
    }
    text.drawTop(theme.font.faces.italic.name, 10.5, 'Body text after the charts.', 57, y);
    text.embed();
    const bytes = await endPdf(doc);
    const file = join(mkdtempSync(join(tmpdir(), 'csi-chart-pdf-')), `${locale}.pdf`);
    writeFileSync(file, bytes);
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

  it('sets each line of a label where the SVG anchors it, at the drawing\'s scale', async () => {
    const { theme } = kazakhstan();
    const fonts = sharedFaces(fontFaces(theme), theme.memory);
    const svg = [
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><g fill="none">',
      '<text text-anchor="end" transform="translate(150,40)" font-size="10px" fill="#1f2328"><tspan>Assembly of the</tspan><tspan x="0" dy="12">People of Kazakhstan</tspan></text>',
      '<text text-anchor="middle" transform="translate(100,80)" font-size="10px" font-weight="bold" fill="#1f2328">Қазақстан</text>',
      '<text transform="translate(10,90)" font-size="10px" fill="#ffffff" stroke="#ffffff" stroke-width="2.5" stroke-linejoin="round">halo</text>',
      '</g></svg>',
    ].join('');
    const doc = new PDFDocument({ size: 'A4', margin: 57 });
    const text = new PdfText(doc, fonts);
    expect(drawChart(doc, text, { id: 'anchors', svg, width: 200, height: 100 }, 57, 100, 400, theme)).toBe(200);
    text.embed();
    const file = join(mkdtempSync(join(tmpdir(), 'csi-chart-pdf-')), 'anchors.pdf');
    writeFileSync(file, await endPdf(doc));
    const page = await (await openPdf(file)).doc.getPage(1);
    const items = (await page.getTextContent()).items.filter((item) => 'str' in item && item.str.trim() !== '') as { str: string; width: number; transform: number[] }[];
    const height = page.view[3]!;
    const placed = new Map(items.map((item) => [item.str, { left: item.transform[4]!, right: item.transform[4]! + item.width, baseline: height - item.transform[5]! }]));
    // Drawn at (57, 100) twice the SVG's size: the SVG's x 150 is the page's 357.
    expect(placed.get('Assembly of the')!.right).toBeCloseTo(357, 1);
    expect(placed.get('People of Kazakhstan')!.right).toBeCloseTo(357, 1);
    expect(placed.get('Assembly of the')!.baseline).toBeCloseTo(180, 1);
    expect(placed.get('People of Kazakhstan')!.baseline).toBeCloseTo(204, 1);
    const title = placed.get('Қазақстан')!;
    expect((title.left + title.right) / 2).toBeCloseTo(257, 1);
    expect(placed.get('halo')!.left).toBeCloseTo(77, 1);
  });

  it('draws dashed lines with the dash pattern and offset the SVG gives, and no line it has nothing to paint with', async () => {
    const { theme } = kazakhstan();
    const fonts = sharedFaces(fontFaces(theme), theme.memory);
    // The second line has nothing to paint it with (a line is never filled): it is not drawn.
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 10"><g fill="none"><line x2="100" stroke="#b45f06" stroke-width="1.5" stroke-dasharray="4,2.5" stroke-dashoffset="1"/></g><line y1="5" x2="100" y2="5"/></svg>';
    const doc = new PDFDocument({ size: 'A4', compress: false });
    drawChart(doc, new PdfText(doc, fonts), { id: 'dashes', svg, width: 100, height: 10 }, 0, 0, 100, theme);
    const content = (await endPdf(doc)).toString('latin1');
    expect(content).toMatch(/\[4 2\.5\] 1 d\n1\.5 w|1\.5 w[^]*\[4 2\.5\] 1 d/);
    expect(content).toMatch(/0 0 m\n100 0 l\nS/);
    expect(content).not.toContain('0 5 m');
  });

  it('refuses what it cannot draw, naming the chart and the element', () => {
    const { theme } = kazakhstan();
    const fonts = sharedFaces(fontFaces(theme), theme.memory);
    const doc = new PDFDocument({ size: 'A4' });
    doc.on('data', () => undefined);
    const text = new PdfText(doc, fonts);
    const draw = (svg: string) => () => drawChart(doc, text, { id: 'II.3.2', svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${svg}</svg>`, width: 10, height: 10 }, 0, 0, 100, theme);
    expect(draw('<rect width="5" height="5"/>')).toThrow(/^chart II\.3\.2 could not be drawn into the PDF: <rect> is not drawn/);
    expect(draw('<path d="M0,0h5v5Z" clip-path="url(#c)"/>')).toThrow(/<path clip-path> is not drawn/);
    expect(draw('<path d="M0,0h5v5Z" fill="hsl(0, 0%, 0%)"/>')).toThrow(/<path fill>="hsl\(0, 0%, 0%\)" is not a colour/);
    expect(draw('<path d="M0,0h5v5Z" fill="white"/>')).toThrow(/<path fill>="white" is not a colour this drawing takes: write it #rrggbb/);
    expect(draw('<g transform="skewX(10)"><path d="M0,0h5"/></g>')).toThrow(/transform="skewX\(10\)" is not a transform/);
    expect(draw('<g><path d="M0,0h5"/>')).toThrow(/^chart II\.3\.2 could not be drawn into the PDF: /);
    doc.end();
  });

  it('converts every chart of every edition without a warning', async () => {
    const { theme } = kazakhstan();
    const fonts = sharedFaces(fontFaces(theme), theme.memory);
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: true });
    doc.on('data', () => undefined);
    const text = new PdfText(doc, fonts);
    for (const locale of ['en', 'ru', 'kk']) {
      for (const chart of (await chartsFor(locale)).values()) {
        doc.addPage();
        expect(() => drawChart(doc, text, chart, 57, 57, 481, theme), `${locale} ${chart.id}`).not.toThrow();
        text.endPage();
      }
    }
    text.embed();
    doc.end();
  });
});
