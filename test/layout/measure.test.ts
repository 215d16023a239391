import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComposedDocument } from '../../pipeline/document/types.ts';
import { textColumnWidth } from '../../pipeline/layout/measure.ts';
import type { PageStyle } from '../../pipeline/theme/style.ts';

/** A face whose every character, space included, is `advance` points wide, counted in code points as a reader counts characters. */
const monospace = (advance: number) => (text: string) => [...text].length * advance;

const style = (characters: number) => ({ measure: { characters, min: 0, max: 10_000 }, body: { font: 'body', size: 10 } }) as unknown as PageStyle;

const paragraphs = (texts: string[]) => ({ blocks: texts.map((text) => ({ kind: 'paragraph', inlines: [{ kind: 'text', text }] })) }) as unknown as ComposedDocument;

describe('the text column width', () => {
  it('is the measure in characters times the width of an average character, whatever the text', () => {
    // Words of Latin, Cyrillic and Kazakh letters, digits and characters outside the Basic
    // Multilingual Plane (two UTF-16 units, one character), between single and repeated spaces.
    const letter = fc.constantFrom(...'abcXYZ9абвҚқңүұ', '𝔸', '😀');
    const word = fc.array(letter, { minLength: 1, maxLength: 12 }).map((letters) => letters.join(''));
    const text = fc.tuple(fc.array(word, { minLength: 1, maxLength: 30 }), fc.constantFrom(' ', '  ', ' \n ')).map(([words, gap]) => words.join(gap));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.integer({ min: 40, max: 90 }), fc.integer({ min: 3, max: 7 }), (texts, characters, advance) => {
        expect(textColumnWidth(paragraphs(texts), style(characters), monospace(advance), 10_000)).toBe(characters * advance);
      }),
    );
  });

  it('keeps to the style’s bounds and the page', () => {
    const document = paragraphs(['a few words of running text']);
    expect(textColumnWidth(document, { ...style(65), measure: { characters: 65, min: 400, max: 450 } } as PageStyle, monospace(5), 1000)).toBe(400);
    expect(textColumnWidth(document, { ...style(65), measure: { characters: 65, min: 100, max: 200 } } as PageStyle, monospace(5), 1000)).toBe(200);
    expect(textColumnWidth(document, style(65), monospace(5), 300)).toBe(300);
  });
});
