import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureConsole } from '../helpers/console.ts';
import { main } from '../../pipeline/cli.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { normalise, openPdf } from '../helpers/pdf.ts';
import { edit, outputFiles, put, repoRoot, tempProject } from '../helpers/project.ts';

const build = (root: string) => runPipeline({ root, configPath: 'pipeline.config.yaml' });
const readJson = (root: string, path: string) => JSON.parse(readFileSync(join(root, 'output', path), 'utf8'));


const printed = captureConsole();

describe('regenerating after a data correction', () => {
  it('reports exactly which value, scores and pages changed', async () => {
    const root = tempProject('mini');
    await build(root);
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 46');
    const result = await build(root);
    const changes = readJson(root, 'testland/changes.json');
    // Raw values are printed through the one formatter with the indicator's precision.
    expect(changes.values).toEqual([{ id: '1.1.1', old: '40.0', new: '46.0', place: 'data/countries/testland/indicators.yaml:3' }]);
    expect(changes.scores.map((s: { id: string; old: string; new: string }) => `${s.id} ${s.old} → ${s.new}`)).toEqual(['1 36.7 → 39.7', '1.1 36.7 → 39.7', '1.1.1 40.0 → 46.0']);
    expect(changes.editions[0].edition).toBe('en/acr');
    expect(changes.editions[0].pages.length).toBeGreaterThan(0);
    // The indicator matrix of the appendix shows the score, so it is a changed table.
    expect(changes.editions[0].tables).toContain('matrix-table');
    const markdown = readFileSync(join(root, 'output/testland/CHANGES.md'), 'utf8');
    expect(markdown).toContain('| 1.1.1 | 40.0 | 46.0 | data/countries/testland/indicators.yaml:3 |');
    expect(markdown).toMatch(/\| en\/acr \| [\d, ]+ \| .* \| matrix-table \|/);
    expect(markdown).toContain('| 1 | dimension | Civic Engagement | 36.7 | 39.7 |');
    // No entry in the corrections log: a warning names the value.
    expect(result.warnings.map((w) => w.message)).toEqual(['the published value of indicator "1.1.1" changed from 40.0 to 46.0 with no entry in the corrections log']);
  });

  it('names the page whose footnote changed, and only that page', async () => {
    const root = tempProject('mini');
    const findings = 'data/countries/testland/narrative/en/acr/findings.md';
    edit(root, findings, 'volunteering at\n{{score "1.1.2"}}.', 'volunteering at\n{{score "1.1.2"}}.[^survey]\n\n[^survey]: Household survey of 2009.');
    await build(root);
    edit(root, findings, 'Household survey of 2009.', 'Household survey of 2010.');
    await build(root);
    const changes = readJson(root, 'testland/changes.json');
    expect(changes.editions.map((e: { edition: string }) => e.edition)).toEqual(['en/acr']);
    const [page, ...others] = changes.editions[0].pages as number[];
    expect(others).toEqual([]);
    // openPdf keeps what it read by path: a copy is read afresh.
    const copy = join(root, 'acr-after.pdf');
    writeFileSync(copy, readFileSync(join(root, 'output/testland/en/acr.pdf')));
    expect(normalise((await openPdf(copy)).pages[page! - 1]!)).toContain('Household survey of 2010.');
  });

  it('says when a ranking stated in the text flips', async () => {
    const root = tempProject('mini');
    await build(root);
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 90');
    await build(root);
    const changes = readJson(root, 'testland/changes.json');
    expect(changes.rankings).toContainEqual({ group: 'all-dimensions', rank: 'highest', old: '2', new: '1', oldName: 'Environment', newName: 'Civic Engagement' });
    expect(readJson(root, 'testland/changes.json').rankings).toContainEqual(expect.objectContaining({ group: 'all-dimensions', rank: 'lowest', new: '2' }));
  });

  it('prints a logged correction on a corrigendum page and the revision on the cover', async () => {
    const root = tempProject('mini');
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 46');
    put(root, 'data/countries/testland/corrections.yaml', [
      'corrections:',
      '  - date: "2020-03-15"',
      '    indicator: "1.1.1"',
      '    old: 40',
      '    new: 46.0',
      '    reason: {en: "The survey weights were revised after the national workshop."}',
      '',
    ].join('\n'));
    await build(root);
    const pdf = await openPdf(join(root, 'output/testland/en/acr.pdf'));
    const text = pdf.pages.join(' ');
    expect(pdf.pages[0]).toContain('Revised edition, March 15, 2020');
    expect(text).toContain('Corrections in this edition');
    expect(text).toContain(normalise('One value was corrected after the first edition.'));
    // Both values with the indicator's precision, as the matrix prints them.
    expect(text).toContain(normalise('March 15, 2020: 1.1.1 Membership, 40.0 → 46.0. The survey weights were revised after the national workshop.'));
  });

  it('refuses a corrections log that claims a value the data does not hold', async () => {
    const root = tempProject('mini');
    put(root, 'data/countries/testland/corrections.yaml', 'corrections:\n  - date: "2020-03-15"\n    indicator: "1.1.1"\n    old: 38\n    new: 41\n    reason: {en: "Recount."}\n');
    expect(await main([], root)).toBe(2);
    expect(printed.err.join('\n')).toContain('data/countries/testland/corrections.yaml:5:10: error: the log says indicator "1.1.1" was corrected to 41.0, but the data holds 40.0');
  });
});

