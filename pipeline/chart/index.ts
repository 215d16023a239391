import type { FigureDef } from '../ingest/types.ts';
import { withThemeMetrics } from '../theme/vega-metrics.ts';
import { buildBar, buildSubdimensions } from './kinds/bars.ts';
import { buildDiamond } from './kinds/diamond.ts';
import { buildGroupedBar } from './kinds/grouped.ts';
import { buildStackedBar } from './kinds/stacked.ts';
import { buildLine } from './kinds/line.ts';
import { buildStages } from './kinds/stages.ts';
import { buildBubbles } from './kinds/bubbles.ts';
import { buildActorMap } from './kinds/actor-map.ts';
import { ChartContext } from './context.ts';
import { renderSvg } from './render.ts';
import { cacheKey } from '../cache/key.ts';
import type { Chart, ChartDraft, ChartInput, Charts } from './types.ts';

export type { Chart, ChartInput, ChartTable, Charts } from './types.ts';
export { renderPng } from './png.ts';

/**
 * Draws every figure of one locale:
 *
 *   figure + scores + theme ─► filled template ─► (Vega-Lite compile) ─► Vega ─► SVG
 *                              spec, alt, table    vega                          svg
 *
 * Every kind is drawn from data, the diagrams (stages of a process, bubble charts and maps of
 * actors) included. Asynchronous because Vega renders asynchronously; nothing here reads or
 * writes a file.
 */
export function renderCharts(input: ChartInput): Promise<Charts> {
  // 1. Text widths from the real font: Vega sizes axes and padding from them.
  return withThemeMetrics(input.theme, () => renderWithMetrics(input));
}

async function renderWithMetrics(input: ChartInput): Promise<Charts> {
  const ctx = new ChartContext(input);
  const charts = new Map<string, Chart>();
  for (const figure of input.figures) {
    // 2. Fill the kind's template with data, localised labels and formatted numbers.
    const draft = buildDraft(figure, ctx);
    // 3. Compile and render to SVG, unless the same draft was rendered before.
    const key = cacheKey('chart', input.version ?? '', figure.kind, draft.spec, draft.alt);
    const cached = input.cache?.get(key);
    const rendered = cached ? (JSON.parse(Buffer.from(cached).toString('utf8')) as Awaited<ReturnType<typeof renderSvg>>) : await renderSvg(draft, figure.kind);
    if (!cached) input.cache?.set(key, JSON.stringify(rendered));
    const chart: Chart = {
      id: figure.id,
      kind: figure.kind,
      title: ctx.text(figure.caption),
      spec: draft.spec,
      vega: rendered.vega,
      svg: rendered.svg,
      width: rendered.width,
      height: rendered.height,
      alt: draft.alt,
      table: draft.table,
    };
    charts.set(figure.id, chart);
    input.onChart?.(chart);
  }
  return charts;
}

function buildDraft(figure: FigureDef, ctx: ChartContext): ChartDraft {
  switch (figure.kind) {
    case 'stages':
      return buildStages(figure, ctx);
    case 'bubbles':
      return buildBubbles(figure, ctx);
    case 'actor-map':
      return buildActorMap(figure, ctx);
    case 'diamond':
      return buildDiamond(figure, ctx);
    case 'subdimensions':
      return buildSubdimensions(figure, ctx);
    case 'bar':
      return buildBar(figure, ctx);
    case 'grouped-bar':
      return buildGroupedBar(figure, ctx);
    case 'stacked-bar':
      return buildStackedBar(figure, ctx);
    case 'line':
      return buildLine(figure, ctx);
  }
}
