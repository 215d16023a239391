import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A structure element as a screen reader meets it on one page: its role, language and words. */
export interface ReadElement {
  /** Structure type (P, H2, Span, Note, TD…). */
  role: string;
  /** Its own /Lang, if it has one. */
  lang?: string;
  /** Its /Alt, if it has one. */
  alt?: string;
  /** The text of its content and of all its descendants on this page, in order. */
  text: string;
  /** Its own words: the same without note marks (Reference elements) and without the lists and notes inside it. */
  words: string;
  /** Its child elements with content on this page. */
  children: ReadElement[];
}

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  lang?: string;
  alt?: string;
  children?: StructNode[];
}

/** Elements whose words are part of the text of the element they stand in. */
const inline = new Set(['Span', 'Link', 'Quote', 'Code', 'BibEntry', 'Lbl']);

/**
 * Reads the structure tree of every page of a PDF with pdf.js, each element with the text of
 * its marked content (artifacts, such as a break hyphen, are no part of it): the text a screen
 * reader reads, element by element, a divided word whole. Pages are 1-based at index 0.
 */
export async function readStructure(file: string): Promise<ReadElement[][]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: ReadElement[][] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const text = new Map<string, string>();
      const stack: { id?: string; artifact: boolean }[] = [];
      // pdf.js drops a line's last space glyph and marks the line's end instead (hasEOL): the
      // end of a line, and of a page, separates words, except after the break hyphen of a
      // divided word (drawn as an artifact: the word goes on) and after a hyphen, dash or slash
      // the text breaks at.
      let last: { id: string; text: string } | undefined;
      let wordDivided = false;
      const endLine = () => {
        if (last && !wordDivided && !/[-\u2010/\s]$/.test(last.text) && !/\S[\u2013\u2014]$/.test(last.text)) text.set(last.id, `${text.get(last.id)} `);
        last = undefined;
        wordDivided = false;
      };
      for (const item of content.items) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') stack.push({ id: item.id ?? undefined, artifact: (item as { tag?: string }).tag === 'Artifact' });
          else if (item.type === 'endMarkedContent') stack.pop();
          continue;
        }
        if (stack.some((entry) => entry.artifact)) {
          if (item.str === '-' && last) wordDivided = true;
          continue;
        }
        const id = [...stack].reverse().find((entry) => entry.id !== undefined)?.id;
        if (id && item.str !== '') {
          text.set(id, (text.get(id) ?? '') + item.str);
          last = { id, text: item.str };
        }
        if (item.hasEOL) endLine();
      }
      endLine();
      const read = (node: StructNode): ReadElement => {
        const children: ReadElement[] = [];
        let all = '';
        let words = '';
        for (const child of node.children ?? []) {
          if (child.type === 'content' && child.id) {
            all += text.get(child.id) ?? '';
            words += text.get(child.id) ?? '';
          } else if (child.role) {
            const element = read(child);
            children.push(element);
            all += element.text;
            // A note mark is no word, though a line end after it still separates the words
            // around it; a list or a note inside (a list item's sub-list, a footnote) has words of its own.
            if (element.role === 'Reference') words += /\s*$/.exec(element.text)![0];
            else if (inline.has(element.role)) words += element.words;
          }
        }
        return { role: node.role!, ...(node.lang ? { lang: node.lang } : {}), ...(node.alt ? { alt: node.alt } : {}), text: all, words, children };
      };
      const tree = (await page.getStructTree()) as StructNode | null;
      const documentNode = tree?.children?.find((child) => child.role === 'Document') ?? tree;
      pages.push((documentNode?.children ?? []).filter((child) => child.role).map(read));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Every element of a page's structure, depth first, in reading order. */
export function allElements(elements: readonly ReadElement[]): ReadElement[] {
  return elements.flatMap((element) => [element, ...allElements(element.children)]);
}
