import type { ListBlock } from '../../document/types.ts';
import type { FlowContext } from './context.ts';
import { placeLines } from './paragraph.ts';

/**
 * Places a list in the text column: each level indented by `spacing.listIndent`, its label
 * (number, bullet or dash) beside the item's first line wherever page breaking put it.
 */
export function placeList(context: FlowContext, { items, ordered, levels, ragged }: ListBlock): void {
  const page = context.style;
  const { listIndent, listLabelInset, itemGap } = page.spacing;
  const style = page.body;
  // One L per level in use: a nested list is an L inside the body of the item it belongs
  // to, as PDF/UA wants; its items are numbered, or bulleted with a dash, on their own.
  const open: { list: number; count: number; body?: number }[] = [{ list: context.struct('L'), count: 0 }];
  items.forEach((item, index) => {
    const level = Math.min(levels?.[index] ?? 0, 3);
    while (open.length > level + 1) open.pop();
    while (open.length < level + 1) open.push({ list: context.struct('L', open[open.length - 1]!.body), count: 0 });
    const current = open[level]!;
    current.count += 1;
    const li = context.struct('LI', current.list);
    const label = ordered && level === 0 ? `${current.count}.` : level === 0 ? '•' : '–';
    const indent = listIndent * (level + 1);
    const lines = context.lines(item, style, context.textWidth - indent, ragged ? 'ragged' : 'justify');
    const lbl = context.struct('Lbl', li);
    current.body = context.struct('LBody', li);
    // The item's words are a paragraph of its body, declared before what the body holds
    // after them (a sub-list, the notes they cite), so they are read first.
    const text = context.struct('P', current.body);
    const first = placeLines(context, lines, style, context.textLeft + indent, text);
    if (first) {
      first.page.items.push({ kind: 'line', x: context.textLeft + indent - listIndent + listLabelInset, y: first.y, line: context.textLines(label, style, listIndent)[0]!, style: { ...style, color: page.colors.accent }, struct: lbl });
    }
    context.y += itemGap;
  });
  context.y += page.paragraphGap - itemGap;
}
