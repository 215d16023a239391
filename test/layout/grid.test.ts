import { describe, expect, it } from 'vitest';
import type { Block } from '../../pipeline/document/types.ts';
import { testDocument } from '../helpers/documents.ts';
import { flowDocument } from '../../pipeline/layout/flow.ts';
import type { PlacedLine } from '../../pipeline/layout/model.ts';
import type { PageStyle, TextStyle } from '../../pipeline/theme/style.ts';
import { pageLayout } from '../helpers/page-layout.ts';

// A page of 400 × 300 pt with 50 pt margins and text 10 pt on 10 pt lines; every character is
// 5 pt wide. The grid's side column is 108 pt, its gutter 18 pt, so the main column is 174 pt.
const text = (size = 10): TextStyle => ({ font: 'regular', size, leading: size, color: '#000000' });
const style: PageStyle = {
  width: 400, height: 300,
  margin: { top: 50, bottom: 50, left: 50, right: 50 },
  fonts: { regular: 'regular', italic: 'italic', bold: 'bold', boldItalic: 'boldItalic', semibold: 'semibold' },
  fontFiles: {},
  colors: { text: '#000000', accent: '#0000ff', muted: '#666666', rule: '#cccccc', tableHeader: '#eeeeee', tableStripe: '#f8f8f8', box: '#f0f0f0' },
  body: text(), h1: text(), h2: text(), h3: text(), h4: text(), caption: text(), table: text(), footnote: text(), small: text(), header: text(),
  paragraphGap: 0,
  measure: { characters: 68, min: 260, max: 400 },
  ...pageLayout(),
};
const measure = (chars: string, _font: string, size: number) => chars.length * size * 0.5;

function flow(blocks: Block[]) {
  return flowDocument({ document: testDocument(blocks, { kind: 'brief', textColumn: false }), style, measure, charts: new Map() });
}
const words = (count: number) => Array.from({ length: count }, (_, i) => `w${i % 10}`).join(' ');
const lines = (page: { items: readonly { kind: string }[] }) => page.items.filter((item): item is PlacedLine => item.kind === 'line');
const textOf = (line: PlacedLine) => line.line.runs.map((run) => run.text).join('');

describe('a row of the grid', () => {
  it('sets its pull-out number in the side column and its text in the main column, side by side', () => {
    const model = flow([{ kind: 'aside-row', side: [{ kind: 'pullout', value: '14.4%', label: 'of CSOs' }], main: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: words(40) }] }] }]);
    const placed = lines(model.pages[0]!);
    const number = placed.find((line) => textOf(line) === '14.4%')!;
    const body = placed.filter((line) => textOf(line).startsWith('w'));
    expect(number.x).toBe(50);
    expect(body.every((line) => line.x === 50 + 108 + 18)).toBe(true);
    expect(body[0]!.y).toBe(number.y);
    // Every line of the main column fits its 174 pt.
    expect(Math.max(...body.map((line) => line.line.width))).toBeLessThanOrEqual(174);
  });

  it('spans the whole width when its side column is empty', () => {
    const model = flow([{ kind: 'aside-row', side: [], main: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: words(40) }] }] }]);
    expect(lines(model.pages[0]!).every((line) => line.x === 50)).toBe(true);
  });

  it('is never split: a row that does not fit opens the next page, and its heading goes with it', () => {
    const filler: Block = { kind: 'paragraph', inlines: [{ kind: 'text', text: words(300) }] };
    const model = flow([
      filler,
      { kind: 'heading', level: 2, text: 'Priority 1', anchor: 'p1', inContents: true },
      { kind: 'aside-row', side: [{ kind: 'pullout', value: '1', label: '' }], main: [{ kind: 'paragraph', inlines: [{ kind: 'text', text: words(60) }] }] },
    ]);
    const pageOf = (predicate: (line: PlacedLine) => boolean) => model.pages.findIndex((page) => lines(page).some(predicate));
    const rowPage = pageOf((line) => textOf(line) === '1');
    expect(rowPage).toBeGreaterThan(0);
    expect(pageOf((line) => textOf(line) === 'Priority 1')).toBe(rowPage);
    // All of the row's text is on that page.
    const rowText = model.pages.flatMap((page, index) => lines(page).filter((line) => line.x === 176).map(() => index));
    expect(new Set(rowText)).toEqual(new Set([rowPage]));
  });
});

describe('a box', () => {
  it('draws a tinted panel with a bar in the accent colour around its title and text', () => {
    const model = flow([{ kind: 'box', tone: 'action', title: 'What must change', blocks: [{ kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'Fund programmes.' }]] }] }]);
    const rects = model.pages[0]!.items.filter((item) => item.kind === 'rect');
    expect(rects).toEqual(expect.arrayContaining([expect.objectContaining({ fill: '#eeeeee', x: 50, width: 300 }), expect.objectContaining({ fill: '#0000ff', width: 4 })]));
    const panel = rects.find((rect) => rect.kind === 'rect' && rect.width === 300)!;
    for (const line of lines(model.pages[0]!)) {
      expect(line.y).toBeGreaterThanOrEqual(panel.kind === 'rect' ? panel.y : 0);
      expect(line.y + 10).toBeLessThanOrEqual(panel.kind === 'rect' ? panel.y + panel.height : 0);
    }
    expect(lines(model.pages[0]!).map(textOf)).toEqual(['What must change', '1.', 'Fund programmes.']);
  });
});
