import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../pipeline/document/types.ts';
import { fakePageStyle, flowBlocks, linesOf, paragraph, words } from '../helpers/fake-page.ts';

const style = fakePageStyle();
/** A paragraph whose middle cites note 1. */
const citing = (count: number): Block => ({ kind: 'paragraph', inlines: [{ kind: 'text', text: words(count, 2) }, { kind: 'footnote', number: 1 }, { kind: 'text', text: ` ${words(count, 5)}` }] });
const notes = new Map<number, Inline[]>([[1, [{ kind: 'text', text: words(70, 4) }]]]);

describe('footnotes', () => {
  it('sets a note at the foot of the page of the line that cites it, below all that page\'s text', () => {
    let atFoot = 0;
    for (let count = 250; count <= 480; count += 3) {
      const model = flowBlocks([paragraph(count), citing(30), paragraph(300, 1)], { footnotes: notes });
      const citingPage = model.pages.findIndex((page) => linesOf(page).some((line) => line.line.footnotes.includes(1)));
      expect(citingPage, `${count} words before`).toBeGreaterThanOrEqual(0);
      // The note is on that page, and on no other.
      model.pages.forEach((page, index) => expect(page.footnotes.includes(1), `${count} words before, page ${index + 1}`).toBe(index === citingPage));
      // Its lines and the gap above them stand below the page's last line of text.
      const page = model.pages[citingPage]!;
      const noteHeight = model.footnoteLines.get(1)!.length * style.footnote.leading + style.spacing.footnoteGap;
      const textEnd = Math.max(...linesOf(page).map((line) => line.y + line.style.leading));
      expect(textEnd, `${count} words before`).toBeLessThanOrEqual(style.height - style.margin.bottom - noteHeight + 0.01);
      if (textEnd > style.height - style.margin.bottom - noteHeight - 3 * style.body.leading) atFoot += 1;
    }
    // Some of the citing lines came within three lines of the notes.
    expect(atFoot).toBeGreaterThan(0);
  });
});
