import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipeline/run.ts';
import { put, repoRoot, tempProject } from '../helpers/project.ts';

describe('kept work does not depend on where the project lies', () => {
  it('a copy of the project in another folder reuses every kept entry and makes the same bytes', async () => {
    const root = tempProject('mini');
    put(root, 'data/countries/testland/figures.yaml', 'figures:\n  - id: "1"\n    kind: subdimensions\n    dimension: "1"\n    caption: {en: "Civic Engagement sub-dimensions"}\n');
    // The fonts installed in the project itself, as in a checkout with its node_modules: a
    // copy of the project then reads them from another absolute path.
    const fonts = 'node_modules/@expo-google-fonts/source-sans-3';
    cpSync(join(repoRoot, fonts), join(root, fonts), { recursive: true });
    await runPipeline({ root, configPath: 'pipeline.config.yaml' });
    // The project and its cache, moved elsewhere without its output: everything must be built
    // again from what was kept.
    const copy = join(mkdtempSync(join(tmpdir(), 'csi-elsewhere-')), 'deeper', 'project');
    cpSync(root, copy, { recursive: true, filter: (src) => !src.startsWith(join(root, 'output')) });
    const kept = readdirSync(join(copy, '.cache')).sort();
    const notices: string[] = [];
    const result = await runPipeline({ root: copy, configPath: 'pipeline.config.yaml', onNotice: (m) => notices.push(m) });
    expect(result.written.length).toBeGreaterThan(0);
    // Nothing new was kept: every chart, picture, layout and memo table was found by its key.
    expect(readdirSync(join(copy, '.cache')).sort()).toEqual(kept);
    expect(notices).toEqual([]);
    for (const file of ['en/acr.pdf', 'en/charts/figure-1.png', 'en/charts/figure-1.svg', 'manifest.json']) {
      expect(readFileSync(join(copy, 'output/testland', file)).equals(readFileSync(join(root, 'output/testland', file))), file).toBe(true);
    }
  });
});
