import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedFont } from '../../pipeline/theme/shared-font.ts';
import { loadTheme } from '../../pipeline/theme/index.ts';
import { repoRoot } from '../helpers/project.ts';

const theme = loadTheme(repoRoot, 'templates');
const regular = theme.font.faces.regular.file;
const bold = theme.font.faces.bold.file;
const scratch = mkdtempSync(join(tmpdir(), 'csi-font-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A PDF of `lines` set with pdfkit's own text(), the font given as `source`. */
function pdfWith(source: unknown, lines: readonly string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', info: { CreationDate: new Date('2011-06-01T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('Body', source as string);
  doc.font('Body').fontSize(11);
  for (const line of lines) doc.text(line, { width: 300 });
  doc.end();
  return done;
}

const texts = [
  'Civil society organisations in the regions depend on short-term grants.',
  'Гражданское общество: 46,9 % — «уровень организации».',
  'Азаматтық қоғам ұйымдарының тек 14,4 % ғана тұрақты қаржыландырылады.',
  'office affluent fjord ﬁ ff — 2008–2010',
];

describe('fonts whose shaping every document shares', () => {
  it('gives pdfkit the bytes it writes from the font file itself', async () => {
    expect((await pdfWith(sharedFont(regular), texts)).equals(await pdfWith(regular, texts))).toBe(true);
  });

  it('gives the same bytes for any text, shaped first in any order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: fc.constantFrom(...'aeiou fijlkAVTWY.,;:-–«»0123456789абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі'), minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 4 }), async (lines) => {
        expect((await pdfWith(sharedFont(bold), lines)).equals(await pdfWith(bold, lines))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('opens a font once per content: the same file anywhere is one font, another file another', () => {
    const copy = join(scratch, 'copy.ttf');
    copyFileSync(regular, copy);
    expect(sharedFont(copy)).toBe(sharedFont(regular));
    expect(sharedFont(bold)).not.toBe(sharedFont(regular));
  });

  it('opens a font file replaced between builds anew', () => {
    const path = join(scratch, 'replaced.ttf');
    copyFileSync(regular, path);
    const before = sharedFont(path);
    copyFileSync(bold, path);
    const after = sharedFont(path);
    expect(after).not.toBe(before);
    expect(after.postscriptName).toBe(sharedFont(bold).postscriptName);
  });
});
