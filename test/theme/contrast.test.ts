import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { labelColourOn } from '../../pipeline/chart/legend.ts';
import { loadTheme } from '../../pipeline/theme/index.ts';
import { repoRoot } from '../helpers/project.ts';

/**
 * Every colour the editions use for text, or for a chart mark that carries meaning, against
 * what it stands on (WCAG 2.1: 1.4.3 text 4.5:1, or 3:1 for text of 18 pt or 14 pt bold and
 * up; 1.4.11 graphics 3:1), computed from the theme, the page style and the chart templates
 * as they are: a colour added to any of them is checked where it is used.
 */
const theme = loadTheme(repoRoot, 'templates');
const page = parse(readFileSync(join(repoRoot, 'templates', 'page.yaml'), 'utf8')) as {
  surfaces: Record<string, string>;
  styles: Record<string, { face: string; size: string | number; color: string }>;
};
const white = '#ffffff';
const named = theme.colours as unknown as Record<string, string>;
const sizes = theme.text as unknown as Record<string, number>;

/** Relative luminance of an sRGB colour (WCAG 2.1). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Contrast ratio of two colours, 1–21. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** What a colour must reach: 3:1 for large text (18 pt, or 14 pt bold) and graphics, else 4.5:1. */
const needed = (size: number, bold: boolean) => (size >= 18 || (bold && size >= 14) ? 3 : 4.5);

interface Use {
  /** Where the colour is used, for the message. */
  what: string;
  colour: string;
  on: string;
  needs: number;
}

const failing = (uses: readonly Use[]) => uses
  .filter((use) => contrast(use.colour, use.on) < use.needs)
  .map((use) => `${use.what}: ${use.colour} on ${use.on} is ${contrast(use.colour, use.on).toFixed(2)}:1, needs ${use.needs}:1`);

describe('contrast of the page', () => {
  it('computes the ratios WCAG gives', () => {
    expect(contrast('#000000', white)).toBeCloseTo(21, 5);
    expect(contrast(white, white)).toBe(1);
    // The orange diamond label: 4.08:1, short of 4.5:1.
    expect(contrast('#b06f24', white)).toBeCloseTo(4.08, 2);
  });

  it('gives every text style 4.5:1 (3:1 when large) on the page and on every tint it may stand on', () => {
    const uses: Use[] = [];
    for (const [role, style] of Object.entries(page.styles)) {
      const size = typeof style.size === 'number' ? style.size : sizes[style.size]!;
      const bold = style.face === 'bold' || style.face === 'semibold';
      for (const [surface, on] of [['the page', white], ...Object.entries(page.surfaces)] as [string, string][]) {
        uses.push({ what: `${role} text on ${surface}`, colour: named[style.color]!, on, needs: needed(size, bold) });
      }
    }
    // Links and list bullets are set in the accent, notes and sources in the muted colour;
    // the title band is white on the accent.
    for (const colour of ['accent', 'muted'] as const) {
      for (const [surface, on] of [['the page', white], ...Object.entries(page.surfaces)] as [string, string][]) {
        uses.push({ what: `${colour} text (${theme.text.small} pt) on ${surface}`, colour: named[colour]!, on, needs: needed(theme.text.small, false) });
      }
    }
    uses.push({ what: 'title band text', colour: white, on: theme.colours.accent, needs: needed(theme.text.small, false) });
    expect(uses.length).toBeGreaterThan(40);
    expect(failing(uses)).toEqual([]);
  });

  it('gives a dimension’s colour 3:1 where the brief sets its numbers large', () => {
    const uses = Object.entries(theme.dimensions).map(([key, colour]): Use => ({ what: `pull-out number of ${key}`, colour, on: white, needs: 3 }));
    expect(failing(uses)).toEqual([]);
  });
});

