import type { Block } from '../../document/types.ts';
import type { FlowContext } from './context.ts';
import { placeHeading } from './heading.ts';

/** What an index page lists. */
export type IndexOf = 'contents' | 'figures' | 'tables';

/** An entry of the contents or of a list of figures / tables. */
export interface IndexEntry {
  /** The heading's or caption's text. */
  text: string;
  /** Where it points: its page number is that anchor's page. */
  anchor: string;
  /** Heading level; 1 for figures and tables. */
  level: number;
}

/** Entries of the contents or of a list of figures / tables, in document order. */
export function indexEntries(blocks: readonly Block[], of: IndexOf): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const block of blocks) {
    if (of === 'contents' && block.kind === 'heading' && block.inContents) entries.push({ text: block.text, anchor: block.anchor, level: block.level });
    if (of === 'figures' && block.kind === 'figure') entries.push({ text: block.caption, anchor: block.anchor, level: 1 });
    if (of === 'tables' && block.kind === 'table' && block.id) entries.push({ text: block.caption, anchor: block.anchor, level: 1 });
  }
  return entries;
}

/**
 * Places the contents (on a page of its own) or a list of figures or tables: a heading, then
 * one entry a line (a list of figures or tables with no entry is left out), its page number (drawn once every page is known) at the right after a
 * leader. An entry too long for the page opens the next.
 */
export function placeIndex(context: FlowContext, of: IndexOf): void {
  const page = context.style;
  const layout = page.contents;
  const labels = context.document.labels;
  const title = of === 'contents' ? labels.contents : of === 'figures' ? labels.figures : labels.tables;
  const entries = indexEntries(context.document.blocks, of);
  // A list with nothing to list (a report without tables) is left out, heading and all.
  if (entries.length === 0 && of !== 'contents') return;
  placeHeading(context, { kind: 'heading', level: 1, text: title, anchor: `index-${of}`, inContents: of !== 'contents', newPage: of === 'contents' }, [], 0);
  const toc = context.struct('TOC');
  for (const entry of entries) {
    const part = of === 'contents' && entry.level === 1;
    const style = part ? { ...page.body, font: page.fonts.semibold } : page.body;
    const indent = of === 'contents' ? Math.max(0, entry.level - 1) * layout.indent : 0;
    const lines = context.textLines(entry.text, style, context.width - indent - layout.numberWidth);
    const gap = part ? layout.partGap : layout.entryGap;
    if (!context.fits(gap + lines.length * style.leading)) context.newPage(false);
    context.y += gap;
    const struct = context.struct('TOCI', toc);
    context.push({ kind: 'index-entry', x: context.left + indent, y: context.y, right: context.left + context.width, lines, style, target: entry.anchor, struct });
    context.y += lines.length * style.leading;
  }
  context.y += page.paragraphGap;
}
