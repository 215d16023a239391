import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../pipeline/document/types.ts';
import type { PageModel } from '../../pipeline/layout/model.ts';
import { chapter, fakePageStyle, flowBlocks, linesOf, paragraph, textOf } from '../helpers/fake-page.ts';

const table = (rows: number): TableBlock => ({ kind: 'table', anchor: 't', caption: 'Table 1: rows', header: [{ text: 'No.' }, { text: 'Name' }], widths: [1, 1], rows: Array.from({ length: rows }, (_, i) => [{ text: String(i + 1) }, { text: `Row ${i + 1}` }]) });

/** The table's lines on every page that holds some of its rows: header cells, captions, rows. */
function tablePages(model: PageModel): { header: number[]; captions: string[]; rows: number[] }[] {
  return model.pages.flatMap((page) => {
    const lines = linesOf(page);
    const rows = lines.filter((line) => /^Row \d+$/.test(textOf(line))).map((line) => line.y);
    if (rows.length === 0) return [];
    return [{ header: lines.filter((line) => textOf(line) === 'No.').map((line) => line.y), captions: lines.filter((line) => textOf(line).startsWith('Table 1')).map(textOf), rows }];
  });
}

describe('tables over pages', () => {
  it('repeats the caption, marked as continued, and the header row above the rows of every page the table spans', () => {
    for (let lead = 0; lead < 60; lead += 4) {
      const model = flowBlocks([chapter('One'), paragraph(lead * 12 + 10), table(90)]);
      const pages = tablePages(model);
      expect(pages.length, `after ${lead * 12 + 10} words`).toBeGreaterThan(1);
      pages.forEach((page, index) => {
        expect(page.header.length, `after ${lead * 12 + 10} words, page ${index + 1} of the table`).toBe(1);
        expect(page.header[0]!).toBeLessThan(Math.min(...page.rows));
        expect(page.captions).toEqual([index === 0 ? 'Table 1: rows' : 'Table 1: rows (continued)']);
      });
    }
  });

  it('never carries fewer than the minimum of rows over a page break, nor leaves fewer before it', () => {
    const style = fakePageStyle();
    // The chapter's last-page rule off (no page counts as nearly empty), so this rule alone holds the rows.
    style.breaking.nearlyEmptyPage = 0;
    for (const minTableRows of [3, 5]) {
      style.breaking.minTableRows = minTableRows;
      let split = 0;
      // Tables of lengths that leave a few rows over for their next page, at every start.
      for (const length of [30, 33, 35, 37, 40, 45, 64, 67, 70, 73]) {
        for (let lead = 0; lead < 60; lead += 3) {
          const model = flowBlocks([chapter('One'), paragraph(lead * 12 + 10), table(length)], { style });
          const rowsPerPage = tablePages(model).map((page) => page.rows.length);
          if (rowsPerPage.length > 1) split += 1;
          for (const rows of rowsPerPage) expect(rows, `${length} rows after ${lead * 12 + 10} words: ${rowsPerPage.join(', ')}`).toBeGreaterThanOrEqual(minTableRows);
        }
      }
      expect(split).toBeGreaterThan(50);
    }
  });
});
