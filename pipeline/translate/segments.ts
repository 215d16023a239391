/** A segment (translated) or an ignorable (white space kept as is) of an XLIFF unit. */
export interface UnitPart {
  /** Segments are translated; ignorables hold the white space around and between them. */
  kind: 'segment' | 'ignorable';
  /** The English text of the part. */
  source: string;
  /** The translated text, when the unit has a translation (for ignorables: only when it differs). */
  target?: string;
}

/** A text cut at blank lines: leading space, blocks, the separators between them, trailing space. */
interface Layout {
  /** White space before the first block. */
  lead: string;
  /** The paragraphs. */
  blocks: string[];
  /** The blank lines between paragraphs: one fewer than the blocks. */
  separators: string[];
  /** White space after the last block. */
  trail: string;
}

/**
 * Cuts a unit into XLIFF parts: one segment per paragraph (blocks between blank lines), the
 * blank lines and the space around the text as ignorables, so translation tools show one
 * paragraph at a time and cannot trim the line breaks Markdown needs. A translation is cut
 * the same way; when its paragraphs do not pair up with the English ones, the unit is one
 * segment. Joining the sources (or the targets, falling back to the source of an ignorable)
 * gives each text back exactly.
 */
export function unitParts(source: string, target: string | undefined): UnitPart[] {
  const from = layout(source);
  const to = target === undefined ? undefined : layout(target);
  if (from.blocks.length === 0 || (to && to.blocks.length !== from.blocks.length)) return single(source, target, from, to);
  const parts: UnitPart[] = [];
  ignorable(parts, from.lead, to?.lead);
  from.blocks.forEach((block, index) => {
    parts.push(to ? { kind: 'segment', source: block, target: to.blocks[index]! } : { kind: 'segment', source: block });
    if (index < from.separators.length) ignorable(parts, from.separators[index]!, to?.separators[index]);
  });
  ignorable(parts, from.trail, to?.trail);
  return parts;
}

/** Joins parts back into the target text (or the source text, with `side: 'source'`). */
export function joinParts(parts: readonly UnitPart[], side: 'source' | 'target'): string {
  return parts.map((part) => (side === 'source' ? part.source : part.target ?? part.source)).join('');
}

function single(source: string, target: string | undefined, from: Layout, to: Layout | undefined): UnitPart[] {
  // Text that is only white space is one segment, or there would be nothing to translate.
  if (from.blocks.length === 0) return [target === undefined ? { kind: 'segment', source } : { kind: 'segment', source, target }];
  const parts: UnitPart[] = [];
  const core = (text: Layout) => text.blocks.map((block, index) => block + (text.separators[index] ?? '')).join('');
  ignorable(parts, from.lead, to?.lead);
  parts.push(to ? { kind: 'segment', source: core(from), target: core(to) } : { kind: 'segment', source: core(from) });
  ignorable(parts, from.trail, to?.trail);
  return parts;
}

function ignorable(parts: UnitPart[], source: string, target: string | undefined): void {
  if (source === '' && (target === undefined || target === '')) return;
  parts.push(target === undefined || target === source ? { kind: 'ignorable', source } : { kind: 'ignorable', source, target });
}

function layout(text: string): Layout {
  const lead = /^\s*/.exec(text)![0];
  if (lead.length === text.length) return { lead: text, blocks: [], separators: [], trail: '' };
  const trail = /\s*$/.exec(text)![0];
  const pieces = text.slice(lead.length, text.length - trail.length).split(/([ \t\r]*\n[ \t\r]*\n\s*)/);
  return { lead, blocks: pieces.filter((_, index) => index % 2 === 0), separators: pieces.filter((_, index) => index % 2 === 1), trail };
}
