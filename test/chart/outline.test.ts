import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faceKey, TextOutliner, type OutlineFaces } from '../../pipeline/chart/outline.ts';
import { faceFor } from '../../pipeline/theme/faces.ts';
import { chartsFor, kazakhstan, locales } from './kazakhstan.ts';

/** The face of each weight and style a test SVG may ask for. */
function facesOf(): OutlineFaces {
  const { theme } = kazakhstan();
  const faces: OutlineFaces = {};
  for (const weight of ['normal', 'bold', '600']) for (const style of ['normal', 'italic']) faces[faceKey(weight, style)] = faceFor(theme, weight, style).file;
  return faces;
}

/** The pixels resvg draws of `svg` at twice its size, given the theme's fonts or none. */
function pixels(svg: string, withFonts: boolean): Buffer {
  const { theme } = kazakhstan();
  const fontFiles = withFonts ? [...new Set(Object.values(facesOf()))] : [];
  return new Resvg(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: theme.font.family }, fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff' }).render().pixels;
}

/** How the outlined drawing differs from resvg's own drawing of the texts: the share of channels that differ, and their mean difference. */
function difference(svg: string, outlined: string): { share: number; mean: number; inked: number } {
  const own = pixels(svg, true);
  const ours = pixels(outlined, false);
  expect(ours.length).toBe(own.length);
  let differing = 0;
  let total = 0;
  let inked = 0;
  for (let i = 0; i < own.length; i++) {
    const d = Math.abs(own[i]! - ours[i]!);
    if (d > 0) differing += 1;
    total += d;
    if (own[i]! < 128) inked += 1;
  }
  return { share: differing / own.length, mean: total / own.length, inked };
}

describe('chart texts drawn as outlines for the PNG pictures', () => {
  it('look as resvg draws the texts itself, in every chart of the three editions, with no text left for resvg', async () => {
    const outliner = new TextOutliner();
    for (const locale of locales) {
      for (const chart of (await chartsFor(locale)).values()) {
        const { svg, textLeft } = outliner.outline(chart.svg, facesOf());
        expect(textLeft, `${locale} ${chart.id}`).toBe(false);
        expect(svg).not.toMatch(/<text\b/);
        // Anti-aliased edges may differ by rounding: a few pixels of a picture, by little.
        const { share, mean } = difference(chart.svg, svg);
        expect(share, `${locale} ${chart.id}`).toBeLessThan(0.001);
        expect(mean, `${locale} ${chart.id}`).toBeLessThan(0.01);
      }
    }
  }, 120_000);

  it('places any label of the three alphabets, in any anchor, size and weight, where resvg sets it', () => {
    const outliner = new TextOutliner();
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZабвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯәғқңөұүһіӘҒҚҢӨҰҮҺІ0123456789.,;:–—«»“”()%/&'.split('');
    const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' ')),
        fc.constantFrom('start', 'middle', 'end'),
        fc.integer({ min: 6, max: 16 }),
        fc.constantFrom('normal', 'bold'),
        fc.boolean(),
        (label, anchor, size, weight, halo) => {
          const escaped = label.replace(/&/g, '&amp;');
          const paint = halo ? 'fill="#1f2328" stroke="#ffffff" stroke-width="2" stroke-linejoin="round"' : 'fill="#1f2328"';
          const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40" viewBox="0 0 300 40"><rect width="300" height="40" fill="#dde3ea"/><text text-anchor="${anchor}" transform="translate(150,26)" font-family="'Source Sans 3'" font-size="${size}px" font-weight="${weight}" ${paint}>${escaped}</text></svg>`;
          const outlined = outliner.outline(svg, facesOf());
          expect(outlined.textLeft).toBe(false);
          const { share, inked } = difference(svg, outlined.svg);
          // A glyph moved by a pixel or drawn in another face would change far more than this.
          expect(share).toBeLessThan(Math.max(0.002, (inked / (300 * 40 * 4 * 4)) * 0.05));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('leaves for resvg a text it does not read, and says so, drawing the others', () => {
    const outliner = new TextOutliner();
    const text = (content: string, extra = '') => `<text text-anchor="start" transform="translate(10,20)" font-size="10px" fill="#000"${extra}>${content}</text>`;
    const cases = [
      text('<a href="x">linked</a>'),
      text('rotated', ' rotate="10"'),
      text(' spaced at its start'),
      text('an emoji 😀 no face has'),
      text('dashed', ' stroke="#fff" stroke-dasharray="2 1"'),
      text('<tspan>first</tspan><tspan dy="10">moved down only</tspan>'),
    ];
    for (const left of cases) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">${left}${text('Drawn')}</svg>`;
      const result = outliner.outline(svg, facesOf());
      expect(result.textLeft, left).toBe(true);
      expect(result.svg, left).toContain(left);
      expect(result.svg.match(/<text\b/g), left).toHaveLength(1);
    }
    expect(outliner.outline(`<svg xmlns="http://www.w3.org/2000/svg">${text('Drawn')}<text/></svg>`, facesOf())).toEqual({ svg: expect.not.stringContaining('<text') as unknown as string, textLeft: false });
  });
});
