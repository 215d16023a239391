import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '../../pipeline/compose/markdown.ts';

const blocks = (markdown: string) => markdownToBlocks(markdown, 'en', 1, { file: 'text.md' }, 'text').items;

describe('lists in the narrative', () => {
  it('keeps a list inside an item nested, with each item\'s depth', () => {
    const [list] = blocks('- Surveys, namely:\n  - a population survey;\n  1. an organisational survey.\n- Case studies.\n');
    expect(list).toMatchObject({ kind: 'list', ordered: false, levels: [0, 1, 1, 0] });
    expect(list!.kind === 'list' && list.items.map((item) => item.map((inline) => ('text' in inline ? inline.text : '')).join(''))).toEqual(['Surveys, namely:', 'a population survey;', 'an organisational survey.', 'Case studies.']);
  });

  it('leaves a flat list as it was: no levels', () => {
    const [list] = blocks('1. One\n2. Two\n');
    expect(list).toMatchObject({ kind: 'list', ordered: true });
    expect(list).not.toHaveProperty('levels');
  });
});