describe('contrast of the charts', () => {
  /** The colours a chart template's `$theme.…` reference, a literal, or a data field names. */
  const resolve = (value: unknown, field: Record<string, readonly string[]>): string[] => {
    if (!value || typeof value !== 'object') return [];
    const spec = value as { value?: unknown; field?: unknown };
    if (typeof spec.field === 'string') return [...(field[spec.field] ?? [])];
    if (typeof spec.value !== 'string') return [];
    if (spec.value.startsWith('$theme.')) {
      const found = spec.value.slice(7).split('.').reduce<unknown>((object, key) => (object as Record<string, unknown> | undefined)?.[key], theme);
      return typeof found === 'string' ? [found] : [];
    }
    if (spec.value === '$colour') return [theme.colours.accent];
    if (spec.value === '$titleColour') return [labelColourOn(theme, theme.colours.accent)];
    return /^#[0-9a-f]{6}$/i.test(spec.value) ? [spec.value] : [];
  };
  // What the data fields of the templates hold: the diamond's vertices and values are in the
  // dimensions' colours; the groups of actors of the diagrams in the series colours, a label
  // inside a circle in the colour chosen for its fill.
  const dimensions = Object.values(theme.dimensions);
  const fieldsOf = (file: string): Record<string, readonly string[]> => file === 'diamond.json'
    ? { colour: dimensions }
    : { colour: theme.series, fill: theme.series, labelColour: theme.series.map((fill) => labelColourOn(theme, fill)) };
  /** Decoration, which 1.4.11 leaves out: gridlines, axis lines, the halo behind labels, separators. */
  const decoration = new Set([theme.colours.gridline, theme.colours.axis, theme.colours.halo, white]);

  it('gives text marks of every chart template 4.5:1 on white, and its meaningful marks 3:1', () => {
    const uses: Use[] = [];
    for (const file of readdirSync(join(repoRoot, 'templates', 'charts')).filter((name) => name.endsWith('.json'))) {
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (!node || typeof node !== 'object') return;
        const mark = node as { type?: string; encode?: Record<string, Record<string, unknown>> };
        if (typeof mark.type === 'string' && mark.encode) {
          for (const block of Object.values(mark.encode)) {
            const translucent = typeof (block.fillOpacity as { value?: unknown } | undefined)?.value === 'string' || Number((block.fillOpacity as { value?: unknown } | undefined)?.value ?? 1) < 1;
            for (const channel of ['fill', 'stroke'] as const) {
              // A text's halo is drawn with the stroke; a translucent fill is a tint under the marks.
              if (mark.type === 'text' && channel === 'stroke') continue;
              if (channel === 'fill' && translucent) continue;
              for (const colour of resolve(block[channel], fieldsOf(file))) {
                if (mark.type === 'text') {
                  if (colour !== theme.colours.halo) uses.push({ what: `${file}: text`, colour, on: white, needs: 4.5 });
                } else if (!decoration.has(colour)) uses.push({ what: `${file}: ${mark.type} ${channel}`, colour, on: white, needs: 3 });
              }
            }
          }
        }
        Object.values(node).forEach(walk);
      };
      walk(JSON.parse(readFileSync(join(repoRoot, 'templates', 'charts', file), 'utf8')));
    }
    expect(uses.some((use) => use.colour === theme.diamond.circleStroke && use.what.endsWith('text'))).toBe(true);
    expect(failing(uses)).toEqual([]);
  });

  it('gives every bar, series and dimension colour 3:1 on white, and the value label set inside it 4.5:1', () => {
    const fills = [theme.colours.accent, theme.diamond.polygonStroke, ...Object.values(theme.dimensions), ...theme.series];
    const uses = fills.flatMap((fill): Use[] => [
      { what: 'bar or mark', colour: fill, on: white, needs: 3 },
      { what: 'label inside it', colour: labelColourOn(theme, fill), on: fill, needs: 4.5 },
    ]);
    // Value labels of a dimension's bars and the diamond's vertex values are set in its colour.
    for (const [key, colour] of Object.entries(theme.dimensions)) uses.push({ what: `value label of ${key}`, colour, on: white, needs: needed(theme.chart.fontSize.value, false) });
    expect(failing(uses)).toEqual([]);
  });
});
