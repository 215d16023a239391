import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { composeProject, type ComposedProject } from '../../bench/compose.ts';
import type { Block, ComposedDocument, Inline, TableBlock } from '../../pipeline/document/types.ts';
import { repoRoot } from '../helpers/project.ts';
import { allElements, readStructure, type ReadElement } from '../helpers/structure.ts';

/**
 * What a screen reader or a copy from the tagged text gets from the six built PDFs, compared
 * with the composed documents: every paragraph, list item, footnote and table cell reads as
 * written — whole words (a word hyphenated at a line end read whole), single spaces, no note
 * mark run into the words — and words in another language carry their language.
 */
const documents = ['en/acr', 'en/brief', 'ru/acr', 'ru/brief', 'kk/acr', 'kk/brief'] as const;
const structures = new Map<string, ReadElement[][]>();
let composed: ComposedProject;

beforeAll(async () => {
  composed = await composeProject(repoRoot);
  for (const name of documents) structures.set(name, await readStructure(join(inject('builtOutput'), 'kazakhstan', `${name}.pdf`)));
});

const normalise = (text: string) => text.replace(/\u00ad/g, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** A paragraph's words as composed; a note mark is no part of them. */
const words = (inlines: readonly Inline[]) => normalise(inlines.map((inline) => (inline.kind === 'text' ? inline.text : '')).join(''));

function composedDocument(name: string): ComposedDocument {
  const [locale, kind] = name.split('/');
  return composed.editions.find((e) => e.locale === locale)!.documents.find((d) => d.kind === kind)!;
}

/** Every block, with the blocks inside the brief's rows and boxes, in reading order. */
function flatBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block) => (block.kind === 'aside-row' ? [block, ...flatBlocks(block.main)] : block.kind === 'box' ? [block, ...flatBlocks(block.blocks)] : [block]));
}

/** The elements of `roles` across the pages, in reading order; an element that a page break splits comes once per page. */
function elementsOf(name: string, roles: readonly string[]): ReadElement[] {
  return structures.get(name)!.flatMap((page) => allElements(page).filter((element) => roles.includes(element.role)));
}

/** How many elements on a paragraph's next page may come before its continuation (a figure that floated there). */
const lookahead = 8;

/**
 * Finds each expected text, in order, among the elements: one element, or the pieces of one
 * that page breaks split, joined as they stand (the end of a page ends a line). pdf.js lists
 * a page's elements in the order of their content, so a figure that floated to the top of the
 * next page may come before a paragraph's continuation. Returns the texts not found as written.
 */
function unread(expected: readonly string[], elements: readonly ReadElement[]): string[] {
  const missing: string[] = [];
  let cursor = 0;
  const startsAt = (text: string, at: number) => normalise(elements[at]!.words) !== '' && text.startsWith(normalise(elements[at]!.words).slice(0, 30));
  /** The text read from the element at `at` on, and the pieces of it on the next pages. */
  const readFrom = (text: string, at: number) => {
    let got = elements[at]!.words;
    let next = at + 1;
    while (normalise(got).length < text.length && next < elements.length) {
      const found = elements.slice(next, next + lookahead).findIndex((element) => text.startsWith(normalise(got + element.words)));
      if (found < 0) break;
      got += elements[next + found]!.words;
      next += found + 1;
    }
    return normalise(got);
  };
  for (const text of expected) {
    let first: string | undefined;
    let at = cursor;
    for (; at < elements.length; at += 1) {
      if (!startsAt(text, at)) continue;
      const got = readFrom(text, at);
      if (got === text) break;
      first ??= got;
    }
    if (at < elements.length) cursor = at + 1;
    else missing.push(first === undefined ? text : `${text}\n   read: ${first}`);
  }
  return missing;
}

