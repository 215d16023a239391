import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureConsole } from './helpers/console.ts';
import { main } from '../pipeline/cli.ts';
import { edit, tempProject } from './helpers/project.ts';

const printed = captureConsole();

describe('csi-report command line', async () => {
  it('builds the open data and says what it wrote', async () => {
    const root = tempProject('mini');
    expect(await main([], root)).toBe(0);
    expect(printed.out.join('\n')).toMatch(/testland en acr: \d+ pages/);
    const json = JSON.parse(readFileSync(join(root, 'output/testland/scores.json'), 'utf8'));
    const economy = json.scores.find((row: { id: string }) => row.id === '2.1.2');
    expect(economy).toMatchObject({ level: 'indicator', published: '75.0', rule: '100 − min(100, external-debt / gni × 100)' });
    expect(economy.raw.components.gni.value).toBe(200);
    expect(economy.source.key).toBe('cpi');
  });

  it('check validates without writing', async () => {
    const root = tempProject('mini');
    expect(await main(['check'], root)).toBe(0);
    expect(printed.out.join('\n')).toMatch(/testland: input is valid/);
    expect(existsSync(join(root, 'output/testland'))).toBe(false);
  });

  it('exits 2 on bad input, without a stack trace, and leaves the previous output untouched', async () => {
    const root = tempProject('mini');
    expect(await main([], root)).toBe(0);
    const before = readFileSync(join(root, 'output/testland/scores.csv'));
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 400');
    expect(await main(['build'], root)).toBe(2);
    const message = printed.err.join('\n');
    expect(message).toContain('data/countries/testland/indicators.yaml:3:12: error: the value 400 of indicator "1.1.1" lies outside 0–100');
    expect(message).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(root, 'output/testland/scores.csv'))).toEqual(before);
  });

  it('finds the data relative to the --config file', async () => {
    const root = tempProject('mini');
    expect(await main(['check', '--config', join(root, 'pipeline.config.yaml')], '/')).toBe(0);
  });

  it('names an unknown country and the known ones', async () => {
    const root = tempProject('mini');
    expect(await main(['--country', 'atlantis'], root)).toBe(2);
    expect(printed.err.join('\n')).toContain('there is no country "atlantis" in the data');
    expect(printed.err.join('\n')).toContain('Known countries: "testland"');
  });

  it('answers --help and refuses unknown commands and options with exit 64', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(printed.out.join('\n')).toContain('Usage: csi-report');
    expect(await main(['publish'])).toBe(64);
    expect(await main(['--colour'])).toBe(64);
  });
});
