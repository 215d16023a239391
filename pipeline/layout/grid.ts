import type { AsideRowBlock, Block, BoxBlock, Inline, SideItem } from '../document/types.ts';
import type { ChartBox } from './model.ts';
import type { Line } from '../typeset/types.ts';
import type { PlacedItem, StructExtras } from './model.ts';
import type { TextStyle } from '../theme/style.ts';
import type { PlacerContext } from './place/context.ts';

/**
 * Places a row of the grid (side column and main column) or a boxed panel. Each is measured
 * first and kept whole: when it does not fit, it opens the next page.
 */
export function placeGridBlock(context: PlacerContext, block: AsideRowBlock | BoxBlock): void {
  const height = gridBlockHeight(context, block);
  if (!context.fits(height) && !context.atTop()) context.newPage();
  if (block.kind === 'box') drawBox(context, block, height);
  else drawRow(context, block, height);
  context.y += height + context.style.grid.after;
}

/** The height a row or box takes, so that a heading before it can be kept with it. */
export function gridBlockHeight(context: PlacerContext, block: AsideRowBlock | BoxBlock): number {
  return block.kind === 'box' ? boxHeight(context, block) : rowHeight(context, block);
}

// ── rows ──────────────────────────────────────────────────────────────────────────────────

/** The main column: beside the side column, or the whole width when the side column is empty. */
function mainColumn(context: PlacerContext, row: AsideRowBlock): { x: number; width: number } {
  if (row.side.length === 0) return { x: context.left, width: context.width };
  const { side, gutter } = context.style.grid;
  return { x: context.left + side + gutter, width: context.width - side - gutter };
}

function rowHeight(context: PlacerContext, row: AsideRowBlock): number {
  const main = mainColumn(context, row);
  return Math.max(sideHeight(context, row.side, undefined, 0), stack(context, row.main, main.x, main.width, 0, undefined)) + (row.rule ? 6 : 0);
}

function drawRow(context: PlacerContext, row: AsideRowBlock, height: number): void {
  const main = mainColumn(context, row);
  const sect = context.struct('Sect');
  sideHeight(context, row.side, sect, context.y);
  stack(context, row.main, main.x, main.width, context.y, sect);
  if (row.rule) context.push({ kind: 'rect', x: context.left, y: context.y + height - 0.5, width: context.width, height: 0.5, fill: context.style.colors.rule });
}

/** Sets the side column from `y`; measures only when `parent` is undefined. Returns its height. */
function sideHeight(context: PlacerContext, items: readonly SideItem[], parent: number | undefined, y: number): number {
  const { style } = context;
  const big: TextStyle = { ...style.h1, size: 24, leading: 26 };
  const label: TextStyle = { ...style.small, color: style.colors.muted, leading: style.small.size * 1.25 };
  let height = 0;
  items.forEach((item, index) => {
    if (index > 0) height += 10;
    const struct = parent === undefined ? undefined : context.struct('P', parent);
    const put = (lines: Line[], text: TextStyle) => {
      for (const line of lines) {
        if (struct !== undefined) context.push({ kind: 'line', x: context.left, y: y + height, line, style: text, struct });
        height += text.leading;
      }
    };
    if (item.kind === 'pullout') {
      put(context.lines([{ kind: 'text', text: item.value, bold: true }], { ...big, color: item.color ?? style.colors.accent }, context.style.grid.side), { ...big, color: item.color ?? style.colors.accent });
      if (item.label) {
        height += 2;
        put(context.lines([{ kind: 'text', text: item.label }], label, context.style.grid.side), label);
      }
    } else {
      put(context.lines(item.inlines, label, context.style.grid.side), label);
    }
  });
  return height;
}

// ── boxes ─────────────────────────────────────────────────────────────────────────────────

function boxColours(context: PlacerContext, box: BoxBlock): { fill: string; bar: string; title: string } {
  const { colors } = context.style;
  // A call for action stands out in the accent colour; reference information stays quiet.
  return box.tone === 'action' ? { fill: colors.tableHeader, bar: colors.accent, title: colors.accent } : { fill: colors.box, bar: colors.rule, title: colors.text };
}

function titleStyle(context: PlacerContext, box: BoxBlock): TextStyle {
  return { ...context.style.h3, color: boxColours(context, box).title };
}

function boxHeight(context: PlacerContext, box: BoxBlock): number {
  const padding = context.style.grid.padding;
  const inner = context.width - 2 * padding - 4;
  const title = context.lines([{ kind: 'text', text: box.title }], titleStyle(context, box), inner).length * titleStyle(context, box).leading;
  return padding + title + 6 + stack(context, box.blocks, 0, inner, 0, undefined) + padding - context.style.paragraphGap;
}

function drawBox(context: PlacerContext, box: BoxBlock, height: number): void {
  const colours = boxColours(context, box);
  context.push({ kind: 'rect', x: context.left, y: context.y, width: context.width, height, fill: colours.fill });
  context.push({ kind: 'rect', x: context.left, y: context.y, width: 4, height, fill: colours.bar });
  const padding = context.style.grid.padding;
  const x = context.left + 4 + padding;
  const inner = context.width - 2 * padding - 4;
  const sect = context.struct('Sect');
  const heading = context.struct('H3', sect);
  const style = titleStyle(context, box);
  let y = context.y + padding;
  for (const line of context.lines([{ kind: 'text', text: box.title }], style, inner)) {
    context.push({ kind: 'line', x, y, line, style, struct: heading });
    y += style.leading;
  }
  stack(context, box.blocks, x, inner, y + 6, sect);
}

