import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import { InputError } from '../../pipeline/errors/errors.ts';
import { faceFor, fontFaces, loadTheme, withThemeMetrics, measureText, missingGlyphs, templateNames } from '../../pipeline/theme/index.ts';
import { edit, repoRoot, tempProject } from '../helpers/project.ts';

describe('the theme', () => {
  const theme = loadTheme(repoRoot, 'templates');

  it('opens every face of the font family, with the names the PDF registers', () => {
    const faces = fontFaces(theme);
    expect(faces.map((f) => f.key)).toEqual(['regular', 'italic', 'semibold', 'semiboldItalic', 'bold', 'boldItalic']);
    for (const face of faces) {
      expect(face.file).toMatch(/\.ttf$/);
      expect(face.name).toMatch(/^SourceSans3-/);
      expect(face.font.unitsPerEm).toBeGreaterThan(0);
    }
    expect(new Set(faces.map((f) => f.name)).size).toBe(faces.length);
  });

  it('reads a template per chart kind', () => {
    expect(Object.keys(theme.templates).sort()).toEqual([...templateNames].sort());
  });

  it('has a colour for every dimension key and the four diamond axes of the framework', () => {
    expect(Object.keys(theme.dimensions)).toEqual(['civic-engagement', 'level-of-organisation', 'practice-of-values', 'perception-of-impact', 'external-environment']);
    expect(theme.diamond.axes).toHaveLength(4);
  });

  it('picks the face of a CSS weight and style', () => {
    expect(faceFor(theme, 'normal').key).toBe('regular');
    expect(faceFor(theme, 'bold').key).toBe('bold');
    expect(faceFor(theme, 600).key).toBe('semibold');
    expect(faceFor(theme, '700', 'italic').key).toBe('boldItalic');
    expect(faceFor(theme, undefined, 'italic').key).toBe('italic');
  });
});

describe('text widths are measured with the real font', () => {
  const theme = loadTheme(repoRoot, 'templates');

  it('scales with the size and grows with the weight', () => {
    const regular = measureText(theme, 'Civic Engagement', 10);
    expect(regular).toBeGreaterThan(60);
    expect(regular).toBeLessThan(90);
    expect(measureText(theme, 'Civic Engagement', 20)).toBeCloseTo(regular * 2, 6);
    expect(measureText(theme, 'Civic Engagement', 10, 'bold')).toBeGreaterThan(regular);
    expect(measureText(theme, '', 10)).toBe(0);
  });

  it('is far narrower than Vega\'s guess of 0.8 em a character', () => {
    const text = 'Level of Organisation';
    expect(measureText(theme, text, 10)).toBeLessThan(0.8 * text.length * 10 * 0.7);
  });

  it('tells Vega the same widths while its charts are rendered, and each rendering its own theme\'s', async () => {
    const metrics = (vega as unknown as { textMetrics: { width: (item: object, text: string) => number } }).textMetrics;
    const condensed = { ...theme, font: { ...theme.font, faces: { ...theme.font.faces, regular: theme.font.faces.bold } } };
    const text = 'Уровень организованности';
    // Two renderings at once, each waiting while the other measures.
    const [own, other] = await Promise.all([
      withThemeMetrics(theme, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return [metrics.width({ fontSize: 8.5, fontWeight: 'bold' }, text), metrics.width({}, 'Score'), metrics.width({ fontSize: 10 }, text)];
      }),
      withThemeMetrics(condensed, async () => metrics.width({ fontSize: 10 }, text)),
    ]);
    expect(own[0]).toBeCloseTo(measureText(theme, text, 8.5, 'bold'), 9);
    expect(own[1]).toBeCloseTo(measureText(theme, 'Score', 11), 9);
    expect(own[2]).toBeCloseTo(measureText(theme, text, 10), 9);
    expect(other).toBeCloseTo(measureText(theme, text, 10, 'bold'), 9);
    expect(other).not.toBeCloseTo(own[2]!, 3);
  });
});

describe('glyph coverage', () => {
  const theme = loadTheme(repoRoot, 'templates');

  it('covers Russian and Kazakh, their quotes, the tenge and the signs of the report', () => {
    const text = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі ЁёЙй «…» “…” – — ₸ ≤ ≥ № % ‰';
    for (const weight of ['normal', 'bold', 600] as const) expect(missingGlyphs(theme, text, weight)).toEqual([]);
    expect(missingGlyphs(theme, text, 'normal', 'italic')).toEqual([]);
  });

  it('names each character the font cannot draw, once', () => {
    expect(missingGlyphs(theme, 'Алматы 中文 中 😀\n')).toEqual(['中', '文', '😀']);
  });
});

describe('a broken theme is reported with its place', () => {
  it('names the line of a misspelt key', () => {
    const root = tempProject('repo');
    edit(root, 'templates/theme.yaml', '  gridline: "#e4e8ec"', '  gridlne: "#e4e8ec"');
    let error: unknown;
    try {
      loadTheme(root, 'templates');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).message;
    expect(message).toMatch(/^templates\/theme\.yaml:\d+:3: error: unknown key "gridlne"/m);
    expect(message).toContain('Did you mean "gridline"?');
  });

  it('names a font file that does not exist', () => {
    const root = tempProject('repo');
    edit(root, 'templates/theme.yaml', '700Bold/SourceSans3_700Bold.ttf', '700Bold/SourceSans3_700Bolt.ttf');
    expect(() => loadTheme(root, 'templates')).toThrow(/templates\/theme\.yaml:\d+:\d+: error: the font \(@expo-google-fonts\/source-sans-3\/700Bold\/SourceSans3_700Bolt\.ttf\) file does not exist/);
  });

  it('names a chart template that is not valid JSON', () => {
    const root = tempProject('repo');
    edit(root, 'templates/charts/line.json', '"autosize": {"type": "pad"},', '"autosize": {"type": "pad"}');
    expect(() => loadTheme(root, 'templates')).toThrow(/templates\/charts\/line\.json:\d+:\d+: error: this is not valid YAML/);
  });
});
