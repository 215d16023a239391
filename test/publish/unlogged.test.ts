import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipeline/run.ts';
import { normalise, openPdf } from '../helpers/pdf.ts';
import { edit, put, tempProject } from '../helpers/project.ts';

const build = (root: string, noCache = false) => runPipeline({ root, configPath: 'pipeline.config.yaml', noCache });
const unlogged = (result: { warnings: readonly { message: string }[] }) => result.warnings.map((w) => w.message).filter((m) => m.includes('corrections log'));
const values = 'data/countries/testland/indicators.yaml';
const narrative = 'data/countries/testland/narrative/en/acr/findings.md';

function logCorrection(root: string, old: string, now: string): void {
  put(root, 'data/countries/testland/corrections.yaml', [
    'corrections:',
    '  - date: "2020-03-15"',
    '    indicator: "1.1.1"',
    `    old: ${old}`,
    `    new: ${now}`,
    '    reason: {en: "The survey weights were revised."}',
    '',
  ].join('\n'));
}

describe('a value changed without an entry in the corrections log', () => {
  it('is warned about at every build, compared with the last published value, until it is logged', async () => {
    const root = tempProject('mini');
    await build(root);
    edit(root, values, 'value: 40', 'value: 46');
    const warning = 'the published value of indicator "1.1.1" changed from 40.0 to 46.0 with no entry in the corrections log';
    expect(unlogged(await build(root))).toEqual([warning]);
    // An unrelated edit: the previous edition already shows 46, but 40.0 is what was last published through the log.
    edit(root, narrative, 'is the strongest', 'remains the strongest');
    expect(unlogged(await build(root))).toEqual([warning]);
    // Nothing changed at all: the warning is repeated.
    const same = await build(root);
    expect(same.written).toEqual([]);
    expect(unlogged(same)).toEqual([warning]);
    // Logged: no warning, and the corrigendum prints the correction with the indicator's precision.
    logCorrection(root, '40', '46');
    expect(unlogged(await build(root))).toEqual([]);
    const text = (await openPdf(join(root, 'output/testland/en/acr.pdf'))).pages.join(' ');
    expect(text).toContain(normalise('1.1.1 Membership, 40.0 → 46.0.'));
    // Another value's unlogged change is compared with what was published before it.
    edit(root, values, 'value: 3.5', 'value: 3.7');
    expect(unlogged(await build(root))).toEqual(['the published value of indicator "2.1.1" changed from 3.5 to 3.7 with no entry in the corrections log']);
  });

  it('is no longer warned about once undone', async () => {
    const root = tempProject('mini');
    await build(root);
    edit(root, values, 'value: 40', 'value: 46');
    expect(unlogged(await build(root))).toHaveLength(1);
    edit(root, narrative, 'is the strongest', 'remains the strongest');
    expect(unlogged(await build(root))).toHaveLength(1);
    edit(root, values, 'value: 46', 'value: 40');
    expect(unlogged(await build(root))).toEqual([]);
  });

  it('never changes a published byte: the edition equals a build from nothing of the same input', async () => {
    const root = tempProject('mini');
    await build(root);
    edit(root, values, 'value: 40', 'value: 46');
    expect(unlogged(await build(root))).toHaveLength(1);
    const fresh = tempProject('mini');
    edit(fresh, values, 'value: 40', 'value: 46');
    expect(unlogged(await build(fresh, true))).toEqual([]);
    for (const file of ['manifest.json', 'en/acr.pdf', 'scores.csv', 'scores.json']) {
      expect(readFileSync(join(root, 'output/testland', file)).equals(readFileSync(join(fresh, 'output/testland', file))), file).toBe(true);
    }
  });
});
