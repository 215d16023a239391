import { ingestDataset } from '../../pipeline/ingest/index.ts';
import { scoreDataset } from '../../pipeline/score/index.ts';
import { composeDocument, type Block, type ComposedDocument, type Inline } from '../../pipeline/compose/index.ts';
import { figureInfos, messagesFor } from '../../pipeline/compose/index.ts';

/**
 * Composes one document of one edition of a project, without drawing charts or laying out
 * pages: what the reader will get, as blocks. Throws InputError as a build would.
 */
export function composeEdition(root: string, locale: string, document: 'acr' | 'brief' = 'acr', country?: string): ComposedDocument {
  const dataset = ingestDataset({ root, configPath: 'pipeline.config.yaml', country });
  const scores = scoreDataset(dataset);
  return composeDocument({ dataset, scores, locale, document, figures: figureInfos(dataset, new Map(), locale), messages: messagesFor(dataset, locale) });
}

/** The text of inlines, footnote marks left out. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.kind === 'text' ? inline.text : '')).join('');
}

/** Every text of a block, one string per paragraph, list item, heading or table row. */
export function blockTexts(block: Block): string[] {
  switch (block.kind) {
    case 'heading': return [block.text];
    case 'paragraph': return [inlineText(block.inlines)];
    case 'list': return block.items.map(inlineText);
    case 'table': return block.rows.map((row) => row.map((cell) => cell.text).join(' | '));
    default: return [];
  }
}

/** The blocks from the heading with `anchor` up to the next heading of the same or a higher level. */
export function section(document: ComposedDocument, anchor: string): Block[] {
  const start = document.blocks.findIndex((b) => b.kind === 'heading' && b.anchor === anchor);
  if (start < 0) return [];
  const level = (document.blocks[start] as Extract<Block, { kind: 'heading' }>).level;
  const end = document.blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= level);
  return document.blocks.slice(start, end < 0 ? undefined : end);
}