describe.each(documents)('%s read from its structure tree', (name) => {
  it('reads every paragraph and list item as composed: whole words, single spaces, no note marks', () => {
    const blocks = flatBlocks(composedDocument(name).blocks);
    const expected = blocks.flatMap((block) => (block.kind === 'paragraph' ? [words(block.inlines)] : block.kind === 'list' ? block.items.map(words) : [])).filter(Boolean);
    expect(expected.length).toBeGreaterThan(10);
    expect(unread(expected, elementsOf(name, ['P', 'LBody']))).toEqual([]);
  });

  it('reads every footnote as composed', () => {
    const document = composedDocument(name);
    const expected = [...document.footnotes].map(([number, inlines]) => `${number} ${words(inlines)}`);
    expect(unread(expected, elementsOf(name, ['Note']))).toEqual([]);
  });

  it('puts each footnote right after the text whose mark links to it', async () => {
    const notes = await notePlaces(join(inject('builtOutput'), 'kazakhstan', `${name}.pdf`));
    expect(notes.length).toBe(composedDocument(name).footnotes.size);
    expect(notes.filter((note) => !note.citedBefore).map((note) => note.id)).toEqual([]);
  });

  it('reads every table cell as composed, in order', () => {
    const tables = flatBlocks(composedDocument(name).blocks).filter((block): block is TableBlock => block.kind === 'table');
    // pdf.js lists a table's cells on every page the table is on, those of other pages empty:
    // the cells with words, in order, are the table's text.
    const expected = tables.flatMap((table) => [table.header, ...table.rows].flat().map((cell) => normalise(cell.text))).filter(Boolean);
    const cells = elementsOf(name, ['TH', 'TD']).map((cell) => normalise(cell.words)).filter(Boolean);
    expect(cells).toEqual(expected);
  });

  it('gives every element that has a language of its own one that differs from the document’s', () => {
    const locale = name.split('/')[0]!;
    const tagged = structures.get(name)!.flatMap((page) => allElements(page).filter((element) => element.lang !== undefined));
    expect(tagged.filter((element) => element.lang === locale).map((element) => element.text)).toEqual([]);
  });
});

describe('words in another language', () => {
  const spans = (name: string, lang: string) => elementsOf(name, ['Span', 'Link']).filter((element) => element.lang === lang).map((element) => normalise(element.text));

  it('tags the Russian titles and authors of the English report’s bibliography as Russian', () => {
    const russian = spans('en/acr', 'ru');
    expect(russian).toContain('Республика Казахстан');
    expect(russian.join(' ')).toContain('Закон Республики Казахстан «О некоммерческих организациях»');
  });

  it('tags the English names of the Russian and Kazakh prose, and their bibliography’s English works, as English', () => {
    for (const name of ['ru/acr', 'kk/acr']) {
      const english = spans(name, 'en');
      expect(english, name).toContain('Freedom House');
      expect(english, name).toContain('Transparency International');
      expect(english.join(' '), name).toContain('Trust: The Social Virtues and the Creation of Prosperity');
      // A citation names an English work's author in English: "[Canas, 2005]".
      expect(english, name).toContain('Canas');
    }
  });

  it('prints no attribute braces: every marked span became a tag', () => {
    for (const name of documents) {
      const text = structures.get(name)!.flatMap((page) => page.map((element) => element.text)).join(' ');
      expect(text, name).not.toMatch(/\{lang=|\]\{/);
    }
  });
});

/**
 * Each footnote's Note in the whole structure tree (pdf-lib, in document order), and whether
 * the element before it — past other notes — holds a Reference whose link goes to it.
 */
async function notePlaces(file: string): Promise<{ id: string; citedBefore: boolean }[]> {
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const lookup = (value: PDFObject | undefined) => (value instanceof PDFRef ? pdf.context.lookup(value) : value);
  const text = (value: PDFObject | undefined) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : value instanceof PDFName ? value.decodeText() : undefined);
  const kids = (element: PDFDict): PDFDict[] => {
    const k = lookup(element.get(PDFName.of('K')));
    const list = k instanceof PDFArray ? k.asArray().map(lookup) : [k];
    return list.filter((kid): kid is PDFDict => kid instanceof PDFDict);
  };
  const role = (element: PDFDict) => text(element.get(PDFName.of('S')));
  /** Where the links inside a Reference under `element` go. */
  const referenced = (element: PDFDict, inReference = false): string[] => kids(element).flatMap((kid) => {
    if (kid.get(PDFName.of('Type')) === PDFName.of('OBJR')) {
      const annotation = lookup(kid.get(PDFName.of('Obj')));
      // A GoTo action's named destination (pdfkit's goTo), or a Dest entry.
      const action = annotation instanceof PDFDict ? lookup(annotation.get(PDFName.of('A'))) : undefined;
      const target = action instanceof PDFDict ? lookup(action.get(PDFName.of('D'))) : annotation instanceof PDFDict ? lookup(annotation.get(PDFName.of('Dest'))) : undefined;
      return inReference ? [text(target) ?? ''] : [];
    }
    return referenced(kid, inReference || role(kid) === 'Reference');
  });
  const notes: { id: string; citedBefore: boolean }[] = [];
  const walk = (element: PDFDict) => {
    const children = kids(element).filter((kid) => role(kid) !== undefined);
    children.forEach((child, i) => {
      if (role(child) === 'Note') {
        const id = text(lookup(child.get(PDFName.of('ID')))) ?? '';
        let before = i - 1;
        while (before >= 0 && role(children[before]!) === 'Note') before -= 1;
        notes.push({ id, citedBefore: before >= 0 && referenced(children[before]!).includes(id) });
      }
      walk(child);
    });
  };
  walk(lookup(pdf.catalog.get(PDFName.of('StructTreeRoot'))) as PDFDict);
  return notes;
}