// ── a column of blocks ────────────────────────────────────────────────────────────────────

/**
 * Sets blocks one under another in a column, from `y`. With no parent struct it only
 * measures; either way it returns the height the blocks take.
 */
function stack(context: PlacerContext, blocks: readonly Block[], x: number, width: number, y: number, parent: number | undefined): number {
  const draw = parent !== undefined;
  const { style } = context;
  let height = 0;
  const put = (lines: readonly Line[], text: TextStyle, struct: number | undefined, lineX = x) => {
    for (const line of lines) {
      if (draw) context.push({ kind: 'line', x: lineX, y: y + height, line, style: text, struct });
      height += text.leading;
    }
  };
  blocks.forEach((block, index) => {
    switch (block.kind) {
      case 'heading': {
        const text = block.level <= 3 ? style.h3 : style.h4;
        if (index > 0) height += 4;
        if (draw) context.anchor(block.anchor);
        put(context.lines([{ kind: 'text', text: block.text }], text, width), text, draw ? context.struct(`H${Math.max(3, block.level)}`, parent) : undefined);
        height += 3;
        return;
      }
      case 'paragraph': {
        const text = block.style === 'small' ? style.small : block.style === 'lead' ? { ...style.h3, font: style.fonts.regular, leading: style.h3.size * 1.4 } : style.body;
        put(context.lines(block.inlines, text, width), text, draw ? context.struct('P', parent) : undefined);
        height += style.paragraphGap;
        return;
      }
      case 'list': {
        const list = draw ? context.struct('L', parent) : undefined;
        block.items.forEach((item, i) => {
          const li = list === undefined ? undefined : context.struct('LI', list);
          const lbl = li === undefined ? undefined : context.struct('Lbl', li);
          const body = li === undefined ? undefined : context.struct('LBody', li);
          const label = block.ordered ? `${i + 1}.` : '•';
          if (draw) context.push({ kind: 'line', x, y: y + height, line: context.lines([{ kind: 'text', text: label, bold: block.ordered }], style.body, context.style.grid.bullet)[0]!, style: { ...style.body, color: style.colors.accent }, struct: lbl });
          put(context.lines(item, style.body, width - context.style.grid.bullet), style.body, body, x + context.style.grid.bullet);
          height += 3;
        });
        height += style.paragraphGap - 3;
        return;
      }
      case 'table':
        height += table(context, block, x, width, y + height, parent);
        return;
      case 'figure': {
        const box = block.chart ? context.charts.get(block.chart) : undefined;
        if (!box) return;
        const scale = Math.min(1, width / box.width, context.style.grid.chartHeight / box.height);
        // The caption stands beside the Figure, in a Div that holds both: a Figure's Alt
        // replaces all it contains, and the caption must still be read.
        const group = draw ? context.struct('Div', parent) : undefined;
        const caption = group !== undefined && block.caption ? context.struct('Caption', group) : undefined;
        const figure = group !== undefined ? context.struct('Figure', group, block.alt) : undefined;
        if (block.caption) {
          put(context.lines([{ kind: 'text', text: block.caption }], style.caption, width), style.caption, caption);
          height += 4;
        }
        if (draw) {
          context.anchor(block.anchor);
          context.push({ kind: 'chart', x: x + (width - box.width * scale) / 2, y: y + height, width: box.width * scale, height: box.height * scale, chart: block.chart!, struct: figure! });
        }
        height += box.height * scale + style.paragraphGap;
        return;
      }
      default:
        return;
    }
  });
  return height;
}

/** A small table inside a column: header row, body rows, hairlines; never split. */
function table(context: PlacerContext, block: Extract<Block, { kind: 'table' }>, x: number, width: number, y: number, parent: number | undefined): number {
  const draw = parent !== undefined;
  const { style } = context;
  const text = style.table;
  const padding = 2.5;
  const total = block.widths.reduce((a, b) => a + b, 0);
  const columns = block.widths.map((w) => (w / total) * width);
  const tableStruct = draw ? context.struct('Table', parent) : undefined;
  if (draw) context.anchor(block.anchor);
  let height = 0;
  const row = (cells: readonly { text: string; bold?: boolean; align?: string }[], role: 'TH' | 'TD') => {
    const lines = cells.map((cell, i) => context.lines([{ kind: 'text', text: cell.text, bold: role === 'TH' || cell.bold }], text, columns[i]! - 2 * padding));
    const rowHeight = Math.max(...lines.map((l) => l.length)) * text.leading + 2 * padding;
    if (draw) {
      if (role === 'TH') context.push({ kind: 'rect', x, y: y + height, width, height: rowHeight, fill: style.colors.tableHeader });
      const tr = context.struct('TR', tableStruct);
      let cellX = x;
      lines.forEach((cellLines, i) => {
        const struct = context.struct(role, tr, undefined, role === 'TH' ? { scope: 'Column' } : {});
        cellLines.forEach((line, l) => context.push({ kind: 'line', x: cellX + padding, y: y + height + padding + l * text.leading, line, style: text, struct }));
        cellX += columns[i]!;
      });
      context.push({ kind: 'rect', x, y: y + height + rowHeight - 0.4, width, height: 0.4, fill: style.colors.rule });
    }
    height += rowHeight;
  };
  row(block.header, 'TH');
  for (const cells of block.rows) row(cells, 'TD');
  return height + style.paragraphGap;
}
