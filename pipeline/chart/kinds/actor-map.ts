import type { ActorMapFigure } from '../../ingest/types.ts';
import { chartPadding } from '../bands.ts';
import { lineHeightOf, themeMarkers, vegaConfig } from '../config.ts';
import type { ChartContext } from '../context.ts';
import { fillTemplate } from '../fill.ts';
import type { ChartDraft } from '../types.ts';
import { groupColours, labelBlock, toPoints, type Plane } from './plane.ts';

/** Space (pt) between a dot and its label, and between a region's name and its edge. */
const labelGap = 4;
const nameInset = 4;
/** How far (in hundredths of the plane) a dot may sit off the vertical centre line and still count as on it. */
const centreBand = 2;

/**
 * A map of actors: regions (the spheres of society, the arena between them) as translucent
 * circles named at their outer edge, and each actor as a dot in its region's colour with its
 * label on the side away from the centre line, so labels spread outwards instead of crossing
 * in the middle.
 */
export function buildActorMap(figure: ActorMapFigure, ctx: ChartContext): ChartDraft {
  const { theme } = ctx;
  const style = theme.diagram;
  const plane: Plane = { width: theme.chart.maxWidth - 2 * chartPadding, height: style.mapHeight };
  const lineHeight = lineHeightOf(theme, style.fontSize.label);
  const colours = groupColours(theme, figure.regions.length);
  const colourOf = new Map(figure.regions.map((r, i) => [r.key, colours[i]!]));
  const regionName = new Map(figure.regions.map((r) => [r.key, ctx.text(r.label)]));
  const centre = { x: plane.width / 2, y: plane.height / 2 };

  const regions = figure.regions.map((region) => {
    const at = toPoints(plane, region.x, region.y);
    const radius = (region.radius / 100) * plane.width;
    // The name sits inside the circle, at its top, or at its bottom when the region lies below
    // the plane's centre: on the side away from the other regions, where the circle is widest
    // for a horizontal name.
    const [ux, uy] = at.y > centre.y + 1 ? [0, 1] : [0, -1];
    const inset = radius - style.fontSize.heading - nameInset;
    return {
      x: at.x,
      y: at.y,
      size: (2 * radius) ** 2,
      colour: colourOf.get(region.key)!,
      name: regionName.get(region.key)!,
      nameX: at.x + ux * inset,
      nameY: at.y + uy * inset,
    };
  });

  const actors = figure.actors.map((actor) => {
    const at = toPoints(plane, actor.x, actor.y);
    const block = labelBlock(theme, ctx.text(actor.label), style.fontSize.label, style.labelMax, lineHeight);
    // Labels point outwards: an actor right of the centre line is labelled on its right (text
    // aligned left of its start), one on the line below its dot.
    const align = actor.x > 50 + centreBand ? 'left' : actor.x < 50 - centreBand ? 'right' : 'center';
    const labelX = align === 'left' ? at.x + style.dotRadius + labelGap : align === 'right' ? at.x - style.dotRadius - labelGap : at.x;
    const labelY = align === 'center' ? at.y + style.dotRadius + labelGap / 2 : at.y - block.height / 2;
    return { x: at.x, y: at.y, colour: colourOf.get(actor.region)!, lines: block.lines, labelX, labelY, align };
  });

  const listed = figure.regions.map((region) => ({
    region: regionName.get(region.key)!,
    actors: figure.actors.filter((a) => a.region === region.key).map((a) => ctx.text(a.label)),
  }));
  const alt = ctx.t('altMap', {
    title: ctx.text(figure.caption),
    regions: listed.map((r) => (r.actors.length > 0 ? ctx.t('altRegion', { region: r.region, actors: r.actors.join(ctx.t('itemSeparator')) }) : r.region)).join(ctx.t('listSeparator')),
  });
  const spec = fillTemplate(theme.templates['actor-map'], {
    alt,
    config: vegaConfig(theme),
    theme: themeMarkers(theme),
    padding: chartPadding,
    width: plane.width,
    height: plane.height,
    labelLineHeight: lineHeight,
    dotSize: (2 * style.dotRadius) ** 2,
    regions,
    actors,
  }, 'actor-map');
  const table = {
    columns: [ctx.t('columnActor'), ctx.t('columnRegion')],
    rows: figure.actors.map((a) => [ctx.text(a.label), regionName.get(a.region)!]),
  };
  return { grammar: 'vega', spec, alt, table };
}
