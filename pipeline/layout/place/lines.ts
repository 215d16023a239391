import type { Inline } from '../../document/types.ts';
import { breakLines, type SetOptions } from '../../typeset/paragraph.ts';
import type { Line } from '../../typeset/types.ts';
import type { TextStyle } from '../../theme/style.ts';
import type { FlowInput } from './context.ts';

/** Breaks paragraphs into lines of a width; justified ones hyphenated in the edition's language. */
export type LineSetter = (inlines: readonly Inline[], style: TextStyle, width: number, mode?: SetOptions['mode']) => Line[];

/**
 * The flow's line setter: remembers what it broke in the input's memo (when there is one) and
 * adds its time to the input's clock.
 */
export function lineSetter(input: FlowInput): LineSetter {
  const { lineMemo: memo, style: page, measure } = input;
  const timed = <T>(work: () => T): T => {
    const clock = input.clock;
    if (!clock) return work();
    const start = performance.now();
    const result = work();
    clock.breakingMs += performance.now() - start;
    return result;
  };
  return (inlines, style, width, mode = 'ragged') => {
    const hyphenation = mode === 'justify' ? input.hyphenation : undefined;
    const options: SetOptions = { mode, hyphenator: hyphenation?.hyphenator };
    if (!memo) return timed(() => breakLines(inlines, width, style, page.fonts, measure, options));
    const key = `${memo.fonts}|${width}|${style.font}|${style.size}|${mode}|${hyphenation?.name ?? ''}|${JSON.stringify(inlines)}`;
    let lines = memo.get(key);
    if (lines) return lines;
    lines = timed(() => breakLines(inlines, width, style, page.fonts, measure, options));
    memo.set(key, lines);
    return lines;
  };
}
