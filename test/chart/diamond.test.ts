import { describe, expect, it } from 'vitest';
import { renderCharts } from '../../pipeline/chart/index.ts';
import type { AnyScore, Scores } from '../../pipeline/score/index.ts';
import { kazakhstan } from './kazakhstan.ts';

interface Point {
  x: number;
  y: number;
}

/** The polygon's vertices and the circle's centre and radius, read back from the SVG. */
function diamondGeometry(svg: string): { vertices: Point[]; centre: Point; radius: number } {
  const polygon = /class="mark-line role-mark scorePolygon"[^>]*><path d="([^"]+)"/.exec(svg)?.[1];
  const circle = /class="mark-symbol role-mark environmentCircle"[^>]*><path transform="translate\(([-\d.e]+),([-\d.e]+)\)" d="M([-\d.e]+),0A([-\d.e]+),([-\d.e]+)/.exec(svg);
  if (!polygon || !circle) throw new Error('no polygon or circle in the diamond SVG');
  expect(polygon, 'a closed path of straight segments').toMatch(/^M[^A-Za-z]+(L[^A-Za-z]+){3}Z$/);
  const vertices = polygon.slice(1, -1).split('L').map((pair) => {
    const [x, y] = pair.split(',').map(Number);
    return { x: x!, y: y! };
  });
  const [, cx, cy, start, rx, ry] = circle.map(Number);
  expect(rx).toBe(start);
  expect(ry).toBe(start);
  return { vertices, centre: { x: cx!, y: cy! }, radius: start! };
}

/** A copy of the scores with some replaced, as a data correction would. */
function withScores(scores: Scores, replaced: Record<string, number>): Scores {
  const byId = new Map<string, AnyScore>(scores.byId);
  for (const [id, score] of Object.entries(replaced)) byId.set(id, { ...byId.get(id)!, score });
  return { ...scores, byId };
}

async function drawDiamond(scores: Scores) {
  const k = kazakhstan();
  const figure = k.figures.find((f) => f.kind === 'diamond')!;
  const charts = await renderCharts({ figures: [figure], framework: k.dataset.framework, scores, locale: 'en', messages: k.messages('en'), theme: k.theme });
  return charts.get(figure.id)!;
}

describe('the Civil Society Diamond is drawn at the scores', () => {
  const k = kazakhstan();
  const axisKeys = k.theme.diamond.axes;
  const fullRadius = k.theme.diamond.size / 2;
  const dimensionId = (key: string) => k.dataset.framework.dimensions.find((d) => d.key === key)!.id;
  const environmentId = k.dataset.framework.dimensions.find((d) => d.contextual)!.id;
  // Clockwise from the top, in SVG coordinates (y grows downwards).
  const directions: Point[] = [{ x: 0, y: -1 }, { x: 1, y: 0 }, { x: 0, y: 1 }, { x: -1, y: 0 }];

  function expectAtScores(svg: string, scores: Scores) {
    const { vertices, centre, radius } = diamondGeometry(svg);
    expect(vertices).toHaveLength(4);
    axisKeys.forEach((key, i) => {
      const expected = (scores.byId.get(dimensionId(key))!.score / 100) * fullRadius;
      const dx = vertices[i]!.x - centre.x;
      const dy = vertices[i]!.y - centre.y;
      // On its axis (at a right angle to its neighbours) ...
      expect(dx * directions[i]!.y - dy * directions[i]!.x, `vertex ${key} off its axis`).toBeCloseTo(0, 2);
      // ... at the distance of its score.
      expect(dx * directions[i]!.x + dy * directions[i]!.y, `vertex ${key}`).toBeCloseTo(expected, 2);
    });
    expect(radius).toBeCloseTo((scores.byId.get(environmentId)!.score / 100) * fullRadius, 2);
  }

  it('places the vertices and the circle at the Kazakhstan scores', async () => {
    const chart = await drawDiamond(k.scores);
    expectAtScores(chart.svg, k.scores);
  });

  it('moves them when the scores change', async () => {
    const changed = withScores(k.scores, { [dimensionId(axisKeys[0]!)]: 12.5, [dimensionId(axisKeys[1]!)]: 90, [dimensionId(axisKeys[2]!)]: 55, [dimensionId(axisKeys[3]!)]: 33.3, [environmentId]: 75 });
    const chart = await drawDiamond(changed);
    expectAtScores(chart.svg, changed);
    expect(chart.alt).toContain('12.5%');
    expect(chart.table.rows.map((row) => row[1])).toEqual(['12.5%', '90.0%', '55.0%', '33.3%', '75.0%']);
  });

  it('labels every axis with its name and score, in the theme order', async () => {
    const chart = await drawDiamond(k.scores);
    const names = axisKeys.map((key) => k.dataset.framework.dimensions.find((d) => d.key === key)!.name.en!);
    expect(chart.table.rows.slice(0, 4).map((row) => row[0])).toEqual(names);
    for (const name of names) expect(chart.svg.replace(/<\/tspan><tspan[^>]*>/g, ' ')).toContain(name);
    expect(chart.svg).toContain('>46.9<');
  });
});
