import { describe, expect, it } from 'vitest';
import { composeProject } from '../../bench/compose.ts';
import type { ComposedDocument } from '../../pipeline/document/types.ts';
import { repoRoot, tempProject } from '../helpers/project.ts';

// PDF/UA-1 (Matterhorn checkpoint 14-003) and every screen reader's outline want the headings
// of a document to start at level 1 and never skip a level on the way down. A skip is a fault
// of the composed document, so it is checked there, for every document in every language.
// The cover's title counts as the first level-1 heading: the layout tags it H1.

/** Each heading that breaks the rule, as "level N after level M: text". */
function headingFaults(document: ComposedDocument): string[] {
  const faults: string[] = [];
  let previous = 0;
  for (const block of document.blocks) {
    if (block.kind !== 'heading' && block.kind !== 'cover') continue;
    const level = block.kind === 'cover' ? 1 : block.level;
    const text = block.kind === 'cover' ? block.title : block.text;
    if (level > previous + 1) faults.push(`level ${level} after level ${previous}: ${text}`);
    previous = level;
  }
  return faults;
}

describe('heading structure', () => {
  it('starts at level 1 and skips no level in every default document and language', async () => {
    const project = await composeProject(repoRoot);
    const documents = project.editions.flatMap((edition) => edition.documents.map((document) => ({ name: `${edition.locale} ${document.kind}`, document })));
    expect(documents.length).toBeGreaterThanOrEqual(6);
    for (const { name, document } of documents) expect(headingFaults(document), name).toEqual([]);
  });

  it('holds for another country too', async () => {
    const project = await composeProject(tempProject('mini'));
    for (const edition of project.editions) for (const document of edition.documents) expect(headingFaults(document), `${edition.locale} ${document.kind}`).toEqual([]);
  });

  it('finds a skipped level', () => {
    const heading = (level: 1 | 2 | 3 | 4, text: string) => ({ kind: 'heading' as const, level, text, anchor: text, inContents: true });
    const document = { blocks: [heading(1, 'A'), heading(2, 'B'), heading(4, 'C')] } as unknown as ComposedDocument;
    expect(headingFaults(document)).toEqual(['level 4 after level 2: C']);
  });
});