describe('deterministic and safe builds', () => {
  it('gives byte-identical files for the same input', async () => {
    const [a, b] = [tempProject('mini'), tempProject('mini')];
    await build(a);
    await build(b);
    const [sa, sb] = [outputFiles(a), outputFiles(b)];
    expect([...sa.keys()].sort()).toEqual([...sb.keys()].sort());
    for (const [path, bytes] of sa) expect(bytes.equals(sb.get(path)!), path).toBe(true);
  });

  it('leaves every published file untouched when a build fails', async () => {
    const root = tempProject('mini');
    await build(root);
    const before = outputFiles(root);
    edit(root, 'data/countries/testland/narrative/en/acr/findings.md', '{{score "1.1.2"}}', '{{score "1.1.9"}}');
    expect(await main([], root)).toBe(2);
    expect(printed.err.join('\n')).toContain('data/countries/testland/narrative/en/acr/findings.md:6:1: error: "1.1.9" is not a dimension, sub-dimension or indicator id');
    const after = outputFiles(root);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, bytes] of before) expect(bytes.equals(after.get(path)!), path).toBe(true);
  });

  it('with --no-wait, refuses to run while another build holds the output folder', async () => {
    const root = tempProject('mini');
    put(root, 'output/.build-testland.lock', String(process.ppid));
    expect(await main(['--no-wait'], root)).toBe(75);
    expect(printed.err.join('\n')).toContain(`another build of testland (process ${process.ppid}) is writing to`);
    expect(existsSync(join(root, 'output/testland'))).toBe(false);
  });

  it('takes over a lock left by a build that no longer runs', async () => {
    const root = tempProject('mini');
    writeFileSync(join(root, 'pipeline.config.yaml'), readFileSync(join(root, 'pipeline.config.yaml')));
    put(root, 'output/.build-testland.lock', '999999');
    expect(await main([], root)).toBe(0);
    expect(existsSync(join(root, 'output/.build-testland.lock'))).toBe(false);
  });
});

describe('a build killed midway', () => {
  it('always leaves one complete edition in output/, old or new, and the next build succeeds', async () => {
    const { spawn, spawnSync } = await import('node:child_process');
    const { createHash } = await import('node:crypto');
    // The csi-report command is one process (tsx would run the build in a child of its own,
    // which a kill of tsx leaves running).
    const command = [join(repoRoot, 'bin', 'csi-report.js'), 'build'];
    const root = tempProject('mini');
    expect(spawnSync(process.execPath, command, { cwd: root }).status).toBe(0);
    const consistent = () => {
      const manifest = JSON.parse(readFileSync(join(root, 'output/testland/manifest.json'), 'utf8')) as { files: Record<string, string> };
      for (const [path, expected] of Object.entries(manifest.files)) {
        const actual = createHash('sha256').update(readFileSync(join(root, 'output', path))).digest('hex').slice(0, 16);
        expect(actual, path).toBe(expected);
      }
      return readFileSync(join(root, 'output/testland/scores.csv'), 'utf8');
    };
    consistent();
    // Kill builds of changing data at different moments: early, during layout, while publishing.
    for (const [index, delay] of [100, 250, 400, 500, 600, 700, 900].entries()) {
      edit(root, 'data/countries/testland/indicators.yaml', `value: ${40 + index}`, `value: ${41 + index}`);
      const child = spawn(process.execPath, command, { cwd: root, stdio: 'ignore' });
      // Listening from the start: a build may finish before its kill comes.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      consistent();
    }
    expect(spawnSync(process.execPath, command, { cwd: root }).status).toBe(0);
    expect(consistent()).toContain('indicator,1.1.1,1.1,Membership,47,47.0');
    // Whatever the kills left — partial or old version folders, temporary links, lock or
    // cache files — the next build removed: one edition, nothing beside it.
    expect(readdirSync(join(root, 'output/.versions'))).toHaveLength(1);
    expect(readdirSync(join(root, 'output')).sort()).toEqual(['.csi-report-output', '.published-testland.json', '.versions', 'testland']);
    expect(readdirSync(join(root, '.cache')).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
