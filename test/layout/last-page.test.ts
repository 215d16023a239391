import { describe, expect, it } from 'vitest';
import { chapter, fakePageStyle, flowBlocks, linesOn, pageOf, paragraph } from '../helpers/fake-page.ts';

describe('the last page of a chapter', () => {
  it('holds at least the minimum of lines when it would be nearly empty, taken from the page before', () => {
    const style = fakePageStyle();
    for (const minLastPageLines of [8, 12]) {
      style.breaking.minLastPageLines = minLastPageLines;
      let short = 0;
      // Lengths that leave from one line to a few more than the minimum over for the last page of the first chapter.
      for (let count = 400; count <= 1000; count += 9) {
        const model = flowBlocks([chapter('One'), paragraph(count), paragraph(30, 3), chapter('Two'), paragraph(50)], { style });
        const lastOfOne = pageOf(model, 'Two') - 1;
        if (lastOfOne === 0) continue;
        const last = model.pages[lastOfOne]!;
        const fill = (Math.max(...last.items.map((item) => item.y)) - style.margin.top) / (style.height - style.margin.bottom - style.margin.top);
        if (fill < style.breaking.nearlyEmptyPage) short += 1;
        expect(fill >= style.breaking.nearlyEmptyPage || linesOn(last) >= minLastPageLines, `${count} words: ${linesOn(last)} lines`).toBe(true);
      }
      expect(short, 'chapters whose last page is nearly empty').toBeGreaterThan(3);
    }
  });
});
