import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { composeProject, type ComposedProject } from '../../bench/compose.ts';
import type { Block, Inline } from '../../pipeline/document/types.ts';
import { repoRoot } from '../helpers/project.ts';
import { joinLines, readTypeset, type ReadPage } from '../helpers/typeset.ts';

/**
 * The typesetting of the six built PDFs, read back as a reader's tools read them: the
 * measure of the running text, the text layer of justified and hyphenated paragraphs, how
 * full the pages are, and how tables break.
 */
const documents = ['en/acr', 'en/brief', 'ru/acr', 'ru/brief', 'kk/acr', 'kk/brief'] as const;
const read = new Map<string, ReadPage[]>();
let composed: ComposedProject;

beforeAll(async () => {
  composed = await composeProject(repoRoot);
  for (const name of documents) read.set(name, await readTypeset(join(inject('builtOutput'), 'kazakhstan', `${name}.pdf`)));
});

const percentile = (values: readonly number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))]!;
const normalise = (text: string) => text.replace(/\u00ad/g, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The text of a paragraph or list item as composed: its words; a note mark is no part of them. */
const plain = (inlines: readonly Inline[]) => normalise(inlines.map((inline) => (inline.kind === 'text' ? inline.text : '')).join(''));

/** Body paragraphs and list items of a composed document, in order. */
function runningTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'paragraph' ? [plain(block.inlines)] : block.kind === 'list' ? block.items.map(plain) : [])).filter(Boolean);
}

