import { describe, expect, it } from 'vitest';
import type { Block, FigureBlock } from '../../pipeline/document/types.ts';
import type { PageModel } from '../../pipeline/layout/model.ts';
import { fakePageStyle, flowBlocks, linesOf, pageOf, paragraph, textOf, words } from '../helpers/fake-page.ts';

const style = fakePageStyle();
const charts = new Map([['tall', { width: 400, height: 300 }], ['short', { width: 400, height: 80 }]]);
const figure = (anchor: string, chart: string): FigureBlock => ({ kind: 'figure', id: anchor, anchor, caption: `Figure ${anchor}: regions`, chart, alt: `Chart ${anchor}` });
/** A paragraph whose first words say which it is. */
const marked = (name: string, count: number): Block => ({ kind: 'paragraph', inlines: [{ kind: 'text', text: `${name} ${words(count)}` }] });

/** Page and top of the first line that begins with `start`. */
function lineAt(model: PageModel, start: string): { page: number; y: number } {
  for (const [page, placed] of model.pages.entries()) {
    const line = linesOf(placed).find((item) => textOf(item).startsWith(start));
    if (line) return { page, y: line.y };
  }
  throw new Error(`no line begins with ${start}`);
}

/** Where a figure's anchor was placed: page and top. */
function figureAt(model: PageModel, anchor: string): { page: number; y: number } {
  const page = pageOf(model, anchor);
  const item = model.pages[page]!.items.find((placed) => placed.kind === 'anchor' && placed.name === anchor)!;
  return { page, y: item.y };
}

describe('figures', () => {
  it('floats a figure that does not fit to the top of the next page, the text after it filling this one, and keeps figures in order', () => {
    let floated = 0;
    for (let count = 150; count <= 420; count += 6) {
      const model = flowBlocks([paragraph(count), figure('A', 'tall'), marked('Following', 60), figure('B', 'short'), marked('Closing', 400)], { charts });
      const a = figureAt(model, 'A');
      const b = figureAt(model, 'B');
      const following = lineAt(model, 'Following');
      // Figures keep their order: B, though it would fit sooner, comes after A.
      expect(b.page > a.page || (b.page === a.page && b.y > a.y), `${count} words before: A on page ${a.page + 1}, B on page ${b.page + 1}`).toBe(true);
      if (a.page === 0) continue;
      // A floated: it opens the next page.
      expect(a.y, `${count} words before`).toBeCloseTo(style.margin.top, 6);
      // The text after it begins on the page it left, where that page has room for two lines.
      const first = linesOf(model.pages[0]!)[0]!.struct;
      const left = model.pages[a.page - 1]!;
      const fillerEnd = Math.max(...linesOf(left).filter((line) => line.struct === first).map((line) => line.y + line.style.leading));
      if (fillerEnd + style.paragraphGap + 2 * style.body.leading > style.height - style.margin.bottom) continue;
      floated += 1;
      expect(following.page, `${count} words before: the text after the figure`).toBe(a.page - 1);
    }
    expect(floated).toBeGreaterThan(5);
  });
});
