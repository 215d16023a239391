import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../pipeline/cache/key.ts';
import { fileCache } from '../../pipeline/cache/store.ts';
import { pipelineVersion } from '../../pipeline/cache/version.ts';
import { keptParagraphs } from '../helpers/memo.ts';
import { edit, repoRoot, tempProject } from '../helpers/project.ts';

const command = join(repoRoot, 'bin', 'csi-report.js');
const build = (root: string) => spawnSync(process.execPath, ['--expose-gc', command, 'build'], { cwd: root, encoding: 'utf8', timeout: 180_000 });

describe('work kept between builds', () => {
  it('is read by a fresh csi-report process after a one-value correction, not worked out and written again', () => {
    const root = tempProject('mini');
    expect(build(root).status).toBe(0);
    const cache = fileCache(join(root, '.cache'));
    const key = cacheKey('memo', pipelineVersion(), 'shaped-words');
    const kept = cache.get(key);
    expect(kept?.length).toBeGreaterThan(1000);
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 41');
    const rebuilt = build(root);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    // The correction brings a word or two; had the table not been read first, the build would
    // have shaped every word again and written the whole table anew.
    expect(Buffer.from(cache.get(key)!).equals(Buffer.from(kept!))).toBe(true);
  });

  it('keeps every paragraph it broke through a check and a correction, which read the layout\'s tables only when they lay out', () => {
    const root = tempProject('mini');
    expect(build(root).status).toBe(0);
    const before = keptParagraphs(root);
    expect(before.length).toBeGreaterThan(10);
    const checked = spawnSync(process.execPath, ['--expose-gc', command, 'check'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
    expect(checked.status, checked.stderr).toBe(0);
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 41');
    const rebuilt = build(root);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    // Saved or not, the table holds every paragraph the first build broke: none was written
    // from a table this process had not read.
    const after = new Set(keptParagraphs(root));
    expect(before.filter((paragraph) => !after.has(paragraph))).toEqual([]);
  });
});
