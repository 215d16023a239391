import type { Block } from './types.ts';

/**
 * The blocks a block holds: a box's content and the main column of a side-column row; none for
 * any other block. What walks a document's blocks through their nesting goes through here.
 */
export function innerBlocks(block: Block): readonly Block[] {
  if (block.kind === 'box') return block.blocks;
  if (block.kind === 'aside-row') return block.main;
  return [];
}
