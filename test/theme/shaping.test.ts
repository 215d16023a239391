import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { HarfBuzzShaper, type ShapingFont } from '../../pipeline/theme/shaping.ts';
import { loadTheme } from '../../pipeline/theme/index.ts';
import { repoRoot } from '../helpers/project.ts';
import { FontMemory } from '../../pipeline/theme/font-memory.ts';
import { measureText } from '../../pipeline/theme/measure.ts';
import { openTheme } from '../../pipeline/build/layout-runner.ts';
import { portableTheme } from '../../pipeline/build/layout-job.ts';
import { sharedFaces } from '../../pipeline/theme/shared-face.ts';
import { fontFaces } from '../../pipeline/theme/faces.ts';

const theme = loadTheme(repoRoot, 'templates');
const faces = Object.entries(theme.font.faces);

/**
 * fontkit's own shaping of `text`: glyphs and positions, each glyph naming the characters it
 * was made from, as the layout writes them. fontkit names a glyph two characters share (a
 * space and a no-break space) after the one it met first, in this text or an earlier one, so
 * its names are not taken: each glyph takes as many characters of the text, in order, as
 * fontkit's names count (one, or the letters of a ligature).
 */
function reference(font: ShapingFont, text: string) {
  const run = font.layout(text);
  const chars = Array.from(text, (c) => c.codePointAt(0)!);
  let next = 0;
  return {
    ids: run.glyphs.map((g) => g.id),
    advances: run.glyphs.map((g) => g.advanceWidth),
    codePoints: run.glyphs.map((g) => chars.slice(next, (next += g.codePoints.length))),
    positions: run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })),
  };
}

function shapedBy(shaper: HarfBuzzShaper, text: string) {
  const run = shaper.shape(text);
  return run && { ids: run.glyphs.map((g) => g.id), advances: run.glyphs.map((g) => g.advanceWidth), codePoints: run.glyphs.map((g) => g.codePoints), positions: run.positions };
}

function fresh(file: string): ShapingFont {
  return fontkit.openSync(file) as unknown as ShapingFont;
}

function harfBuzz(file: string): HarfBuzzShaper {
  return new HarfBuzzShaper(fresh(file), readFileSync(file));
}

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(md|yaml|hbs)$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Every word of the default country's texts, the frameworks and the templates, alone and with the trailing space pdfkit shapes it with. */
const words = [...new Set([...textFiles(join(repoRoot, 'data')), ...textFiles(join(repoRoot, 'templates'))].join(' ').split(/[\s]+/).filter(Boolean).flatMap((w) => [w, `${w} `]))];

describe('shaping by HarfBuzz', () => {
  it.each(faces)('gives what fontkit gives for every word of the data and templates (%s)', (_name, face) => {
    const shaper = harfBuzz(face.file);
    const font = fresh(face.file);
    let shaped = 0;
    for (const word of words) {
      const run = shapedBy(shaper, word);
      if (!run) continue;
      shaped++;
      expect(run, word).toEqual(reference(font, word));
    }
    // Nearly every word is HarfBuzz's, or it would be doing nothing.
    expect(shaped / words.length).toBeGreaterThan(0.99);
  });

  it('gives what fontkit gives for any string, or leaves it to fontkit', () => {
    const face = theme.font.faces.regular;
    const shaper = harfBuzz(face.file);
    const font = fresh(face.file);
    // Letters of the three languages, digits and punctuation, plus what shaping treats specially:
    // ligature letters, combining marks, a soft hyphen, the fraction slash, a variation selector, no-break and zero-width spaces.
    const alphabet = [...'AVTWYafilkorvy.,;:-–—«»“”"\'()[]/%0123456789 ', ...'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяё', ...'ӘәҒғҚқҢңӨөҰұҮүҺһІі', '\u0301', '\u0308', '\u00ad', '\u2044', '\ufe0f', '\u00a0', '\u200b', '\u2009', '\u20b8', '№'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 8 }), (chars) => {
        const text = chars.join('');
        const run = shapedBy(shaper, text);
        if (run) expect(run).toEqual(reference(font, text));
      }),
      // Also the texts where a ligature run holds both a space and a no-break space, which
      // share a glyph: each names its own character.
      { numRuns: 3000, examples: [[[' ', 'f', 'f', '\u00a0']], [['\u00a0', 'f', 'f', ' ']], [['\u00a0', 'f', 'f', ' ', 'A']]] },
    );
  });

  it('shapes ligatures and kerning itself, and leaves marks and fractions to fontkit', () => {
    const shaper = harfBuzz(theme.font.faces.regular.file);
    const office = shaper.shape('office')!;
    expect(office.glyphs.length).toBeLessThan(6);
    expect(office.glyphs.flatMap((g) => g.codePoints)).toEqual([...'office'].map((c) => c.codePointAt(0)));
    expect(shaper.shape('AVT')!.positions[0]!.xAdvance).toBeLessThan(shaper.font.getGlyph(shaper.shape('A')!.glyphs[0]!.id).advanceWidth);
    expect(shaper.shape('Қазақстан')).toBeDefined();
    expect(shaper.shape('e\u0301')).toBeUndefined();
    expect(shaper.shape('1\u20442')).toBeUndefined();
    expect(shaper.shape('co\u00adop')).toBeUndefined();
  });

  // fontkit names a glyph after the character it was first made for, and hides a glyph named
  // after an invisible one: the hyphen glyph, met first through a soft hyphen, vanished from
  // every later word fontkit shapes.
  it('keeps the hyphen of a word with a combining mark after a soft hyphen was shaped', () => {
    const shaped = (texts: string[]) => {
      const own = loadTheme(repoRoot, 'templates');
      const faces = sharedFaces(fontFaces(own), own.memory);
      const face = faces.get(own.font.faces.regular.name)!;
      return texts.map((text) => face.run(text)).map(({ glyphs, positions }) => glyphs.map((glyph, i) => [glyph.id, glyph.codePoints, positions[i]!.xAdvance]));
    };
    const [, after] = shaped(['co\u00adop', '-\u0301']);
    const [alone] = shaped(['-\u0301']);
    expect(after).toEqual(alone);
    expect(after![0]).toEqual([expect.any(Number), [0x2d], expect.any(Number)]);
    expect(after![0]![2]).toBeGreaterThan(0);
  });
});

describe('the theme\'s faces', () => {
  it('are shaped by HarfBuzz from the bytes the theme was read from, on the main thread and in a layout thread\'s reading', () => {
    const read = loadTheme(repoRoot, 'templates', { fonts: new FontMemory() });
    const reopened = openTheme(portableTheme(read), new FontMemory());
    for (const opened of [read, reopened]) {
      for (const face of Object.values(opened.font.faces)) expect(opened.memory.bytes.get(face.font)).toEqual(readFileSync(face.file));
      measureText(opened, 'Гражданское общество Қазақстан', 10, 'bold', 'normal');
      expect([...opened.memory.shapers.values()].map((shaper) => shaper.font)).toEqual([opened.font.faces.bold.font]);
    }
  });
});
