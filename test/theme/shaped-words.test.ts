import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCache } from '../../pipeline/cache/store.ts';
import { RunParts, ShapedWords, type ShapedRun } from '../../pipeline/theme/shaped-words.ts';
import type { FontGlyph, GlyphPosition } from '../../pipeline/theme/shaping.ts';

/** A run as pdfkit's `layoutRun` leaves it, each glyph and position an object of its own: what a face's shared parts must give. */
function scaledRun(glyphs: FontGlyph[], units: GlyphPosition[], scale: number): ShapedRun {
  let advanceWidth = 0;
  const positions = units.map((p, i) => {
    const position = { xAdvance: p.xAdvance * scale, yAdvance: p.yAdvance * scale, xOffset: p.xOffset * scale, yOffset: p.yOffset * scale, advanceWidth: glyphs[i]!.advanceWidth * scale };
    advanceWidth += position.xAdvance;
    return position;
  });
  return { glyphs, positions, advanceWidth };
}

/** A word's glyphs and positions in font units made up from numbers: glyph ids, advances and offsets, whole or not. */
const shapedWords = fc.array(
  fc.record({ id: fc.integer({ min: 0, max: 3000 }), advance: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.double({ min: -50, max: 2000, noNaN: true })), offset: fc.constantFrom(0, 0, 0, 12, -7.5), ligature: fc.boolean() }),
  { minLength: 1, maxLength: 6 },
).map((glyphs) => ({
  glyphs: glyphs.map((g): FontGlyph => ({ id: g.id, advanceWidth: Math.abs(Math.round(g.advance)), codePoints: g.ligature ? [0x66, 0x69] : [0x430 + (g.id % 32)] })),
  units: glyphs.map((g): GlyphPosition => ({ xAdvance: g.advance, yAdvance: 0, xOffset: g.offset, yOffset: 0 })),
}));

/** Words and their shaping, `minKeys` of them or more. */
const vocabulary = (minKeys: number) => fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), shapedWords, { minKeys, maxKeys: 30 });

/** Where a build's words are split between one build and the next, or two threads. */
const cuts = fc.integer({ min: 1, max: 29 });

/** Advances of one glyph id agree within a face, as a font's do. */
function oneAdvancePerGlyph(words: Record<string, { glyphs: FontGlyph[] }>): void {
  const advance = new Map<number, number>();
  for (const { glyphs } of Object.values(words)) for (const glyph of glyphs) glyph.advanceWidth = advance.get(glyph.id) ?? advance.set(glyph.id, glyph.advanceWidth).get(glyph.id)!;
}

type ShapedWord = { glyphs: FontGlyph[]; units: GlyphPosition[] };
const FACE = 'Face|1000';

/** Shapes `entries` into `table`'s face, as a build's text does. */
function shapeInto(table: ShapedWords, entries: readonly [string, ShapedWord][]): void {
  for (const [word, { glyphs, units }] of entries) table.shaped(FACE, word, glyphs, units, table.partsOf(FACE, 1));
}

/** A table saved and read back holds each of `entries` once, with the run it was shaped into. */
async function expectHoldsOnce(table: ShapedWords, entries: readonly [string, ShapedWord][]): Promise<void> {
  expect(table.size()).toBe(entries.length);
  const next = await throughCache(table);
  expect(next.size()).toBe(entries.length);
  const kept = next.keptFace(FACE)!;
  expect([...kept.index.keys()].sort()).toEqual(entries.map(([word]) => word).sort());
  for (const [word, { glyphs, units }] of entries) expect(next.keptRun(kept, word, next.partsOf(FACE, 1))).toEqual(scaledRun(glyphs, units, 1));
}

/** The table's bytes kept in a stage cache folder and read back from it, as the next build reads them. */
async function throughCache(table: ShapedWords): Promise<ShapedWords> {
  const dir = mkdtempSync(join(tmpdir(), 'csi-words-'));
  const cache = fileCache(dir);
  cache.set('memo-words', table.saveBytes());
  await cache.flush();
  const again = new ShapedWords();
  again.loadBytes(fileCache(dir).get('memo-words')!);
  return again;
}

/** Checks `check` for any vocabulary of at least `size` words (one advance per glyph id) and any place to cut it. */
async function forEveryCut(size: number, check: (entries: [string, ShapedWord][], cut: number) => Promise<void>): Promise<void> {
  await fc.assert(
    fc.asyncProperty(vocabulary(size), cuts, async (words, cut) => {
      oneAdvancePerGlyph(words);
      await check(Object.entries(words), cut);
    }),
    { numRuns: 40 },
  );
}

