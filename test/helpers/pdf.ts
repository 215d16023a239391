import { readFileSync } from 'node:fs';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF opened for tests: its text per page and the document itself. */
export interface OpenedPdf {
  doc: PDFDocumentProxy;
  /** Text of every page (1-based index 0 = page 1), runs joined by spaces. */
  pages: string[];
  /** The text runs of every page, in drawing order. */
  runs: string[][];
}

const cache = new Map<string, Promise<OpenedPdf>>();

/** Opens a PDF with pdfjs (as a reader's viewer would) and extracts its text. */
export function openPdf(file: string): Promise<OpenedPdf> {
  let opened = cache.get(file);
  if (!opened) {
    opened = (async () => {
      const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
      const runs: string[][] = [];
      for (let i = 1; i <= doc.numPages; i += 1) {
        const content = await (await doc.getPage(i)).getTextContent({ includeMarkedContent: true });
        // As a reader gets the text: the hyphen added where a word breaks across lines is an
        // artifact, no part of the text, and the word's two halves are one.
        const page: string[] = [];
        const open: boolean[] = [];
        let joinNext = false;
        for (const item of content.items) {
          if (!('str' in item)) {
            if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push((item as { tag?: string }).tag === 'Artifact');
            if (item.type === 'endMarkedContent') open.pop();
            continue;
          }
          if (open.includes(true) && item.str === '-' && page.length > 0) {
            joinNext = true;
            continue;
          }
          const text = normalise(item.str);
          if (text.length === 0) continue;
          // A line broken after a slash (a web address) goes on without a space, as joinLines reads it.
          if (joinNext || (page.length > 0 && page[page.length - 1]!.endsWith('/') && /^\S/.test(text) && 'hasEOL' in item)) page[page.length - 1] += text;
          else page.push(text);
          joinNext = false;
        }
        runs.push(page);
      }
      return { doc, runs, pages: runs.map((r) => normalise(r.join(' '))) };
    })();
    cache.set(file, opened);
  }
  return opened;
}

/** Collapses white space (including no-break spaces) so text compares by words. */
export function normalise(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Ends a pdfkit document and gives its bytes (the stream holds what was written until it is read). */
export function endPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
