import type { FigureBlock } from '../../document/types.ts';
import type { ChartBox } from '../model.ts';
import type { FlowContext } from './context.ts';

/**
 * The box a figure's chart takes across the full width (scaled down to it, never up), or the
 * tinted box its description is shown in when the chart is missing.
 */
function chartBox(context: FlowContext, figure: FigureBlock): ChartBox {
  if (figure.chart) {
    const box = context.charts.get(figure.chart);
    if (box) {
      const scale = Math.min(1, context.width / box.width);
      return { width: box.width * scale, height: box.height * scale };
    }
  }
  const { inset, padding } = context.style.spacing.placeholder;
  const description = context.textLines(figure.description ?? '', context.style.small, context.width - 2 * inset);
  return { width: context.width, height: description.length * context.style.small.leading + 2 * padding };
}

/** Height a figure takes: caption, chart, note and the space after it. */
export function figureHeight(context: FlowContext, figure: FigureBlock): number {
  const page = context.style;
  const caption = context.textLines(figure.caption, page.caption, context.width).length * page.caption.leading;
  const note = figure.note ? context.textLines(figure.note, page.small, context.width).length * page.small.leading + page.spacing.noteGap : 0;
  return caption + page.spacing.captionGap + chartBox(context, figure).height + note + page.spacing.figureGap;
}

/**
 * Places a figure where it is cited when it fits there and no figure before it is still
 * waiting; else it waits for the top of the next page (figures keep their order) while the
 * text after it fills this one.
 */
export function placeFigure(context: FlowContext, figure: FigureBlock): void {
  if (context.pendingFigures.length > 0 || !context.fits(figureHeight(context, figure))) {
    if (context.atTop()) drawFigure(context, figure);
    else context.pendingFigures.push(figure);
    return;
  }
  drawFigure(context, figure);
}

/** Places figures still waiting for room, on a fresh page if need be. */
export function flushFigures(context: FlowContext): void {
  while (context.pendingFigures.length > 0) {
    const figure = context.pendingFigures[0]!;
    if (!context.fits(figureHeight(context, figure))) context.newPage(false);
    else {
      context.pendingFigures.shift();
      drawFigure(context, figure);
    }
  }
}

/** Draws a figure at the cursor: caption, chart (or its description in a box), note. */
export function drawFigure(context: FlowContext, figure: FigureBlock): void {
  const page = context.style;
  // Caption, Figure and note side by side in a Div: the Figure's Alt replaces everything
  // inside it, and the caption and the note must still be read.
  const group = context.struct('Div');
  const captionStruct = context.struct('Caption', group);
  const figureStruct = context.struct('Figure', group, figure.alt);
  context.anchor(figure.anchor);
  for (const line of context.textLines(figure.caption, page.caption, context.width)) {
    context.push({ kind: 'line', x: context.left, y: context.y, line, style: page.caption, struct: captionStruct });
    context.y += page.caption.leading;
  }
  context.y += page.spacing.captionGap;
  const box = chartBox(context, figure);
  if (figure.chart && context.charts.has(figure.chart)) {
    const x = context.left + (context.width - box.width) / 2;
    context.push({ kind: 'chart', x, y: context.y, width: box.width, height: box.height, chart: figure.chart, struct: figureStruct });
  } else {
    const { inset, padding } = page.spacing.placeholder;
    context.push({ kind: 'rect', x: context.left, y: context.y, width: context.width, height: box.height, fill: page.colors.box });
    let y = context.y + padding;
    for (const line of context.textLines(figure.description ?? '', page.small, context.width - 2 * inset)) {
      context.push({ kind: 'line', x: context.left + inset, y, line, style: page.small, struct: figureStruct });
      y += page.small.leading;
    }
  }
  context.y += box.height;
  if (figure.note) {
    context.y += page.spacing.noteGap;
    const noteStruct = context.struct('P', group);
    for (const line of context.textLines(figure.note, page.small, context.width)) {
      context.push({ kind: 'line', x: context.left, y: context.y, line, style: { ...page.small, color: page.colors.muted }, struct: noteStruct });
      context.y += page.small.leading;
    }
  }
  context.y += page.spacing.figureGap;
}
