import type { Block, Inline } from '../../pipeline/document/types.ts';
import { flowDocument } from '../../pipeline/layout/flow.ts';
import type { Page, PageModel, PlacedItem, PlacedLine } from '../../pipeline/layout/model.ts';
import type { PageStyle, TextStyle } from '../../pipeline/theme/style.ts';
import { testDocument } from './documents.ts';
import { pageLayout } from './page-layout.ts';

/**
 * A fake measure for layout rules: every character is half its size wide, so positions are
 * counts of characters and a test needs no font.
 */
export const fakeMeasure = (text: string, _font: string, size: number) => [...text].length * size * 0.5;

/** An A4 page style with one font name per face and lines 1.4 times their size, the layout values of page.yaml. */
export function fakePageStyle(): PageStyle {
  const text = (size: number): TextStyle => ({ font: 'R', size, leading: size * 1.4, color: '#000000' });
  return {
    width: 595.28,
    height: 841.89,
    margin: { top: 78, bottom: 72, left: 57, right: 57 },
    fonts: { regular: 'R', italic: 'I', bold: 'B', boldItalic: 'BI', semibold: 'S' },
    fontFiles: {},
    colors: { text: '#000000', accent: '#000080', muted: '#555555', rule: '#cccccc', tableHeader: '#eeeeee', tableStripe: '#f8f8f8', box: '#f0f0f0' },
    body: text(10),
    h1: text(18),
    h2: text(13.5),
    h3: text(11),
    h4: text(10),
    caption: text(9),
    table: text(8.5),
    footnote: text(8),
    small: text(8.5),
    header: text(8),
    paragraphGap: 7,
    measure: { characters: 66, min: 200, max: 400 },
    ...pageLayout(),
  };
}

/** Flows blocks (and footnotes) of a report with the fake measure. */
export function flowBlocks(blocks: Block[], options: { style?: PageStyle; footnotes?: ReadonlyMap<number, Inline[]>; charts?: ReadonlyMap<string, { width: number; height: number }> } = {}): PageModel {
  return flowDocument({ document: testDocument(blocks, { footnotes: options.footnotes }), style: options.style ?? fakePageStyle(), measure: fakeMeasure, charts: options.charts ?? new Map() });
}

/** `count` words of plain prose, starting at the `seed`th of a fixed list. */
export const words = (count: number, seed = 0) => Array.from({ length: count }, (_, i) => ['civil', 'society', 'organisations', 'in', 'the', 'regions', 'depend', 'on', 'grants'][(i + seed) % 9]).join(' ');
/** A body paragraph of `count` words. */
export const paragraph = (count: number, seed = 0): Block => ({ kind: 'paragraph', inlines: [{ kind: 'text', text: words(count, seed) }] });
/** A part title that opens a page, with its title as anchor. */
export const chapter = (title: string): Block => ({ kind: 'heading', level: 1, text: title, anchor: title, inContents: true, newPage: true });
/** A section heading, with its title as anchor. */
export const heading = (level: 2 | 3 | 4, text: string): Block => ({ kind: 'heading', level, text, anchor: text, inContents: true });

/** The text lines placed on a page. */
export const linesOf = (page: Page): PlacedLine[] => page.items.filter((item: PlacedItem): item is PlacedLine => item.kind === 'line');
/** A placed line's text, trailing space dropped. */
export const textOf = (line: PlacedLine) => line.line.runs.map((run) => run.text).join('').trimEnd();
/** Distinct line positions of a page's text: lines as a reader counts them. */
export const linesOn = (page: Page) => new Set(linesOf(page).map((item) => Math.round(item.y))).size;
/** Index of the page an anchor (heading, figure, table) was placed on. */
export const pageOf = (model: PageModel, anchor: string) => model.anchorPages.get(anchor)!;
