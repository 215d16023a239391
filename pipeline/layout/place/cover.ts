import type { Block } from '../../document/types.ts';
import type { TextStyle } from '../../theme/style.ts';
import type { FlowContext } from './context.ts';

/** Text on the accent band. */
const onAccent = '#ffffff';

/**
 * Places a title page: the report's (an accent band with title and subtitle, the country, the
 * cover chart, the credits at the foot, then a new page), or the brief's compact band at the
 * top of its first page, under which the text begins.
 */
export function placeCover(context: FlowContext, block: Extract<Block, { kind: 'cover' }>): void {
  const page = context.style;
  if (context.page.items.length > 0) context.newPage(true);
  const layout = block.compact ? page.cover.compact : page.cover.full;
  const band = layout.band;
  // The title band replaces the running head on its page.
  context.page.plain = true;
  context.push({ kind: 'rect', x: 0, y: 0, width: page.width, height: band, fill: page.colors.accent });
  const white = (style: TextStyle) => ({ ...style, color: onAccent });
  const big = white({ ...page.h1, size: layout.title.size, leading: layout.title.leading });
  const light = white(page.h2);
  const small = white(page.small);
  let y = layout.top;
  const put = (text: string, style: TextStyle, struct: number | undefined) => {
    for (const line of context.textLines(text, style, context.width)) {
      context.push({ kind: 'line', x: context.left, y, line, style, struct });
      y += style.leading;
    }
  };
  if (block.compact) {
    const compact = page.cover.compact;
    put(block.subtitle, small, context.struct('P'));
    y += compact.gap;
    put(block.title, big, context.struct('H1'));
    y += compact.gap;
    put(block.country, light, context.struct('P'));
    y += compact.creditsGap;
    put(block.credits[0] ?? '', small, context.struct('P'));
    put(block.edition, small, context.struct('P'));
    context.y = band + compact.after;
    return;
  }
  const full = page.cover.full;
  put(block.title, big, context.struct('H1'));
  y += full.subtitleGap;
  put(block.subtitle, light, context.struct('P'));
  y = band + full.countryTop;
  put(block.country, { ...page.h1, size: full.country.size, leading: full.country.leading }, context.struct('P'));
  if (block.chart && context.charts.has(block.chart)) {
    const box = context.charts.get(block.chart)!;
    const height = Math.min(full.chartHeight, box.height);
    const width = (box.width * height) / box.height;
    const figure = context.struct('Figure', undefined, block.chartAlt ?? block.title);
    context.push({ kind: 'chart', x: (page.width - width) / 2, y: y + full.chartGap, width, height, chart: block.chart, struct: figure });
  }
  const muted = { ...page.body, color: page.colors.muted };
  const lines = [...block.credits, block.edition].flatMap((text) => context.textLines(text, muted, context.width));
  y = page.height - full.creditsBottom - lines.length * muted.leading;
  const credits = context.struct('P');
  for (const line of lines) {
    context.push({ kind: 'line', x: context.left, y, line, style: muted, struct: credits });
    y += muted.leading;
  }
  context.newPage(false);
}
