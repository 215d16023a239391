import { describe, expect, it } from 'vitest';
import type { Block, TableBlock } from '../../pipeline/document/types.ts';
import type { PageModel } from '../../pipeline/layout/model.ts';
import { flowBlocks, heading, linesOf, pageOf, paragraph, textOf, words } from '../helpers/fake-page.ts';

/**
 * Fillers ending at every height near the foot of the first page: body lines, and one-line
 * small paragraphs whose other leading shifts the end by less than a body line.
 */
function* fillers(): Generator<{ label: string; blocks: Block[] }> {
  const small = (seed: number): Block => ({ kind: 'paragraph', style: 'small', inlines: [{ kind: 'text', text: words(3, seed) }] });
  for (let count = 300; count <= 420; count += 4) {
    for (let smalls = 0; smalls < 8; smalls += 1) yield { label: `${count} words and ${smalls} small paragraphs before`, blocks: [paragraph(count), ...Array.from({ length: smalls }, (_, i) => small(i))] };
  }
}

/** The lines on the page of `anchor` that come after the heading's own lines. */
function linesAfterHeading(model: PageModel, anchor: string): string[] {
  const page = model.pages[pageOf(model, anchor)]!;
  const lines = linesOf(page);
  const at = lines.findIndex((line) => textOf(line) === anchor);
  return lines.slice(at + 1).map(textOf);
}

describe('keep-with-next', () => {
  it('never ends a page with a heading: two lines of the paragraph it introduces stand under it', () => {
    let moved = 0;
    for (const { label, blocks: filler } of fillers()) {
      // A long paragraph after it, so the chapter's last page is full and its rule moves nothing.
      const model = flowBlocks([...filler, heading(2, 'Findings'), paragraph(400, 7)]);
      const after = linesAfterHeading(model, 'Findings');
      expect(after.length, label).toBeGreaterThanOrEqual(2);
      if (pageOf(model, 'Findings') > 0) moved += 1;
    }
    // Some of the fillers must have pushed the heading to the foot of the first page.
    expect(moved).toBeGreaterThan(0);
  });

  it('keeps a heading with the caption, header and first rows of the table it introduces', () => {
    const table: TableBlock = { kind: 'table', anchor: 't', caption: 'Table 1: regions', header: [{ text: 'Region' }, { text: 'CSOs' }], widths: [1, 1], rows: Array.from({ length: 30 }, (_, i) => [{ text: `Region ${i + 1}` }, { text: String(i * 7) }]) };
    for (const { label, blocks: filler } of fillers()) {
      const model = flowBlocks([...filler, heading(3, 'Regions'), table, paragraph(400, 7)]);
      expect(pageOf(model, 't'), label).toBe(pageOf(model, 'Regions'));
      expect(linesAfterHeading(model, 'Regions').filter((text) => text.startsWith('Region ')).length, label).toBeGreaterThanOrEqual(3);
    }
  });
});
