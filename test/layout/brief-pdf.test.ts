import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runPipeline } from '../../pipeline/run.ts';
import { ingestDataset } from '../../pipeline/ingest/index.ts';
import { normalise, openPdf, type OpenedPdf } from '../helpers/pdf.ts';
import { repoRoot, tempProject } from '../helpers/project.ts';

const dataset = ingestDataset({ root: repoRoot, configPath: 'pipeline.config.yaml' });
const pdfs = new Map<string, OpenedPdf>();
const open = (locale: string, document: 'acr' | 'brief') => pdfs.get(`${locale}/${document}`)!;

beforeAll(async () => {
  for (const locale of ['en', 'ru', 'kk']) {
    for (const document of ['acr', 'brief'] as const) pdfs.set(`${locale}/${document}`, await openPdf(join(inject('builtOutput'), 'kazakhstan', locale, `${document}.pdf`)));
  }
});

/** The sentences of a text: pieces ending in . ! ? (or the text's end), of at least five words. */
function sentences(text: string): string[] {
  return normalise(text)
    .split(/(?<=[.!?…])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s.split(' ').length >= 5);
}

/**
 * How far down each page its content reaches, as a share of the text area: from the top margin
 * to the lowest line of text above the bottom margin (the page number below it does not count).
 */
async function fill(pdf: OpenedPdf): Promise<number[]> {
  const { margin, height } = dataset.page;
  const out: number[] = [];
  for (let n = 1; n <= pdf.doc.numPages; n += 1) {
    const page = await pdf.doc.getPage(n);
    const content = await page.getTextContent();
    // pdf.js gives the baseline from the page's foot; turn it into a distance from the top.
    const tops = content.items.flatMap((item) => ('str' in item && item.str.trim() ? [height - item.transform[5]] : [])).filter((y) => y < height - margin.bottom);
    out.push((Math.max(...tops) - margin.top) / (height - margin.top - margin.bottom));
  }
  return out;
}

describe.each(['en', 'ru', 'kk'])('the %s Policy Action Brief', (locale) => {
  it('has four pages, none of them less than 70 % filled', async () => {
    const brief = open(locale, 'brief');
    expect(brief.doc.numPages).toBe(4);
    for (const [index, share] of (await fill(brief)).entries()) expect(share, `page ${index + 1}`).toBeGreaterThanOrEqual(0.7);
  });

  it('gives its suggested citation, the contacts, and the addresses of the report and the open data', () => {
    const text = open(locale, 'brief').pages.join(' ');
    const organisation = dataset.country.organisation.name[locale]!;
    expect(text).toContain(`${organisation} (2011).`);
    expect(text).toContain(`https://pprc.kz/csi/kazakhstan/${locale}/brief.pdf`);
    expect(text).toContain('csi@civicus.org');
    expect(text).toContain('www.civicus.org');
    expect(text).toContain(`https://pprc.kz/csi/kazakhstan/${locale}/acr.pdf`);
    expect(text).toContain('https://pprc.kz/csi/kazakhstan/scores.csv');
  });

  it('links the addresses it prints', async () => {
    const page = await open(locale, 'brief').doc.getPage(4);
    const links = (await page.getAnnotations()).map((a: { url?: string }) => a.url).filter(Boolean);
    expect(links).toEqual(expect.arrayContaining([`https://pprc.kz/csi/kazakhstan/${locale}/acr.pdf`, 'https://pprc.kz/csi/kazakhstan/scores.csv', 'mailto:csi@civicus.org']));
  });

  it('says nothing in the same sentence as the report, but for the recommendations’ titles and the imprint', () => {
    const acr = normalise(open(locale, 'acr').pages.join(' '));
    // Shared on purpose: the titles of the one list of recommendations with who acts, and the
    // imprint made from country.yaml (organisations, contacts, funders and their disclaimer).
    const contacts = [dataset.country.organisation, ...dataset.country.partners].flatMap((o) => [o.contact?.address?.[locale], o.contact?.phone, o.contact?.email].filter((t): t is string => !!t));
    const shared = [
      ...dataset.recommendations.flatMap((r) => [r.title[locale]!, r.who[locale]!]),
      ...dataset.country.funders.flatMap((f) => (f.disclaimer ? [f.disclaimer[locale]!] : [])),
      ...contacts,
    ];
    const credit = dataset.country.funders.map((f) => f.name[locale]!);
    const own = sentences(open(locale, 'brief').pages.join(' '))
      .filter((s) => !shared.some((text) => s.includes(text) || text.includes(s)))
      .filter((s) => !credit.every((name) => s.includes(name)));
    expect(own.length).toBeGreaterThan(20);
    expect(own.filter((s) => acr.includes(s))).toEqual([]);
  });
});

describe('the report’s imprint page', () => {
  it.each(['en', 'ru', 'kk'])('%s: follows the cover with edition, citation, organisations and contacts, funders and disclaimer', (locale) => {
    const page = open(locale, 'acr').pages[1]!;
    const country = dataset.country;
    expect(page).toContain(`${country.organisation.name[locale]} (2011). ${(country.extra.reportTitle as Record<string, string>)[locale]}.`);
    expect(page).toContain(country.organisation.name[locale]!);
    expect(page).toContain(country.partners[0]!.name[locale]!);
    expect(page).toContain(normalise(country.partners[0]!.contact!.address![locale]!));
    expect(page).toContain('csi@civicus.org');
    expect(page).toContain(normalise(country.funders[1]!.disclaimer![locale]!));
    expect(page).toContain(`https://pprc.kz/csi/kazakhstan/${locale}/acr.pdf`);
  });
});

describe('the brief of a second country', () => {
  it('builds from that country’s own data, texts and recommendations', async () => {
    const root = tempProject('brief');
    await runPipeline({ root, configPath: 'pipeline.config.yaml' });
    const pdf = await openPdf(join(root, 'output', 'testland', 'en', 'brief.pdf'));
    const text = pdf.pages.join(' ');
    expect(text).toContain('Testland, 2019–2020');
    expect(text).toContain('Few groups can pay anyone: only 9.0% have paid staff.');
    // No brief.yaml: the weakest sub-dimensions policy can move, weakest first; "Social trust"
    // (8.0) is weaker still, but policy cannot move it.
    expect(text).toMatch(/Priority 1: Paid staff .*Priority 2: Volunteering .*Priority 3: Membership/);
    expect(text).not.toContain('Social trust');
    expect(text).toContain('Share payroll services');
    expect(text).toContain('Testland Civic Centre (2020). Policy Action Brief: Testland, 2019–2020. Port Test: TCC.');
    expect(text).toContain('info@civic-centre.example');
    expect(text).toContain('https://example.org/testland/scores.csv');
    expect(text).not.toContain('Kazakhstan');
  });
});
