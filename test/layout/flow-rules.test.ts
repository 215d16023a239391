import { describe, expect, it } from 'vitest';
import type { Block, TableBlock } from '../../pipeline/document/types.ts';
import { columnWidths } from '../../pipeline/layout/columns.ts';
import { flowDocument } from '../../pipeline/layout/flow.ts';
import { testDocument } from '../helpers/documents.ts';
import { chapter, fakeMeasure, fakePageStyle, paragraph, words } from '../helpers/fake-page.ts';

const measure = fakeMeasure;
const pageStyle = fakePageStyle;
const documentOf = (blocks: Block[]) => testDocument(blocks);

describe('the page rules', () => {
  it('sets the text column to the measure in characters of the document\'s own text', () => {
    const model = flowDocument({ document: documentOf([chapter('One'), paragraph(400)]), style: pageStyle(), measure, charts: new Map() });
    const lines = model.pages.flatMap((page) => page.items).filter((item) => item.kind === 'line' && item.style.size === 10);
    const full = lines.slice(0, -1).map((item) => (item.kind === 'line' ? item.line.runs.map((run) => run.text).join('').trimEnd().length : 0));
    const median = [...full].sort((a, b) => a - b)[Math.floor(full.length / 2)]!;
    // A line holds at most the measure; a justified line without hyphenation loses part of a word.
    expect(median).toBeGreaterThanOrEqual(0.85 * 66);
    expect(median).toBeLessThanOrEqual(66);
  });

  it('indents a nested list under its item, tagged as a list inside that item\'s body', () => {
    const item = (text: string) => [{ kind: 'text' as const, text }];
    const list: Block = { kind: 'list', ordered: true, items: [item('Surveys, namely:'), item('a population survey'), item('an organisational survey'), item('Case studies')], levels: [0, 1, 1, 0] };
    const model = flowDocument({ document: documentOf([list]), style: pageStyle(), measure, charts: new Map() });
    const lines = model.pages[0]!.items.flatMap((placed) => (placed.kind === 'line' ? [{ x: placed.x, text: placed.line.runs.map((run) => run.text).join('').trim(), struct: placed.struct }] : []));
    const at = (text: string) => lines.find((line) => line.text === text)!;
    expect(at('a population survey').x).toBeGreaterThan(at('Surveys, namely:').x);
    expect(at('an organisational survey').x).toBe(at('a population survey').x);
    expect(at('Case studies').x).toBe(at('Surveys, namely:').x);
    // Numbers count the items of their own level: the fourth item is the second of the top list.
    expect(lines.map((line) => line.text).filter((text) => /^\d+\.$|^–$/.test(text))).toEqual(['1.', '–', '–', '2.']);
    const parentOf = (id: number | undefined) => model.structs[id!]!.parent;
    const roleOf = (id: number | undefined) => model.structs[id!]!.role;
    // P of "a population survey" → LBody → LI → L → LBody of "Surveys, namely:", where the
    // item's own words (its P) come before the sub-list, as they are read.
    const bodyOf = (text: string) => parentOf(at(text).struct);
    expect(roleOf(at('a population survey').struct)).toBe('P');
    expect(roleOf(bodyOf('a population survey'))).toBe('LBody');
    const nestedList = parentOf(parentOf(bodyOf('a population survey')));
    expect(roleOf(nestedList)).toBe('L');
    expect(parentOf(nestedList)).toBe(bodyOf('Surveys, namely:'));
    expect(at('Surveys, namely:').struct!).toBeLessThan(nestedList!);
  });

  it('sets a list of entries ragged when it asks to, and a narrative list justified', () => {
    const entries = (ragged: boolean): Block => ({ kind: 'list', ordered: false, ragged, items: [[{ kind: 'text', text: words(40, 1) }], [{ kind: 'text', text: words(50, 2) }]] });
    const stretched = (ragged: boolean) => {
      const model = flowDocument({ document: documentOf([entries(ragged)]), style: pageStyle(), measure, charts: new Map() });
      return model.pages[0]!.items.some((item) => item.kind === 'line' && item.line.runs.some((run) => (run.spacing ?? 0) !== 0));
    };
    expect(stretched(false)).toBe(true);
    expect(stretched(true)).toBe(false);
  });

  it('keeps a run of headings on the page of the first two items of the list they introduce', () => {
    const heading = (level: 2 | 3, text: string): Block => ({ kind: 'heading', level, text, anchor: text, inContents: false });
    const names: Block = { kind: 'list', ordered: false, ragged: true, items: Array.from({ length: 12 }, (_, i) => [{ kind: 'text' as const, text: `Name ${i}, place` }]) };
    // Fillers ending at every height near the foot of the first page: body lines, and small
    // one-line paragraphs whose other leading shifts the end by less than a body line.
    const small = (seed: number): Block => ({ kind: 'paragraph', style: 'small', inlines: [{ kind: 'text', text: words(3, seed) }] });
    for (let count = 330; count <= 400; count += 5) {
      for (let smalls = 0; smalls < 14; smalls += 1) {
        const filler = [paragraph(count), ...Array.from({ length: smalls }, (_, i) => small(i))];
        const model = flowDocument({ document: documentOf([...filler, heading(2, 'Appendix'), heading(3, 'City'), names]), style: pageStyle(), measure, charts: new Map() });
        const page = model.anchorPages.get('Appendix')!;
        expect(model.anchorPages.get('City'), `${count} words, ${smalls} small`).toBe(page);
        const items = model.pages[page]!.items.filter((item) => item.kind === 'line' && item.line.runs.some((run) => run.text.startsWith('Name')));
        expect(items.length, `${count} words, ${smalls} small`).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

describe('table columns', () => {
  it('keeps a "No." column as narrow as its numbers and gives the text the room', () => {
    const table: TableBlock = { kind: 'table', anchor: 't', caption: '', header: [{ text: 'No.' }, { text: 'Organisation' }, { text: 'Place' }], widths: [1, 1, 1], rows: [[{ text: '1' }, { text: 'Public Policy Research Center, a research institute' }, { text: 'Almaty' }], [{ text: '12' }, { text: 'Forum of Non-Commercial Organisations' }, { text: 'Astana' }]] };
    const [no, organisation, place] = columnWidths(table, 400, pageStyle().table, pageStyle().fonts, measure, 4);
    expect(no! + organisation! + place!).toBeCloseTo(400, 6);
    expect(no).toBeLessThan(place!);
    expect(organisation).toBeGreaterThan(2 * place!);
    expect(no).toBeLessThan(50);
  });

  it('gives every column at least its longest word when the table is too narrow for its cells', () => {
    const table: TableBlock = { kind: 'table', anchor: 't', caption: '', header: [{ text: 'Id' }, { text: 'Description' }], widths: [1, 1], rows: [[{ text: 'A-1' }, { text: 'a rather long description that must wrap onto several lines' }]] };
    const [id, description] = columnWidths(table, 120, pageStyle().table, pageStyle().fonts, measure, 4);
    expect(id).toBeGreaterThanOrEqual(measure('A-1', 'R', 8.5) + 8);
    expect(description).toBeGreaterThanOrEqual(measure('description', 'R', 8.5) + 8);
  });
});
