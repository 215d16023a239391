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
    const result = markdownToBlocks('Membership stands at 46.9.[^1]\n\n[^1]: Survey.', 'en', 1, { file: 'f.md' }, 'f');
    kept.set('k', result);
    const copy = kept.get('k')!;
    copy.items.length = 0;
    copy.footnotes.clear();
    (result.items[0] as { kind: string }).kind = 'heading';
    expect(kept.get('k')).toEqual(markdownToBlocks('Membership stands at 46.9.[^1]\n\n[^1]: Survey.', 'en', 1, { file: 'f.md' }, 'f'));
  });

  it('is keyed by everything the blocks depend on', () => {
    const base = ['Text.', 'en', 1, { file: 'f.md', line: 1 }, 'f', true] as const;
    const variants = [
      ['Text!', 'en', 1, { file: 'f.md', line: 1 }, 'f', true],
      ['Text.', 'ru', 1, { file: 'f.md', line: 1 }, 'f', true],
      ['Text.', 'en', 2, { file: 'f.md', line: 1 }, 'f', true],
      ['Text.', 'en', 1, { file: 'g.md', line: 1 }, 'f', true],
      ['Text.', 'en', 1, { file: 'f.md', line: 3 }, 'f', true],
      ['Text.', 'en', 1, { file: 'f.md', line: 1 }, 'g', true],
      ['Text.', 'en', 1, { file: 'f.md', line: 1 }, 'f', false],
    ] as const;
    const keys = new Set([base, ...variants].map(([text, locale, first, source, prefix, maps]) => markdownKey(text, locale, first, source, prefix, maps)));
    expect(keys.size).toBe(variants.length + 1);
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
