import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../pipeline/document/types.ts';
import type { PageModel } from '../../pipeline/layout/model.ts';
import { linesToTake } from '../../pipeline/layout/place/paragraph.ts';
import { flowBlocks, linesOf, paragraph } from '../helpers/fake-page.ts';

/** For every paragraph set over more than one page, how many of its lines each page holds. */
function splitParagraphs(model: PageModel): number[][] {
  const byStruct = new Map<number, Map<number, number>>();
  model.pages.forEach((page, index) => {
    for (const line of linesOf(page)) {
      if (line.struct === undefined || model.structs[line.struct]?.role !== 'P') continue;
      const pages = byStruct.get(line.struct) ?? new Map<number, number>();
      pages.set(index, (pages.get(index) ?? 0) + 1);
      byStruct.set(line.struct, pages);
    }
  });
  return [...byStruct.values()].filter((pages) => pages.size > 1).map((pages) => [...pages.values()]);
}

describe('widows and orphans', () => {
  it('never leaves one line of a paragraph alone at the foot or the head of a page', () => {
    // A first paragraph of every length over a page and a half puts the break at every line
    // of the paragraphs after it: of two, three, four and more lines.
    let split = 0;
    for (let count = 300; count <= 820; count += 4) {
      const blocks: Block[] = [paragraph(count), paragraph(14, 1), paragraph(24, 2), paragraph(33, 3), paragraph(60, 4), paragraph(19, 5), paragraph(90, 6)];
      const model = flowBlocks(blocks);
      for (const counts of splitParagraphs(model)) {
        split += 1;
        for (const lines of counts) expect(lines, `${count} words before: a paragraph split ${counts.join(' + ')}`).toBeGreaterThanOrEqual(2);
      }
    }
    // The test means something only if paragraphs were split at all.
    expect(split).toBeGreaterThan(100);
  });

  it('takes, of a paragraph opening near the foot of a page, two lines or more, and leaves two or more for the next page', () => {
    const cases = fc.integer({ min: 2, max: 60 }).chain((remaining) => fc.tuple(fc.constant(remaining), fc.integer({ min: 0, max: remaining })));
    fc.assert(fc.property(cases, ([remaining, fit]) => {
      const take = linesToTake(fit, remaining, true);
      expect(take).toBeLessThanOrEqual(fit);
      if (take > 0 && take < remaining) {
        expect(take).toBeGreaterThanOrEqual(2);
        expect(remaining - take).toBeGreaterThanOrEqual(2);
      }
    }));
  });
});
