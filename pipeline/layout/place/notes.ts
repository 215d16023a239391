import type { Inline } from '../../document/types.ts';
import type { Line } from '../../typeset/types.ts';
import type { PageStyle } from '../../theme/style.ts';
import type { StructDef, StructExtras } from '../model.ts';
import type { LineSetter } from './lines.ts';

/** Every footnote of the document set once, with its number, justified in the text column. */
export function footnoteLinesOf(footnotes: ReadonlyMap<number, readonly Inline[]>, style: PageStyle, width: number, lines: LineSetter): Map<number, Line[]> {
  const set = new Map<number, Line[]>();
  for (const [number, inlines] of footnotes) {
    const marked: Inline[] = [{ kind: 'text', text: `${number}\u00a0` }, ...inlines];
    set.set(number, lines(marked, style.footnote, width, 'justify'));
  }
  return set;
}

/** Height the notes take at the foot of a page, with the gap above them; none, nothing. */
export function notesHeight(numbers: readonly number[], footnoteLines: ReadonlyMap<number, readonly Line[]>, style: PageStyle): number {
  let height = 0;
  for (const number of numbers) height += (footnoteLines.get(number)?.length ?? 0) * style.footnote.leading;
  if (numbers.length > 0) height += style.spacing.footnoteGap;
  return height;
}

/**
 * Declares the Note of each footnote first cited in `lines` right after the text that cites
 * it, so a reader of the structure hears the note where the mark is, not after the
 * bibliography: beside the paragraph (in a list item, inside its body).
 */
export function declareNotes(structs: readonly StructDef[], lines: readonly Line[], struct: number, declare: (role: string, parent?: number, alt?: string, more?: StructExtras) => number): void {
  const parent = structs[struct]?.parent;
  for (const line of lines) {
    for (const number of line.footnotes) {
      const noteId = `fn-${number}`;
      if (!structs.some((s) => s.noteId === noteId)) declare('Note', parent, undefined, { noteId });
    }
  }
}