describe('the kept table of shaped words', () => {
  it('gives back, from the bytes a build keeps in .cache, every run as it was shaped', async () => {
    await fc.assert(
      fc.asyncProperty(vocabulary(1), async (words) => {
        oneAdvancePerGlyph(words);
        const table = new ShapedWords();
        const face = 'Face|1000';
        for (const [word, { glyphs, units }] of Object.entries(words)) expect(table.shaped(face, word, glyphs, units, table.partsOf(face, 1))).toEqual(scaledRun(glyphs, units, 1));
        const again = await throughCache(table);
        const kept = again.keptFace(face);
        for (const [word, { glyphs, units }] of Object.entries(words)) expect(again.keptRun(kept, word, again.partsOf(face, 1))).toEqual(scaledRun(glyphs, units, 1));
        // A word measured without its run made: the very width its run gives, at any scale.
        for (const scale of [1, 1000 / 2048, 1000 / 1000.5]) {
          for (const word of Object.keys(words)) expect(again.keptAdvance(kept, word, scale)).toBe(again.keptRun(kept, word, new RunParts(scale))!.advanceWidth);
        }
        expect(again.keptAdvance(kept, '\u0000never saved', 1)).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it('keeps what an earlier build saved and adds what was shaped since, each word once', async () => {
    await forEveryCut(2, async (entries, cut) => {
      const first = new ShapedWords();
      shapeInto(first, entries.slice(0, cut));
      // The next build shapes the others, and one word again (a layout thread's, merged in, may hold it).
      const second = await throughCache(first);
      shapeInto(second, entries.slice(Math.min(cut, entries.length - 1) - 1));
      await expectHoldsOnce(second, entries);
    });
  });

  it("adds what a layout thread shaped to the main thread's table, each word once", async () => {
    await forEveryCut(3, async (entries, cut) => {
      const at = Math.min(cut, entries.length - 2);
      // An earlier build saved the first words; this build's main thread shapes some more,
      // its layout thread others, and both one word.
      const saved = new ShapedWords();
      shapeInto(saved, entries.slice(0, at));
      const main = await throughCache(saved);
      const thread = await throughCache(saved);
      shapeInto(main, entries.slice(at, at + 2));
      shapeInto(thread, entries.slice(at + 1));
      // The thread sends only what it shaped, through a message (structured clone).
      main.merge(structuredClone(thread.made()));
      await expectHoldsOnce(main, entries);
    });
  });

  it('refuses bytes cut short, rather than serve a wrong run', () => {
    const table = new ShapedWords();
    table.shaped('Face|1000', 'ab', [{ id: 5, advanceWidth: 500, codePoints: [0x61] }, { id: 6, advanceWidth: 520, codePoints: [0x62] }], [{ xAdvance: 500, yAdvance: 0, xOffset: 0, yOffset: 0 }, { xAdvance: 520, yAdvance: 0, xOffset: 0, yOffset: 0 }], table.partsOf('Face|1000', 1));
    const bytes = table.saveBytes();
    expect(() => new ShapedWords().loadBytes(bytes.subarray(0, bytes.length - 8))).toThrow(/past the end/);
  });
});

describe("a face's shared glyphs and positions", () => {
  /** A glyph of a small face: its id, a code point (astral ones too), and positions with kerning, offsets or signed zeros now and then. */
  const glyph = fc.record({
    id: fc.integer({ min: 0, max: 40 }),
    codePoint: fc.constantFrom(0x61, 0x62, 0x20, 0x430, 0x1f600),
    ligature: fc.boolean().map((b) => b && Math.random() < 0.2),
    xAdvance: fc.oneof(fc.constantFrom(500, 520, -0, 0), fc.integer({ min: -40, max: 1200 }), fc.double({ min: -60, max: 1200, noNaN: true })),
    offset: fc.constantFrom(0, 0, 0, -0, 12, -7.5),
  });
  const word = fc.array(glyph, { minLength: 1, maxLength: 7 });

  it('give every run exactly the run made of objects of its own, at any scale', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.constantFrom(1, 1000 / 2048, 1000 / 1000.5), (words, scale) => {
        const parts = new RunParts(scale);
        // A glyph id's advance width is the font's, the same in every word.
        const advanceOf = (id: number) => 300 + ((id * 37) % 700) + (id % 3 === 0 ? 0.5 : 0);
        for (const glyphs of words) {
          const fontGlyphs = glyphs.map((g) => ({ id: g.id, advanceWidth: advanceOf(g.id), codePoints: g.ligature ? [g.codePoint, 0x69] : [g.codePoint] }));
          const units = glyphs.map((g) => ({ xAdvance: g.xAdvance, yAdvance: 0, xOffset: g.offset, yOffset: 0 }));
          expect(parts.run(fontGlyphs, units)).toEqual(scaledRun(fontGlyphs, units, scale));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('hold one object for a glyph and one for a position, however many words use them', () => {
    const parts = new RunParts(0.5);
    const a = { id: 3, advanceWidth: 500, codePoints: [0x61] };
    const b = { id: 4, advanceWidth: 520, codePoints: [0x62] };
    const plain = (x: number) => ({ xAdvance: x, yAdvance: 0, xOffset: 0, yOffset: 0 });
    const runs = Array.from({ length: 1000 }, (_, i) => (i % 2 ? parts.run([a, b, a], [plain(500), plain(510), plain(500)]) : parts.run([b, a], [plain(520), plain(500)])));
    expect(runs[0]!.glyphs[1]).toBe(runs[1]!.glyphs[0]);
    expect(runs[1]!.positions[0]).toBe(runs[1]!.positions[2]);
    expect(runs[0]!.positions[1]).toBe(runs[2]!.positions[1]);
    // The same x advance with another glyph's advance width is another position.
    const kerned = parts.run([b], [plain(500)]).positions[0]!;
    expect(kerned).not.toBe(runs[1]!.positions[0]);
    expect(kerned.advanceWidth).toBe(260);
    // A glyph given twice with another advance width, or a position with an offset, is not shared.
    const odd = parts.run([{ id: 3, advanceWidth: 501, codePoints: [0x61] }], [{ xAdvance: 500, yAdvance: 0, xOffset: 3, yOffset: 0 }]);
    expect(odd.glyphs[0]!.advanceWidth).toBe(501);
    expect(odd.glyphs[0]).not.toBe(runs[1]!.glyphs[0]);
    expect(odd.positions[0]!.xOffset).toBe(1.5);
    expect(parts.run([a], [plain(500)]).positions[0]).toBe(runs[1]!.positions[0]);
  });
});
