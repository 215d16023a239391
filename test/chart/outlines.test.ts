import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LabelOutlines, type LabelFont } from '../../pipeline/chart/outlines.ts';
import { faceNames, type FaceName, type Theme } from '../../pipeline/theme/types.ts';
import { chartsFor, kazakhstan, locales } from './kazakhstan.ts';

function labelFont(theme: Theme): LabelFont {
  return { family: theme.font.family, files: Object.fromEntries(faceNames.map((name) => [name, theme.font.faces[name].file])) as Record<FaceName, string> };
}

/** The picture's pixels as resvg draws it, with the theme's font files or with none. */
function pixels(svg: string, fonts: string[]): { width: number; height: number; rgba: Uint8Array } {
  const image = new Resvg(svg, { font: { fontFiles: fonts, loadSystemFonts: false }, fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff' }).render();
  return { width: image.width, height: image.height, rgba: new Uint8Array(image.pixels) };
}

/**
 * How many pixels of two drawings differ by more than a quarter of the scale in a channel:
 * the edges of a glyph may be shaded a little differently, a misplaced or missing glyph
 * differs in dozens of pixels at once.
 */
function differentPixels(a: ReturnType<typeof pixels>, b: ReturnType<typeof pixels>): number {
  expect([b.width, b.height]).toEqual([a.width, a.height]);
  let different = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    for (let channel = 0; channel < 4; channel++) {
      if (Math.abs(a.rgba[i + channel]! - b.rgba[i + channel]!) > 64) {
        different += 1;
        break;
      }
    }
  }
  return different;
}

/** A picture of texts, as Vega writes them. */
function picture(texts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="${texts.length * 24 + 10}" viewBox="0 0 320 ${texts.length * 24 + 10}">${texts.join('')}</svg>`;
}

describe('chart labels drawn as outlines for the PNG', () => {
  const { theme } = kazakhstan();
  const fonts = Object.values(theme.font.faces).map((face) => face.file);
  const family = `'${theme.font.family}'`;

  it.each(locales)('leaves no text of the %s charts for resvg to set, and the PNGs show what resvg would have set', async (locale) => {
    const outlines = new LabelOutlines(labelFont(theme));
    const charts = await chartsFor(locale);
    expect(charts.size).toBeGreaterThan(20);
    for (const chart of charts.values()) {
      const converted = outlines.convert(chart.svg);
      expect(converted.textLeft, chart.id).toBe(false);
      expect(converted.svg).not.toMatch(/<text\b/);
      expect(differentPixels(pixels(chart.svg, fonts), pixels(converted.svg, [])), chart.id).toBeLessThanOrEqual(2);
    }
  });

  it('sets any label of the three languages where resvg would: anchors, sizes, weights, halos and lines', () => {
    const outlines = new LabelOutlines(labelFont(theme));
    const letters = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZабвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯәғқңөұүһіӘҒҚҢӨҰҮҺІ0123456789 .,;:–—-%()«»"\'/&<>'];
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const label = fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 24 });
    const text = fc.record({
      lines: fc.array(label, { minLength: 1, maxLength: 2 }),
      anchor: fc.constantFrom('start', 'middle', 'end'),
      size: fc.constantFrom(7.5, 8, 8.5, 11),
      weight: fc.constantFrom(undefined, 'normal', 'bold'),
      halo: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (texts) => {
        const svg = picture(texts.map((t, i) => {
          const x = t.anchor === 'start' ? 10 : t.anchor === 'middle' ? 160 : 310;
          const weight = t.weight ? ` font-weight="${t.weight}"` : '';
          const content = t.lines.length === 1 ? escape(t.lines[0]!) : t.lines.map((line, n) => (n === 0 ? `<tspan>${escape(line)}</tspan>` : `<tspan x="0" dy="10.2">${escape(line)}</tspan>`)).join('');
          const at = `text-anchor="${t.anchor}" transform="translate(${x},${i * 24 + 16})" font-family="${family}" font-size="${t.size}px"${weight}`;
          // A halo as the charts draw one: the label stroked in the background's colour under the label.
          const halo = t.halo ? `<text ${at} fill="#ffffff" stroke="#ffffff" stroke-width="2.5" stroke-linejoin="round">${content}</text>` : '';
          return `${halo}<text ${at} fill="#1f2328" opacity="1">${content}</text>`;
        }));
        const converted = outlines.convert(svg);
        // Where lines join, SVG joins their spaces; such a text is left to resvg.
        const joinsSpaces = texts.some((t) => t.lines.some((line, n) => (n > 0 && /^\s/.test(line)) || (n < t.lines.length - 1 && /\s$/.test(line))));
        expect(converted.textLeft).toBe(joinsSpaces);
        expect(differentPixels(pixels(svg, fonts), pixels(converted.svg, converted.textLeft ? fonts : []))).toBeLessThanOrEqual(2);
      }),
      { numRuns: 40 },
    );
  });

  it('leaves to resvg a text it cannot set alone, and sets the others', () => {
    const outlines = new LabelOutlines(labelFont(theme));
    const texts = [
      // A glyph the theme's faces lack: resvg looks for it in the other fonts it is given.
      `<text transform="translate(10,20)" font-family="${family}" font-size="10px">Score 中</text>`,
      // Letter spacing: not a plain label.
      `<text transform="translate(10,44)" font-family="${family}" font-size="10px" letter-spacing="2">Spaced</text>`,
      // Another family.
      `<text transform="translate(10,68)" font-family="serif" font-size="10px">Serif</text>`,
      `<text transform="translate(10,92)" font-family="${family}" font-size="10px">Гражданское общество</text>`,
      '<text transform="translate(10,100)" font-family="Source Sans 3" font-size="10px"/>',
    ];
    const converted = outlines.convert(picture(texts));
    expect(converted.textLeft).toBe(true);
    expect(converted.svg.match(/<text\b[^>]*>[^<]*<\/text>/g)).toEqual(texts.slice(0, 3));
    expect(converted.svg).not.toContain('Гражданское');
    expect(converted.svg).toMatch(/<use href="#csi-glyph-regular-\d+"/);
    expect(differentPixels(pixels(picture(texts), fonts), pixels(converted.svg, fonts))).toBeLessThanOrEqual(2);
  });
});
