import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../pipeline/document/types.ts';
import { findBreaks, forcedBreak, type Item } from '../../pipeline/typeset/knuth-plass.ts';
import { breakLines } from '../../pipeline/typeset/paragraph.ts';
import type { Hyphenator, Line } from '../../pipeline/typeset/types.ts';
import { justifiedOptions } from '../../pipeline/typeset/paragraph.ts';

/** Every character 5 pt wide at 10 pt: line widths are counts of characters. */
const measure = (text: string, _font: string, size: number) => [...text].length * size * 0.5;
const fonts = { regular: 'R', italic: 'I', bold: 'B', boldItalic: 'BI', semibold: 'S' };
const style = { font: 'R', size: 10, leading: 13, color: '#000000' };
const text = (t: string): Inline[] => [{ kind: 'text', text: t }];
/** What a line shows: its runs, the break hyphen included. */
const shown = (line: Line) => line.runs.map((run) => run.text).join('');
/** What the text layer holds: the runs without the break hyphen. */
const textOf = (lines: readonly Line[]) => lines.map((line) => line.runs.filter((run) => !run.artifact).map((run) => run.text).join('')).join('');
/** Splits after every third letter of words longer than five: a stand-in for a language's patterns. */
const everyThird: Hyphenator = { split: (word) => (word.length > 5 ? word.match(/.{1,3}/gu)! : [word]) };

const prose = 'Civil society organisations in the regions depend on short grants and volunteers, and their accountability to members and citizens remains uneven across the country.';

describe('the optimiser', () => {
  it('prefers even lines to a full line followed by a loose one', () => {
    // "aaa bb cc dddd": greedy at 9 characters gives "aaa bb cc" / "dddd"; a justified whole
    // paragraph may not leave a line looser than the tolerance.
    const box = (n: number): Item => ({ type: 'box', width: n });
    const glue: Item = { type: 'glue', width: 1, stretch: 1, shrink: 0.5 };
    const items: Item[] = [box(3), glue, box(2), glue, box(2), glue, box(4), glue, box(3), { type: 'penalty', width: 0, cost: forcedBreak, flagged: false }];
    const breaks = findBreaks(items, () => 9, justifiedOptions)!;
    expect(breaks.map((b) => b.position)).toEqual([5, 9]);
    expect(Math.abs(breaks[0]!.ratio)).toBeLessThanOrEqual(1);
  });

  it('gives up within the tolerance, and finds an overfull line without one', () => {
    const items: Item[] = [{ type: 'box', width: 20 }, { type: 'penalty', width: 0, cost: forcedBreak, flagged: false }];
    expect(findBreaks(items, () => 10, justifiedOptions)).toBeUndefined();
    expect(findBreaks(items, () => 10, { ...justifiedOptions, tolerance: Infinity })).toEqual([{ position: 1, ratio: -1, overfull: true }]);
  });
});

