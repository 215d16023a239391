import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One drawn line of tagged text: a marked-content sequence of a paragraph or list item. */
export interface TaggedLine {
  /** Its text, as a text extractor reads it. */
  text: string;
  /** Left and right edge, pt (a break hyphen included). */
  left: number;
  right: number;
  /** Size of its first glyphs, pt. */
  size: number;
  /** A break hyphen, drawn as an artifact, ends it. */
  hyphenated: boolean;
}

/** A paragraph's part on one page (a paragraph a page break splits has two). */
export interface TaggedPart {
  /** Structure role: P or LBody. */
  role: string;
  /** Its lines, top to bottom. */
  lines: TaggedLine[];
}

/** What a page of a PDF shows, read as a reader's tools read it. */
export interface ReadPage {
  /** The parts of paragraphs and list items on it, in reading order. */
  parts: TaggedPart[];
  /** Lowest point of any text that is not an artifact, pt from the top. */
  lowest: number;
  /** Lines of text that is not an artifact (distinct baselines), tables and notes included. */
  lineCount: number;
  /** Roles of the top-level structure elements with content on the page, in order, with their children's roles. */
  blocks: { role: string; children: string[] }[];
  /** Page height, pt. */
  height: number;
}

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/**
 * Reads every page of a PDF with pdf.js: the text of each marked-content sequence (artifacts
 * apart), which paragraph or list item it belongs to by the structure tree, and whether a
 * break hyphen (an artifact right after it) ends it.
 */
export async function readTypeset(file: string): Promise<ReadPage[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: ReadPage[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const height = page.view[3]!;
    const content = await page.getTextContent({ includeMarkedContent: true });
    const sequences = new Map<string, TaggedLine>();
    const order: string[] = [];
    const stack: { tag: string; id?: string }[] = [];
    let lowest = 0;
    const baselines = new Set<number>();
    let lastReal: string | undefined;
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') stack.push({ tag: (item as { tag?: string }).tag ?? '', id: item.id ?? undefined });
        else if (item.type === 'endMarkedContent') stack.pop();
        continue;
      }
      const artifact = stack.some((entry) => entry.tag === 'Artifact');
      if (artifact) {
        if (item.str === '-' && lastReal) {
          // The break hyphen ends the line as drawn, though not its text.
          const line = sequences.get(lastReal)!;
          line.hyphenated = true;
          line.right = Math.max(line.right, item.transform[4]! + item.width);
        }
        continue;
      }
      const id = [...stack].reverse().find((entry) => entry.id)?.id;
      if (!id) continue;
      if (item.str.trim()) {
        lowest = Math.max(lowest, height - item.transform[5]!);
        baselines.add(Math.round(item.transform[5]!));
      }
      const x = item.transform[4]!;
      let line = sequences.get(id);
      if (!line) {
        line = { text: '', left: x, right: x, size: Math.hypot(item.transform[0]!, item.transform[1]!), hyphenated: false };
        sequences.set(id, line);
        order.push(id);
      }
      line.text += item.str;
      line.left = Math.min(line.left, x);
      line.right = Math.max(line.right, x + item.width);
      lastReal = id;
    }
    const tree = (await page.getStructTree()) as StructNode | null;
    const parts: TaggedPart[] = [];
    const blocks: ReadPage['blocks'] = [];
    const walk = (node: StructNode) => {
      const ids = (node.children ?? []).filter((child) => child.type === 'content' && child.id).map((child) => child.id!);
      if ((node.role === 'P' || node.role === 'LBody') && ids.length > 0) parts.push({ role: node.role, lines: ids.map((id) => sequences.get(id)).filter((line): line is TaggedLine => Boolean(line)) });
      for (const child of node.children ?? []) if (child.role) walk(child);
    };
    const documentNode = tree?.children?.find((child) => child.role === 'Document') ?? tree;
    for (const child of documentNode?.children ?? []) {
      if (!child.role) continue;
      blocks.push({ role: child.role, children: (child.children ?? []).map((c) => c.role ?? '') });
      walk(child);
    }
    pages.push({ parts, lowest, lineCount: baselines.size, blocks, height });
  }
  return pages;
}

/**
 * The text of a paragraph's lines as a reader gets it: lines joined by a space, except after
 * a break hyphen (which is no part of the text) and after a hyphen or dash that ends a line
 * because the text breaks after it.
 */
export function joinLines(lines: readonly TaggedLine[]): string {
  let text = '';
  lines.forEach((line, i) => {
    const own = line.text.replace(/\s+$/, '');
    text += own;
    if (i < lines.length - 1 && !line.hyphenated && !/[-\u2010/]$/.test(own) && !/\S[\u2013\u2014]$/.test(own)) text += ' ';
  });
  return text;
}
