import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { SimpleShaper, type ShapingFont } from '../../pipeline/theme/simple-shaping.ts';
import { loadTheme } from '../../pipeline/theme/index.ts';
import { repoRoot } from '../helpers/project.ts';

const theme = loadTheme(repoRoot, 'templates');
const faces = Object.entries(theme.font.faces);

/** fontkit's own shaping of `text`, on a font instance of its own: glyph ids and positions. */
function reference(font: ShapingFont, text: string) {
  const run = font.layout(text);
  return { ids: run.glyphs.map((g) => g.id), positions: run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })) };
}

function fresh(file: string): ShapingFont {
  return fontkit.openSync(file) as unknown as ShapingFont;
}

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(md|yaml)$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Every word of the default country's texts and the framework, with the trailing space pdfkit shapes it with. */
const words = [...new Set([...textFiles(join(repoRoot, 'data')), ...textFiles(join(repoRoot, 'templates'))].join(' ').split(/[\s]+/).filter(Boolean).map((w) => `${w} `))];

describe('shaping plain words without the OpenType engine', () => {
  it.each(faces)('gives what fontkit gives for every word of the data and templates (%s)', (_name, face) => {
    const shaper = new SimpleShaper(face.font as unknown as ShapingFont);
    const font = fresh(face.file);
    let plain = 0;
    for (const word of words) {
      const shaped = shaper.shape(word);
      if (!shaped) continue;
      plain++;
      expect({ ids: shaped.glyphs.map((g) => g.id), positions: shaped.positions }, word).toEqual(reference(font, word));
      expect(shaped.glyphs.map((g) => g.codePoints[0]), word).toEqual(Array.from(word, (c) => c.codePointAt(0)));
    }
    // Most words are plain, or the fast path would be doing nothing.
    expect(plain / words.length).toBeGreaterThan(0.8);
  });

  it('gives what fontkit gives for any string, or leaves it to fontkit', () => {
    const face = theme.font.faces.regular;
    const shaper = new SimpleShaper(face.font as unknown as ShapingFont);
    const font = fresh(face.file);
    // Letters of the three languages, digits and punctuation, plus what shaping treats specially:
    // ligature letters, combining marks, a soft hyphen, the fraction slash, a variation selector, no-break and zero-width spaces.
    const alphabet = [...'AVTWYafilkorvy.,;:-–—«»“”"\'()[]/%0123456789 ', ...'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяё', ...'ӘәҒғҚқҢңӨөҰұҮүҺһІі', '\u0301', '\u0308', '\u00ad', '\u2044', '\ufe0f', '\u00a0', '\u200b', '\u2009'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 8 }), (chars) => {
        const text = chars.join('');
        const shaped = shaper.shape(text);
        if (shaped) expect({ ids: shaped.glyphs.map((g) => g.id), positions: shaped.positions }).toEqual(reference(font, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves ligatures, marks and fractions to fontkit', () => {
    const shaper = new SimpleShaper(theme.font.faces.regular.font as unknown as ShapingFont);
    expect(shaper.shape('office')).toBeUndefined();
    expect(shaper.shape('e\u0301')).toBeUndefined();
    expect(shaper.shape('1\u20442')).toBeUndefined();
    expect(shaper.shape('AVT')).toBeDefined();
    expect(shaper.shape('Қазақстан')).toBeDefined();
  });
});
