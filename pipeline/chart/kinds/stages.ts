import type { StagesFigure } from '../../ingest/types.ts';
import { chartPadding } from '../bands.ts';
import { lineHeightOf, themeMarkers, vegaConfig } from '../config.ts';
import type { ChartContext } from '../context.ts';
import { fillTemplate } from '../fill.ts';
import { labelColourOn } from '../legend.ts';
import type { ChartDraft } from '../types.ts';
import { wrapLines } from '../wrap.ts';

/** Space (pt) between the bullet and an activity's text, and between two activities. */
const bulletIndent = 8;
const itemGap = 3;

/** One stage's box as the template draws it: a coloured title band over a list of activities. */
interface StageBox {
  /** Left edge and width of the box (pt). */
  x: number;
  width: number;
  /** Title lines, and the height of the title band. */
  titleLines: string[];
  titleHeight: number;
  /** Activities: where each starts (pt from the top) and its lines. */
  items: { y: number; lines: string[] }[];
  /** Height the activities need below the title band. */
  itemsHeight: number;
}

/**
 * A process diagram: the stages side by side, in order, joined by arrows; each a box with its
 * title in a band and its activities listed below. Boxes share one width and one height, so
 * the eye reads the row as one sequence. Geometry is computed here with the real font; the
 * template only draws it.
 */
export function buildStages(figure: StagesFigure, ctx: ChartContext): ChartDraft {
  const { theme } = ctx;
  const style = theme.diagram;
  const n = figure.stages.length;
  // The boxes' outlines stand half their stroke past the edges: a point on each side for them.
  const width = theme.chart.maxWidth - 2 * chartPadding - 2;
  const boxWidth = (width - (n - 1) * style.stageGap) / n;
  const inner = boxWidth - 2 * style.stagePadding;
  const headingLine = lineHeightOf(theme, style.fontSize.heading);
  const labelLine = lineHeightOf(theme, style.fontSize.label);

  const stages = figure.stages.map((stage) => ({ label: ctx.text(stage.label), items: stage.items.map((item) => ctx.text(item)) }));
  const boxes = stages.map((stage, s): StageBox => {
    const titleLines = wrapLines(theme, stage.label, style.fontSize.heading, inner, 'bold');
    let y = 0;
    const items = stage.items.map((item) => {
      const lines = wrapLines(theme, item, style.fontSize.label, inner - bulletIndent);
      const placed = { y, lines };
      y += lines.length * labelLine + itemGap;
      return placed;
    });
    return { x: s * (boxWidth + style.stageGap), width: boxWidth, titleLines, titleHeight: titleLines.length * headingLine + 2 * style.stagePadding - 2, items, itemsHeight: y - itemGap };
  });
  // One band height and one box height for the whole row.
  const titleHeight = Math.max(...boxes.map((b) => b.titleHeight));
  const height = Math.ceil(titleHeight + Math.max(...boxes.map((b) => b.itemsHeight)) + 2 * style.stagePadding);
  const colour = theme.colours.accent;

  const alt = ctx.t('altStages', {
    title: ctx.text(figure.caption),
    stages: stages.map((stage) => ctx.t('altStage', { label: stage.label, items: stage.items.join(ctx.t('itemSeparator')) })).join(ctx.t('listSeparator')),
  });
  const spec = fillTemplate(theme.templates.stages, {
    alt,
    config: vegaConfig(theme),
    theme: themeMarkers(theme),
    padding: chartPadding,
    width,
    height,
    colour,
    titleColour: labelColourOn(theme, colour),
    headingLineHeight: headingLine,
    labelLineHeight: labelLine,
    boxes: boxes.map((box) => ({ x: box.x, width: box.width, height })),
    titles: boxes.map((box) => ({
      x: box.x + box.width / 2,
      // The lines sit in the middle of the band whatever their number.
      y: (titleHeight - box.titleLines.length * headingLine) / 2,
      bandHeight: titleHeight,
      lines: box.titleLines,
    })),
    items: boxes.flatMap((box) => box.items.map((item) => ({
      x: box.x + style.stagePadding + bulletIndent,
      bulletX: box.x + style.stagePadding + 2,
      y: titleHeight + style.stagePadding + item.y,
      bulletY: titleHeight + style.stagePadding + item.y + labelLine / 2,
      lines: item.lines,
    }))),
    arrows: boxes.slice(1).map((box) => ({ x: box.x - style.stageGap / 2, y: titleHeight / 2 })),
  }, 'stages');
  const table = {
    columns: [ctx.t('columnStage'), ctx.t('columnActivities')],
    rows: stages.map((stage) => [stage.label, stage.items.join(ctx.t('itemSeparator'))]),
  };
  return { grammar: 'vega', spec, alt, table };
}
