import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '../../pipeline/compose/markdown.ts';
import { MarkdownBlocks, markdownKey } from '../../pipeline/compose/markdown-blocks.ts';
import { composeDocument, figureInfos, messagesFor } from '../../pipeline/compose/index.ts';
import { BuildMemory } from '../../pipeline/build/memory.ts';
import { ingestDataset } from '../../pipeline/ingest/index.ts';
import { scoreDataset } from '../../pipeline/score/index.ts';
import { repoRoot } from '../helpers/project.ts';

/** Pieces of narrative Markdown: headings, emphasis, notes, lists, spans in another language, markers of figures. */
const piece = fc.constantFrom(
  '# Findings',
  '### Volunteering',
  'Membership stands at *46.9* and **rises**.',
  'See "the law" -- of 2001.[^1]',
  '[^1]: Household survey, 2009.',
  '- Surveys, namely:\n  - a population survey;\n- Case studies.',
  '1. One\n2. Two',
  'The law [*«О некоммерческих организациях»*]{lang=ru} of 2001.',
  '@@figure:III.2.1@@',
  '[a link](https://civicus.org) and [a place](#findings-1).',
  'Қазақстан азаматтық қоғамы «дамып келеді».',
);
const markdown = fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join('\n\n'));

describe('Markdown read into blocks, kept in the build\'s memory', () => {
  it('gives back what reading the text gives, for any text, language and first footnote', () => {
    fc.assert(
      fc.property(markdown, fc.constantFrom('en', 'ru', 'kk'), fc.integer({ min: 1, max: 40 }), (text, locale, first) => {
        const read = () => markdownToBlocks(text, locale, first, { file: 'findings.md', line: 1 }, 'findings');
        const key = markdownKey(text, locale, first, { file: 'findings.md', line: 1 }, 'findings', false);
        const kept = new MarkdownBlocks();
        kept.set(key, read());
        expect(kept.get(key)).toEqual(read());
        // Saved and loaded again, as the next build reads it.
        const next = new MarkdownBlocks();
        next.load(JSON.parse(JSON.stringify(kept.save())));
        expect(next.get(key)).toEqual(read());
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a result as it was when kept, whatever is done with it or with a copy', () => {
    const kept = new MarkdownBlocks();
    const text = 'Membership stands at 46.9.[^1]\n\n[^1]: Survey.';
    const key = markdownKey(text, 'en', 1, { file: 'f.md' }, 'f', false);
    const result = markdownToBlocks(text, 'en', 1, { file: 'f.md' }, 'f');
    kept.set(key, result);
    const copy = kept.get(key)!;
    copy.items.length = 0;
    copy.footnotes.clear();
    (result.items[0] as { kind: string }).kind = 'heading';
    expect(kept.get(key)).toEqual(markdownToBlocks(text, 'en', 1, { file: 'f.md' }, 'f'));
  });

  it('is keyed by everything the blocks depend on, and its part by all of it but the text and the first footnote', () => {
    const base = ['Text.', 'en', 1, { file: 'f.md', line: 1 }, 'f', true] as const;
    const sameParts = [
      ['Text!', 'en', 1, { file: 'f.md', line: 1 }, 'f', true],
      ['Text.', 'en', 2, { file: 'f.md', line: 1 }, 'f', true],
    ] as const;
    const otherParts = [
      ['Text.', 'ru', 1, { file: 'f.md', line: 1 }, 'f', true],
      ['Text.', 'en', 1, { file: 'g.md', line: 1 }, 'f', true],
      ['Text.', 'en', 1, { file: 'f.md', line: 3 }, 'f', true],
      ['Text.', 'en', 1, { file: 'f.md', line: 1 }, 'g', true],
      ['Text.', 'en', 1, { file: 'f.md', line: 1 }, 'f', false],
    ] as const;
    const keyOf = ([text, locale, first, source, prefix, maps]: (typeof base | (typeof sameParts)[number] | (typeof otherParts)[number])) => markdownKey(text, locale, first, source, prefix, maps);
    const all = [base, ...sameParts, ...otherParts].map(keyOf);
    expect(new Set(all.map((k) => k.key)).size).toBe(all.length);
    expect(new Set([base, ...sameParts].map((args) => keyOf(args).part)).size).toBe(1);
    expect(new Set([base, ...otherParts].map((args) => keyOf(args).part)).size).toBe(otherParts.length + 1);
  });

  it('keeps one result per part: a corrected text replaces the one before, in memory and in what is saved', () => {
    const read = (text: string) => markdownToBlocks(text, 'en', 1, { file: 'f.md', line: 1 }, 'f');
    const keyOf = (text: string, file = 'f.md') => markdownKey(text, 'en', 1, { file, line: 1 }, 'f', true);
    const kept = new MarkdownBlocks();
    kept.set(keyOf('Membership stands at 40.0.'), read('Membership stands at 40.0.'));
    kept.set(keyOf('Volunteering at 12.5.', 'g.md'), read('Volunteering at 12.5.'));
    for (let value = 41; value <= 60; value += 1) kept.set(keyOf(`Membership stands at ${value}.0.`), read(`Membership stands at ${value}.0.`));
    expect(kept.size()).toBe(2);
    expect(kept.get(keyOf('Membership stands at 40.0.'))).toBeUndefined();
    expect(kept.get(keyOf('Membership stands at 60.0.'))).toEqual(read('Membership stands at 60.0.'));
    // The next build loads what was saved; a part it reads anew there replaces the loaded one.
    const next = new MarkdownBlocks();
    next.load(JSON.parse(JSON.stringify(kept.save())));
    expect(next.size()).toBe(2);
    next.set(keyOf('Membership stands at 61.0.'), read('Membership stands at 61.0.'));
    expect(next.size()).toBe(2);
    expect(next.get(keyOf('Volunteering at 12.5.', 'g.md'))).toEqual(read('Volunteering at 12.5.'));
  });

  it('composes the same document from kept blocks as from the text, in a second build of the same memory', () => {
    const dataset = ingestDataset({ root: repoRoot, configPath: 'pipeline.config.yaml' });
    const input = { dataset, scores: scoreDataset(dataset), locale: 'ru', document: 'acr' as const, figures: figureInfos(dataset, new Map(), 'ru'), messages: messagesFor(dataset, 'ru') };
    const memory = new BuildMemory();
    const first = composeDocument({ ...input, markdown: memory.markdown });
    expect(memory.markdown.size()).toBeGreaterThan(10);
    expect(composeDocument({ ...input, markdown: memory.markdown })).toEqual(first);
    expect(composeDocument(input)).toEqual(first);
  });
});
