import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDecimal } from '../../pipeline/format/number.ts';
import { ingestDataset } from '../../pipeline/ingest/index.ts';
import { scoreDataset } from '../../pipeline/score/index.ts';
import { normalise, openPdf, type OpenedPdf } from '../helpers/pdf.ts';
import { repoRoot } from '../helpers/project.ts';

const dataset = ingestDataset({ root: repoRoot, configPath: 'pipeline.config.yaml' });
const scores = scoreDataset(dataset);
let pdf: OpenedPdf;
const file = () => join(inject('builtOutput'), 'kazakhstan', 'en', 'acr.pdf');

beforeAll(async () => {
  pdf = await openPdf(file());
});

/** Page (1-based) whose text contains `text`, searching from `from`. */
const pageOf = (text: string, from = 1) => pdf.pages.findIndex((page, i) => i + 1 >= from && page.includes(normalise(text))) + 1;

describe('the English Analytical Country Report', () => {
  it('has every part of the report, in order', () => {
    const parts = [
      'Foreword', 'Acknowledgements', 'Contents', 'List of figures', 'List of tables', 'List of acronyms', 'Executive summary',
      'I. Civil Society Index project and approach', 'II. Civil society in Kazakhstan', 'III. Analysis of civil society in Kazakhstan',
      'IV. Strengths and weaknesses', 'V. Recommendations', 'VI. Conclusions', 'Appendices',
      'Appendix 1. CSI data indicator matrix for Kazakhstan', 'Appendix 2.', 'Appendix 3.', 'Appendix 4.', 'Appendix 5.', 'Appendix 6.',
      'Appendix 7. Population survey methodology', 'Bibliography',
    ];
    let from = 2;
    for (const part of parts) {
      const page = pageOf(part, from);
      expect(page, `${part} after page ${from}`).toBeGreaterThan(0);
      from = page;
    }
    expect(pdf.doc.numPages).toBeGreaterThanOrEqual(45);
  });

  it('prints every figure and table caption of the data', () => {
    for (const figure of dataset.figures) expect(pageOf(`Figure ${figure.id}: ${figure.caption.en}`), figure.id).toBeGreaterThan(0);
    for (const table of dataset.tables) expect(pageOf(`Table ${table.id}: ${table.caption.en}`), table.id).toBeGreaterThan(0);
  });

  it('prints every value of the indicator matrix in Appendix 1, next to its id', () => {
    const start = pageOf('Appendix 1. CSI data indicator matrix', 10) - 1;
    const runs = pdf.runs.slice(start, start + 4).flat().map(normalise);
    for (const [id, score] of scores.byId) {
      if (score.level === 'dimension') continue;
      const at = runs.findIndex((run) => run.startsWith(`${id} `));
      expect(at, id).toBeGreaterThanOrEqual(0);
      expect(runs[at + 1], id).toBe(formatDecimal(score.score, 'en', score.decimals));
    }
  });

  it('gives each contents entry the page its heading is really on', () => {
    const contentsPage = pageOf('Contents', 2) - 1;
    const runs = pdf.runs.slice(contentsPage, contentsPage + 3).flat().map(normalise);
    const entries = ['Executive summary', '1. Project background', '1.1 Extent of socially-based engagement', 'IV. Strengths and weaknesses of civil society in Kazakhstan', 'Bibliography'];
    for (const title of entries) {
      const at = runs.findIndex((run) => run === title);
      expect(at, title).toBeGreaterThanOrEqual(0);
      const page = Number(runs[at + 1]);
      expect(pdf.pages[page - 1], `${title} on page ${page}`).toContain(title);
    }
  });

  it('has an outline that mirrors the headings and leads to their pages', async () => {
    const outline = await pdf.doc.getOutline();
    const titles = outline.map((item) => item.title);
    expect(titles).toEqual(expect.arrayContaining(['Foreword', 'Executive summary', 'III. Analysis of civil society in Kazakhstan', 'Bibliography']));
    const part3 = outline.find((item) => item.title.startsWith('III.'))!;
    expect(part3.items.map((item) => item.title)).toContain('1. Civic engagement');
    const dest = typeof part3.dest === 'string' ? await pdf.doc.getDestination(part3.dest) : part3.dest;
    const pageIndex = await pdf.doc.getPageIndex(dest![0] as never);
    expect(pdf.pages[pageIndex]).toContain('III. Analysis of civil society in Kazakhstan');
  });

  it('is a tagged PDF with its language, headings and figures with alt text', async () => {
    const meta = await pdf.doc.getMetadata();
    expect((meta.info as Record<string, unknown>).Title).toBe('Civil Society Index Analytical Country Report for Kazakhstan');
    expect((meta.info as Record<string, unknown>).Language ?? 'en').toBe('en');
    const roles = new Map<string, number>();
    const alts: string[] = [];
    const walk = (node: { role?: string; alt?: string; children?: unknown[] }) => {
      if (node.role) roles.set(node.role, (roles.get(node.role) ?? 0) + 1);
      if (node.role === 'Figure' && node.alt) alts.push(node.alt);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    for (let i = 1; i <= pdf.doc.numPages; i += 1) {
      const tree = await (await pdf.doc.getPage(i)).getStructTree();
      if (tree) walk(tree as never);
    }
    expect(roles.get('H1')).toBeGreaterThan(10);
    expect(roles.get('H3')).toBeGreaterThan(20);
    expect(roles.get('Table')).toBeGreaterThan(3);
    expect(alts.some((alt) => alt.includes('Civic Engagement') && alt.includes('46.9'))).toBe(true);
    const markInfo = await pdf.doc.getMarkInfo();
    expect(markInfo?.Marked).toBe(true);
  });

  it('passes a structural check of the file', () => {
    let qpdf = '';
    try {
      qpdf = execFileSync('qpdf', ['--check', file()], { encoding: 'utf8' });
    } catch (error) {
      // Without qpdf installed the check is pdfjs having read every page above.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (qpdf) expect(qpdf).toMatch(/No syntax or stream encoding errors found/);
    expect(pdf.pages.every((text) => text.length > 0)).toBe(true);
  });
});