describe.each(documents)('%s', (name) => {
  const pages = () => read.get(name)!;
  const bodyLines = () => {
    // A part's last line may be its paragraph's, which is set free: only the lines above it count.
    const sized = pages().flatMap((page) => page.parts.flatMap((part) => part.lines.slice(0, -1))).filter((line) => Math.abs(line.size - 10.5) < 0.01);
    // The text column's lines: those that start where most do (not the cover's credits).
    const lefts = new Map<number, number>();
    for (const line of sized) lefts.set(Math.round(line.left), (lefts.get(Math.round(line.left)) ?? 0) + 1);
    const left = [...lefts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const lines = sized.filter((line) => Math.round(line.left) === left);
    const column = percentile(lines.map((line) => line.right - line.left), 0.9);
    // Full lines: the last line of a paragraph and one ended by a hard break are short by design.
    return lines.filter((line) => line.right - line.left >= column * 0.97);
  };

  // The brief sets its text on a grid of its own (its plan's textColumn: false); the measure
  // and the justified edge are the report's, so only its documents have those tests.
  if (name.endsWith('acr')) {
    it('sets running text at 60–75 characters a line (median and 90th percentile)', () => {
      const counts = bodyLines().map((line) => [...line.text.trimEnd()].length);
      expect(counts.length).toBeGreaterThan(300);
      for (const share of [0.5, 0.9]) {
        expect(percentile(counts, share), `percentile ${share * 100}`).toBeGreaterThanOrEqual(60);
        expect(percentile(counts, share), `percentile ${share * 100}`).toBeLessThanOrEqual(75);
      }
    });

    it('justifies running text: its full lines share one right edge', () => {
      const rights = bodyLines().map((line) => line.right);
      const edge = percentile(rights, 0.5);
      // Within 2 pt (under a millimetre): pdf.js measures a line's end from its glyphs'
      // advances and widths, which differ from the drawn line by up to two points; a ragged line
      // misses the edge by a word.
      const off = bodyLines().filter((line) => Math.abs(line.right - edge) > 2);
      expect(off.map((line) => `${line.text} (${(line.right - edge).toFixed(1)} pt)`)).toEqual([]);
    });

    it('sets the reference list ragged right: its entries\' lines end where their words do', () => {
      const [locale] = name.split('/') as [string];
      const doc = composed.editions.find((e) => e.locale === locale)!.documents.find((d) => d.kind === 'acr')!;
      const start = doc.blocks.findIndex((block) => block.kind === 'heading' && block.anchor === 'bibliography');
      const entries = doc.blocks.slice(start).flatMap((block) => (block.kind === 'paragraph' ? [plain(block.inlines)] : []));
      expect(entries.length).toBeGreaterThan(10);
      const parts = pages().flatMap((page) => page.parts).filter((part) => entries.some((entry) => entry.startsWith(normalise(joinLines(part.lines)).slice(0, 40))));
      expect(parts.length).toBeGreaterThanOrEqual(entries.length);
      // Lines above an entry's last: justified, every one would end at the column's edge.
      const lines = parts.flatMap((part) => part.lines.slice(0, -1));
      const edge = Math.max(...lines.map((line) => line.right));
      expect(lines.filter((line) => edge - line.right > 4).length).toBeGreaterThan(lines.length / 4);
    });
  }

  it('reads every paragraph back as composed: whole words, single spaces, no break hyphens', () => {
    const [locale, kind] = name.split('/') as [string, 'acr' | 'brief'];
    const edition = composed.editions.find((e) => e.locale === locale)!;
    const doc = edition.documents.find((d) => d.kind === kind)!;
    const expected = runningTexts(doc.blocks);
    const parts = pages().flatMap((page) => page.parts);
    let cursor = 0;
    const missing: string[] = [];
    for (const text of expected) {
      // The paragraph's first part, then the parts that continue it on the next pages.
      let at = cursor;
      while (at < parts.length && !text.startsWith(normalise(joinLines(parts[at]!.lines)).slice(0, 40))) at += 1;
      if (at === parts.length) {
        missing.push(text.slice(0, 80));
        continue;
      }
      let got = joinLines(parts[at]!.lines);
      let last = parts[at]!.lines.at(-1)!;
      let next = at + 1;
      while (normalise(got).length < text.length && next < parts.length) {
        const joined = (part: (typeof parts)[number]) => got + (last.hyphenated || /[-\u2010/]$/.test(last.text.trimEnd()) ? '' : ' ') + joinLines(part.lines);
        // pdf.js lists a page's elements in the order of their content: a figure's note that
        // floated to the top of the next page may come before the paragraph's continuation.
        let skip = 0;
        while (skip < 3 && next + skip < parts.length && !text.startsWith(normalise(joined(parts[next + skip]!)))) skip += 1;
        const chosen = skip < 3 && next + skip < parts.length ? next + skip : next;
        got = joined(parts[chosen]!);
        last = parts[chosen]!.lines.at(-1)!;
        next = chosen + 1;
      }
      expect(normalise(got)).toBe(text);
      expect(got, 'no double spaces').not.toMatch(/\S {2,}\S/);
      cursor = next;
    }
    expect(missing, 'paragraphs not found in the PDF').toEqual([]);
  });

  it('leaves no page under 30 % full but a chapter\'s last page with at least 8 lines, and the last page', () => {
    const list = pages();
    const body = (page: ReadPage) => (page.lowest - 78) / (page.height - 78 - 72);
    const opensChapter = (page: ReadPage | undefined) => !page || page.blocks[0]?.role === 'H1';
    const faults: string[] = [];
    list.forEach((page, index) => {
      if (index === 0 || index === list.length - 1 || body(page) >= 0.3) return;
      const lines = page.lineCount;
      if (opensChapter(list[index + 1]) && lines >= 8) return;
      faults.push(`page ${index + 1}: ${Math.round(body(page) * 100)} % full, ${lines} lines`);
    });
    expect(faults).toEqual([]);
  });

  it('carries no fewer than 3 rows of a table over a page break, and leaves no fewer before it', () => {
    const list = pages();
    const rows = (block: ReadPage['blocks'][number]) => block.children.filter((role) => role === 'TR').length;
    const faults: string[] = [];
    for (let i = 0; i + 1 < list.length; i += 1) {
      const before = list[i]!.blocks.at(-1);
      const after = list[i + 1]!.blocks[0];
      // A table that goes on at the top of the next page without its caption is a continued one.
      if (before?.role !== 'Table' || after?.role !== 'Table' || after.children.includes('Caption')) continue;
      if (rows(before) < 3 || rows(after) < 3) faults.push(`pages ${i + 1}–${i + 2}: ${rows(before)} rows, then ${rows(after)}`);
    }
    expect(faults).toEqual([]);
  });
});
