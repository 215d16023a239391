import { describe, expect, it } from 'vitest';
import type { Block, FigureBlock } from '../../pipeline/document/types.ts';
import type { PageModel, PlacedIndexEntry } from '../../pipeline/layout/model.ts';
import { chapter, flowBlocks, heading, linesOf, paragraph, textOf } from '../helpers/fake-page.ts';

const figure = (n: number): FigureBlock => ({ kind: 'figure', id: String(n), anchor: `fig-${n}`, caption: `Figure ${n}: scores`, chart: 'chart', alt: `Chart ${n}` });
const charts = new Map([['chart', { width: 400, height: 260 }]]);

/** The page number (from 1) printed beside an entry: its target's page. */
const printed = (model: PageModel, entry: PlacedIndexEntry) => model.anchorPages.get(entry.target)! + 1;
/** Pages (from 1) on which a line of text (not an entry of an index) reads `text`. */
const pagesReading = (model: PageModel, text: string) => model.pages.flatMap((page, index) => (linesOf(page).some((line) => textOf(line) === text) ? [index + 1] : []));

describe('the contents and the list of figures', () => {
  it('give every heading and figure, in order, the page it is printed on', () => {
    for (const lead of [40, 160, 333, 520]) {
      const body: Block[] = [];
      for (let part = 1; part <= 3; part += 1) {
        body.push(chapter(`Part ${part}`), paragraph(lead, part));
        for (let section = 1; section <= 3; section += 1) body.push(heading(2, `Section ${part}.${section}`), paragraph(lead + 90 * section, section), figure(part * 10 + section), paragraph(120, 4));
      }
      const model = flowBlocks([{ kind: 'index', of: 'contents' }, { kind: 'index', of: 'figures' }, ...body], { charts });
      const entries = model.pages.flatMap((page) => page.items.filter((item): item is PlacedIndexEntry => item.kind === 'index-entry'));
      const texts = entries.map((entry) => entry.lines.map((line) => line.runs.map((run) => run.text).join('')).join(' ').trim());
      const headings = body.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
      const captions = body.flatMap((block) => (block.kind === 'figure' ? [block.caption] : []));
      // The contents: the headings; the list of figures: the captions.
      expect(texts).toEqual([...headings, ...captions]);
      entries.forEach((entry, i) => {
        const text = texts[i]!;
        expect(pagesReading(model, text), `${lead} words: "${text}"`).toContain(printed(model, entry));
      });
      // The body runs over many pages, so the numbers differ from entry to entry.
      expect(new Set(entries.map((entry) => printed(model, entry))).size).toBeGreaterThan(10);
    }
  });

  it('leave out a list of tables when the report has no table, heading and all', () => {
    const body: Block[] = [chapter('Part 1'), paragraph(200, 1), figure(1), paragraph(120, 2)];
    const model = flowBlocks([{ kind: 'index', of: 'figures' }, { kind: 'index', of: 'tables' }, ...body], { charts });
    const texts = model.pages.flatMap((page) => linesOf(page).map(textOf));
    const entries = model.pages.flatMap((page) => page.items.filter((item): item is PlacedIndexEntry => item.kind === 'index-entry'));
    expect(entries).toHaveLength(1);
    expect(model.anchorPages.has('index-tables')).toBe(false);
    expect(model.anchorPages.has('index-figures')).toBe(true);
    expect(texts.some((text) => /tables/i.test(text))).toBe(false);
  });
});
