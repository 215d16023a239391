import { formatDecimal } from '../../format/number.ts';
import type { BubblesFigure } from '../../ingest/types.ts';
import { measureText } from '../../theme/measure.ts';
import { chartPadding } from '../bands.ts';
import { lineHeightOf, themeMarkers, vegaConfig } from '../config.ts';
import type { ChartContext } from '../context.ts';
import { fillTemplate } from '../fill.ts';
import { labelColourOn } from '../legend.ts';
import type { Theme } from '../../theme/types.ts';
import type { ChartDraft } from '../types.ts';
import { groupColours, labelBlock, toPoints, type Plane } from './plane.ts';

/** Space (pt) between a circle and a label set below it, and between legend entries. */
const labelGap = 2;
const legendGap = 14;
/** Share of a circle's diameter a label inside it may fill, across and down. */
const insideWidth = 0.9;
const insideHeight = 0.75;
/** A label that does not fit inside at the label size may try this much smaller before going below. */
const insideShrink = 0.5;

/**
 * A bubble chart of actors: each a circle at its place on the plane, its area proportional to
 * its impact, coloured by its group. A label goes inside its circle when it fits there, else
 * below it. Under the plane, a legend of the groups and one of the circle sizes, drawn at the
 * sizes of the plane, so a reader can compare them with the circles.
 */
export function buildBubbles(figure: BubblesFigure, ctx: ChartContext): ChartDraft {
  const { theme } = ctx;
  const style = theme.diagram;
  const plane: Plane = { width: theme.chart.maxWidth - 2 * chartPadding, height: style.bubblesHeight };
  const size = style.fontSize.label;
  const lineHeight = lineHeightOf(theme, size);
  const maxImpact = Math.max(...figure.actors.map((a) => a.impact), ...(figure.impactLevels ?? []).map((l) => l.impact));
  const radiusOf = (impact: number) => style.maxRadius * Math.sqrt(impact / maxImpact);
  const colours = groupColours(theme, figure.groups.length);
  const colourOf = new Map(figure.groups.map((g, i) => [g.key, colours[i]!]));
  const groupLabel = new Map(figure.groups.map((g) => [g.key, ctx.text(g.label)]));

  // Largest first, so a smaller circle that overlaps a larger one stays visible.
  const actors = [...figure.actors].sort((a, b) => b.impact - a.impact).map((actor) => {
    const { x, y } = toPoints(plane, actor.x, actor.y);
    const radius = radiusOf(actor.impact);
    const fill = colourOf.get(actor.group)!;
    const label = ctx.text(actor.label);
    const inside = insideLabel(theme, label, radius, size);
    const block = inside ?? { ...labelBlock(theme, label, size, style.labelMax, lineHeight), size, lineHeight };
    return {
      key: actor.key,
      x,
      y,
      size: (2 * radius) ** 2,
      fill,
      lines: block.lines,
      fontSize: block.size,
      lineHeight: block.lineHeight,
      labelY: inside ? y - block.height / 2 : y + radius + labelGap,
      labelColour: inside ? labelColourOn(theme, fill) : theme.colours.text,
    };
  });

  // Legends under the plane (and under any label hanging below a circle): the groups in a
  // column on the left; to their right the impact levels, as circles of the plane's sizes
  // nested on one baseline, each named at its top.
  const levels = figure.impactLevels?.map((l) => ({ impact: l.impact, label: ctx.text(l.label) })) ?? defaultLevels(figure, ctx);
  const top = Math.ceil(Math.max(plane.height, ...actors.map((a) => a.labelY + a.lines.length * a.lineHeight)) + legendGap);
  const groupStep = lineHeight + 4;
  const groupEntries = figure.groups.map((group, g) => ({ x: 0, y: top + groupStep * (g + 0.5), fill: colourOf.get(group.key)!, label: groupLabel.get(group.key)! }));
  const groupsWidth = 12 + Math.max(...groupEntries.map((e) => measureText(theme, e.label, size)));
  const title = ctx.text(figure.impactTitle);
  const biggest = Math.max(...levels.map((l) => radiusOf(l.impact)));
  const baseline = top + 2 * biggest;
  const titleX = groupsWidth + 2 * legendGap;
  const centreX = titleX + measureText(theme, title, size, 'bold') + legendGap + biggest;
  const labelX = centreX + biggest + legendGap;
  const levelEntries = levels.map((level) => {
    const radius = radiusOf(level.impact);
    return { x: centreX, y: baseline - radius, size: (2 * radius) ** 2, topY: baseline - 2 * radius, labelX, label: level.label };
  });
  const height = Math.ceil(Math.max(baseline, top + groupStep * figure.groups.length));

  const levelName = (impact: number) => levels.find((l) => l.impact === impact)?.label ?? formatDecimal(impact, ctx.locale, 0);
  const listed = figure.actors.map((actor) => ({ label: ctx.text(actor.label), group: groupLabel.get(actor.group)!, impact: levelName(actor.impact) }));
  const alt = ctx.t('altBubbles', {
    title: ctx.text(figure.caption),
    impact: title,
    items: listed.map((a) => ctx.t('altBubble', a)).join(ctx.t('listSeparator')),
  });
  const spec = fillTemplate(theme.templates.bubbles, {
    alt,
    config: vegaConfig(theme),
    theme: themeMarkers(theme),
    padding: chartPadding,
    width: plane.width,
    height,
    actors,
    groups: groupEntries,
    levelsTitle: [{ x: titleX, y: baseline - biggest, text: title }],
    levels: levelEntries,
  }, 'bubbles');
  const table = {
    columns: [ctx.t('columnActor'), ctx.t('columnGroup'), title],
    rows: listed.map((a) => [a.label, a.group, a.impact]),
  };
  return { grammar: 'vega', spec, alt, table };
}

/** Without named levels, the legend shows the smallest and the largest impact as numbers. */
function defaultLevels(figure: BubblesFigure, ctx: ChartContext): { impact: number; label: string }[] {
  const impacts = [...new Set(figure.actors.map((a) => a.impact))].sort((a, b) => b - a);
  const shown = impacts.length > 1 ? [impacts[0]!, impacts.at(-1)!] : impacts;
  return shown.map((impact) => ({ impact, label: formatDecimal(impact, ctx.locale, impact % 1 === 0 ? 0 : 1) }));
}

/**
 * The label set inside a circle, centred, if it fits there: at the label size, or else a
 * little smaller; undefined when it fits at neither and goes below the circle.
 */
function insideLabel(theme: Theme, label: string, radius: number, size: number) {
  for (const tried of [size, size - insideShrink]) {
    const lineHeight = lineHeightOf(theme, tried);
    const block = labelBlock(theme, label, tried, 2 * radius * insideWidth, lineHeight);
    if (block.width <= 2 * radius * insideWidth && block.height <= 2 * radius * insideHeight) return { ...block, size: tried, lineHeight };
  }
  return undefined;
}
