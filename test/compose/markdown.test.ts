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

describe('words in another language', () => {
  const problems = (markdown: string) => markdownToBlocks(markdown, 'en', 1, { file: 'text.md' }, 'text').problems;

  it('marks a bracketed span with its language, and only its words', () => {
    const [paragraph] = blocks('The law [*«О некоммерческих организациях»*]{lang=ru} of 2001.');
    expect(paragraph).toMatchObject({ kind: 'paragraph', inlines: [
      { kind: 'text', text: 'The law ' },
      { kind: 'text', text: '«О некоммерческих организациях»', italic: true, lang: 'ru' },
      { kind: 'text', text: ' of 2001.' },
    ] });
    expect(paragraph!.kind === 'paragraph' && paragraph.inlines[0]).not.toHaveProperty('lang');
  });

  it('writes the language tag in its canonical form', () => {
    const [paragraph] = blocks('See [the Guardian]{lang=EN-gb}.');
    expect(paragraph!.kind === 'paragraph' && paragraph.inlines[1]).toMatchObject({ text: 'the Guardian', lang: 'en-GB' });
  });

  it('refuses a span that names no language, or a language that is none, at its line', () => {
    expect(problems('One.\n\nA [word]{.x} here.')).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/\[word\]\{…\} names no language/) })]);
    expect(problems('A [word]{lang=russian}.')[0]!.message).toMatch(/"russian", which is not a language code/);
    expect(problems('A [word]{lang=xq}.')[0]!.message).toMatch(/"xq", which is no known language/);
  });

  it('leaves square brackets that are no span as they were', () => {
    const [paragraph] = blocks('[Heinrich, 2008] and [sic].');
    expect(paragraph).toMatchObject({ kind: 'paragraph', inlines: [{ kind: 'text', text: '[Heinrich, 2008] and [sic].' }] });
  });
});
