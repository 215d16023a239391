import type { Block, ComposedDocument, Inline } from '../../pipeline/document/types.ts';

/**
 * A composed document of the given blocks, with English metadata and labels, as the compose
 * stage would hand it to the layout: for tests of a layout rule or a conversion on tiny input.
 */
export function testDocument(blocks: Block[], options: { kind?: 'acr' | 'brief'; textColumn?: boolean; footnotes?: ReadonlyMap<number, Inline[]> } = {}): ComposedDocument {
  return {
    kind: options.kind ?? 'acr',
    textColumn: options.textColumn ?? true,
    locale: 'en',
    meta: { title: 'Civil Society Index', author: 'PPRC', subject: 'Kazakhstan', keywords: ['CSI'], lang: 'en', runningHead: 'CSI 2008–2010: Kazakhstan', date: new Date('2011-06-01T00:00:00Z') },
    labels: { contents: 'Contents', figures: 'List of figures', tables: 'List of tables', page: 'Page {page}', continued: '(continued)' },
    blocks,
    footnotes: options.footnotes ?? new Map(),
  };
}
