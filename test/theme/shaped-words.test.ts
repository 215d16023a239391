import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCache } from '../../pipeline/cache/store.ts';
import { scaledRun, ShapedWords, type ShapedRun } from '../../pipeline/theme/shaped-words.ts';

/** A shaped run made up from numbers: glyph ids, advances and offsets, whole or not. */
const runs = fc.array(
  fc.record({ id: fc.integer({ min: 0, max: 3000 }), advance: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.double({ min: -50, max: 2000, noNaN: true })), offset: fc.constantFrom(0, 0, 0, 12, -7.5) }),
  { minLength: 1, maxLength: 6 },
).map((glyphs): ShapedRun => scaledRun(
  glyphs.map((g) => ({ id: g.id, advanceWidth: Math.abs(Math.round(g.advance)), codePoints: [0x430 + (g.id % 32)] })),
  glyphs.map((g) => ({ xAdvance: g.advance, yAdvance: 0, xOffset: g.offset, yOffset: 0 })),
  1000 / 1000,
));

describe('the kept table of shaped words', () => {
  it('gives back, from the bytes a build keeps in .cache, every run as it was shaped', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), runs, { minKeys: 1, maxKeys: 30 }), (words) => {
        // Advances of one glyph id agree within a face, as a font's do.
        const advance = new Map<number, number>();
        for (const run of Object.values(words)) for (const glyph of run.glyphs) glyph.advanceWidth = advance.get(glyph.id) ?? advance.set(glyph.id, glyph.advanceWidth).get(glyph.id)!;
        const table = new ShapedWords();
        const face = 'Face|1000';
        const shaped = table.wordsOf(face);
        for (const [word, run] of Object.entries(words)) shaped.set(word, scaledRun(run.glyphs, run.units, 1));
        const cache = fileCache(mkdtempSync(join(tmpdir(), 'csi-words-')));
        cache.set('memo-words', table.saveBytes());
        const again = new ShapedWords();
        again.loadBytes(cache.get('memo-words')!);
        const kept = again.keptFace(face);
        for (const [word, run] of Object.entries(words)) expect(again.keptRun(kept, word, 1)).toEqual(scaledRun(run.glyphs.map((g) => ({ ...g, codePoints: g.codePoints })), run.units, 1));
        // A word measured without its run made: the very width its run gives, at any scale.
        for (const scale of [1, 1000 / 2048, 1000 / 1000.5]) {
          for (const word of Object.keys(words)) expect(again.keptAdvance(kept, word, scale)).toBe(again.keptRun(kept, word, scale)!.advanceWidth);
        }
        expect(again.keptAdvance(kept, '\u0000never saved', 1)).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it('refuses bytes cut short, rather than serve a wrong run', () => {
    const table = new ShapedWords();
    table.wordsOf('Face|1000').set('ab', scaledRun([{ id: 5, advanceWidth: 500, codePoints: [0x61] }, { id: 6, advanceWidth: 520, codePoints: [0x62] }], [{ xAdvance: 500, yAdvance: 0, xOffset: 0, yOffset: 0 }, { xAdvance: 520, yAdvance: 0, xOffset: 0, yOffset: 0 }], 1));
    const bytes = table.saveBytes();
    expect(() => new ShapedWords().loadBytes(bytes.subarray(0, bytes.length - 8))).toThrow(/past the end/);
  });
});