describe('setting a paragraph', () => {
  it('justifies every line but the last to the full width', () => {
    const lines = breakLines(text(prose), 200, style, fonts, measure, { mode: 'justify' });
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(0, -1)) expect(line.width).toBeCloseTo(200, 6);
    expect(lines.at(-1)!.width).toBeLessThan(200);
  });

  it('keeps every word and every space in the text, one space where a line broke', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zа-яәғқңөұүһі]{1,14}$/u), { minLength: 1, maxLength: 60 }), fc.integer({ min: 60, max: 400 }), (words, width) => {
        const paragraph = words.join(' ');
        for (const mode of ['justify', 'ragged'] as const) {
          const lines = breakLines(text(paragraph), width, style, fonts, measure, { mode, hyphenator: everyThird });
          expect(textOf(lines)).toBe(paragraph);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('hyphenates to avoid loose lines, and marks the added hyphen', () => {
    const lines = breakLines(text(prose), 160, style, fonts, measure, { mode: 'justify', hyphenator: everyThird });
    const hyphenated = lines.filter((line) => line.runs.at(-1)?.artifact);
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const line of hyphenated) expect(line.runs.at(-1)!.text).toBe('-');
    for (const line of lines.slice(0, -1)) expect(line.width).toBeCloseTo(160, 6);
  });

  it('never ends more than two lines in a row with a hyphen', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{6,16}$/), { minLength: 10, maxLength: 50 }), fc.integer({ min: 80, max: 200 }), (words, width) => {
        const lines = breakLines(text(words.join(' ')), width, style, fonts, measure, { mode: 'justify', hyphenator: everyThird });
        let inRow = 0;
        for (const line of lines) {
          inRow = line.runs.at(-1)?.artifact ? inRow + 1 : 0;
          expect(inRow).toBeLessThanOrEqual(2);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('honours a soft hyphen in the source and removes it from the text', () => {
    const lines = breakLines(text('aaaa bbbbbb\u00adcccccc dd'), 70, style, fonts, measure, { mode: 'justify' });
    expect(lines.map(shown)).toEqual(['aaaa bbbbbb-', 'cccccc dd']);
    expect(textOf(lines)).toBe('aaaa bbbbbbcccccc dd');
  });

  it('never breaks at a no-break space, and breaks after a hyphen in the text', () => {
    for (let width = 30; width <= 120; width += 5) {
      const lines = breakLines(text('score 46,9\u00a0% of non-members'), width, style, fonts, measure, { mode: 'ragged' });
      expect(lines.some((line) => shown(line).includes('46,9\u00a0%')), `at ${width} pt`).toBe(true);
    }
    const narrow = breakLines(text('members and non-members'), 40, style, fonts, measure, { mode: 'ragged' });
    expect(narrow.some((line) => shown(line).endsWith('non-'))).toBe(true);
  });

  it('stretches a space UAX #14 keeps unbroken (before an ambiguous quote) like the others, and breaks before an opening quote', () => {
    const quoted = 'Термины «гражданское общество» и «неправительственная организация» (НПО) вошли в обиход, а закон говорит "о некоммерческих организациях" с 2001 года.';
    for (const width of [150, 180, 210, 260]) {
      const lines = breakLines(text(quoted), width, style, fonts, measure, { mode: 'justify' });
      expect(textOf(lines)).toBe(quoted);
      for (const line of lines.slice(0, -1)) expect(line.width, shown(line)).toBeCloseTo(width, 6);
      // The drawn spaces widen by `spacing`: every run's width is its measured text plus that.
      for (const line of lines) for (const run of line.runs) if (!run.artifact && run.x + run.width < line.width) expect(run.width).toBeCloseTo(measure(run.text, run.font, run.size) + (run.text.match(/ /g)?.length ?? 0) * (run.spacing ?? 0), 6);
    }
  });

  it('sets each line as wide as its text is written, where the face kerns a letter with the space after it', () => {
    // Text is written a word and its space at a time (SharedFace.encodeText); this face draws
    // a letter followed by a space 1.5 pt closer, as a kerning pair would.
    const piece = (word: string) => [...word].length * 5 - (/\p{L} $/u.test(word) ? 1.5 : 0);
    const kerned = (content: string) => (content.match(/[^ ]* |[^ ]+$/g) ?? []).reduce((sum, word) => sum + piece(word), 0);
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zа-яәғқңөұүһі]{1,12}$/u), { minLength: 1, maxLength: 40 }), fc.integer({ min: 60, max: 300 }), (words, width) => {
        const lines = breakLines(text(words.join(' ')), width, style, fonts, (content) => kerned(content), { mode: 'ragged' });
        for (const line of lines) {
          const written = line.runs.map((run) => run.text).join('');
          // A line broken at a space keeps it, unseen, after its last word.
          const expected = written.endsWith(' ') ? kerned(written) - kerned(' ') : kerned(written);
          expect(line.width, written).toBeCloseTo(expected, 6);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ends a line at a hard line break, without stretching it', () => {
    const lines = breakLines(text('Meruert Makhmutova\nDirector, Public Policy Research Center'), 400, style, fonts, measure, { mode: 'justify' });
    expect(lines.map((line) => shown(line).trimEnd())).toEqual(['Meruert Makhmutova', 'Director, Public Policy Research Center']);
    expect(lines[0]!.width).toBeCloseTo(measure('Meruert Makhmutova', 'R', 10), 6);
  });

  it('keeps a note mark on its word, smaller, and counts it in the line', () => {
    const inlines: Inline[] = [{ kind: 'text', text: 'the Civil Society Index,' }, { kind: 'footnote', number: 12 }, { kind: 'text', text: ' was applied in many countries' }];
    for (const width of [90, 125, 130, 200]) {
      const lines = breakLines(inlines, width, style, fonts, measure, { mode: 'ragged' });
      const line = lines.find((l) => l.footnotes.includes(12))!;
      const mark = line.runs.find((run) => run.footnote === 12)!;
      expect(mark.size).toBeLessThan(style.size);
      expect(shown(line)).toMatch(/Index,12 ?$|Index,12 /);
      for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + 1e-6);
    }
  });

  it('cuts a 20,000-character word without a break point into full lines, in time linear in its length', () => {
    const word = 'x'.repeat(20000);
    const lines = breakLines(text(`a ${word} b`), 150, style, fonts, measure, { mode: 'justify' });
    expect(textOf(lines).replace(/ /g, '')).toBe(`a${word}b`);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150 + 1e-6);
    expect(lines.length).toBeLessThan(20000 / 25);
  });

  it('keeps a word whole in a label, even wider than the line', () => {
    const lines = breakLines(text('Extraordinarilylongword here'), 50, style, fonts, measure, { mode: 'ragged', keepWords: true });
    expect(lines.map((line) => shown(line).trimEnd())).toEqual(['Extraordinarilylongword', 'here']);
  });
});
