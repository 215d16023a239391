import { formatDecimal } from '../../format/number.ts';
import type { DiamondFigure } from '../../ingest/types.ts';
import type { DimensionDef } from '../../ingest/types.ts';
import { measureText } from '../../theme/measure.ts';
import { chartPadding } from '../bands.ts';
import { lineHeightOf, themeMarkers, vegaConfig } from '../config.ts';
import type { ChartContext, LabelledValue } from '../context.ts';
import { fillTemplate } from '../fill.ts';
import type { ChartDraft } from '../types.ts';
import { chartValue, scoreOf } from '../values.ts';
import { widestLine, wrapLines } from '../wrap.ts';

/** One axis of the diamond: a core dimension at a quarter turn from the previous one. */
interface Axis extends LabelledValue {
  /** The dimension on the axis. */
  dimension: DimensionDef;
  /** 0 top, 1 right, 2 bottom, 3 left. */
  position: number;
}

/**
 * The Civil Society Diamond: the four core dimensions on axes at right angles, in the theme's
 * order, joined as a polygon; the contextual dimension (External Environment) as a circle
 * whose radius is its score. The geometry lives in the Vega template; this fills in scores,
 * names and colours.
 */
export function buildDiamond(figure: DiamondFigure, ctx: ChartContext): ChartDraft {
  const { theme, input } = ctx;
  const axes = diamondAxes(ctx);
  const environment = input.framework.dimensions.find((d) => d.contextual);
  if (!environment) throw new Error('the framework has no contextual dimension to draw as the diamond\'s circle');
  const envScore = scoreOf(input.scores, environment.id);
  const envValue = chartValue(envScore.score, envScore.decimals, 'score', ctx.locale);
  const envName = ctx.text(environment.name);
  const size = theme.diamond.fontSize;
  const title = ctx.text(figure.caption);
  const alt = ctx.t('altDiamond', { title, axes: ctx.items(axes), name: envName, value: envValue.text });
  const spec = fillTemplate(theme.templates.diamond, {
    alt,
    config: vegaConfig(theme),
    theme: themeMarkers(theme),
    padding: chartPadding,
    size: theme.diamond.size,
    lineHeight: lineHeightOf(theme, size.axisName),
    // Label widths let the template set a white box behind each label where lines cross it.
    axes: axes.map((axis) => ({
      key: axis.dimension.key,
      position: axis.position,
      score: axis.value.value,
      valueLabel: axis.value.label,
      valueWidth: measureText(theme, axis.value.label, size.value, 'bold'),
      // Names beside the left and right axes wrap narrower than those above and below.
      nameLines: wrapLines(theme, axis.label, size.axisName, theme.diamond.axisNameMax * (axis.position % 2 === 0 ? 2.2 : 1), 'bold'),
      colour: theme.dimensions[axis.dimension.key] ?? theme.diamond.polygonStroke,
    })),
    rings: theme.diamond.rings.map((level) => {
      const label = formatDecimal(level, ctx.locale, 0);
      return { level, label, labelWidth: measureText(theme, label, size.tick), positions: [0, 1, 2, 3] };
    }),
    environment: [environmentLabel(ctx, envValue.value, ctx.t('environmentLabel', { name: envName, value: envValue.label }))],
  }, 'diamond');
  const rows = [...axes, { label: envName, value: envValue }];
  const table = ctx.table(ctx.t('columnDimension'), [ctx.t('columnScore')], rows.map((row) => ({ label: row.label, values: [row.value] })));
  return { grammar: 'vega', spec, alt, table };
}

/** The theme's axis order matched to the framework's core dimensions. */
function diamondAxes(ctx: ChartContext): Axis[] {
  const { theme, input } = ctx;
  const core = input.framework.dimensions.filter((d) => !d.contextual);
  const axes = theme.diamond.axes.map((key, position): Axis => {
    const dimension = core.find((d) => d.key === key);
    if (!dimension) {
      throw new Error(`${theme.file}: diamond.axes names "${key}", which is not a core dimension of the framework (${core.map((d) => d.key).join(', ')})`);
    }
    const { score, decimals } = scoreOf(input.scores, dimension.id);
    return { dimension, position, label: ctx.text(dimension.name), value: chartValue(score, decimals, 'score', ctx.locale) };
  });
  const missing = core.filter((d) => !theme.diamond.axes.includes(d.key));
  if (missing.length > 0) throw new Error(`${theme.file}: diamond.axes lacks ${missing.map((d) => `"${d.key}"`).join(', ')}`);
  return axes;
}

/** The label beside the circle, with the size of its box. */
function environmentLabel(ctx: ChartContext, score: number, text: string) {
  const { theme } = ctx;
  const size = theme.diamond.fontSize.circle;
  const lines = wrapLines(theme, text, size, theme.diamond.axisNameMax * 1.3);
  const height = size + (lines.length - 1) * lineHeightOf(theme, theme.diamond.fontSize.axisName);
  return { score, lines, width: widestLine(theme, lines, size), height };
}
