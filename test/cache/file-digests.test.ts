import { mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileDigests } from '../../pipeline/cache/file-digests.ts';
import { digest } from '../../pipeline/util/digest.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('font file digests', () => {
  it('are the digest of the content, and follow a file replaced under the same name with the same size and modification time', () => {
    const folder = mkdtempSync(join(tmpdir(), 'csi-digests-'));
    folders.push(folder);
    const font = join(folder, 'face.ttf');
    writeFileSync(font, 'first face');
    // Whole seconds, which every file system keeps exactly.
    const time = new Date('2026-01-01T00:00:00Z');
    utimesSync(font, time, time);
    const files = new FileDigests();
    expect(files.of(font)).toBe(digest(Buffer.from('first face')));
    // Another file of the same size moved over it, its modification time set to the old one's:
    // a font package updated in place by a tool that keeps times.
    const other = join(folder, 'other.ttf');
    writeFileSync(other, 'other face');
    utimesSync(other, time, time);
    renameSync(other, font);
    expect(statSync(font).mtimeMs).toBe(time.getTime());
    expect(files.of(font)).toBe(digest(Buffer.from('other face')));
  });
});
