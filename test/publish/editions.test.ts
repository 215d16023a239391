import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureConsole } from '../helpers/console.ts';
import { edit, repoRoot, tempProject } from '../helpers/project.ts';

const printed = captureConsole();
const country = 'data/countries/testland/country.yaml';

/** The mini project with three configured languages; Testland declares its own in country.yaml. */
function project(locales: string): string {
  const root = tempProject('mini');
  edit(root, 'pipeline.config.yaml', 'locales: [en]', 'locales: [en, ru, kk]\ntranslation: {missing: fallback}');
  edit(root, country, 'framework: mini', `framework: mini\nlocales: ${locales}`);
  return root;
}

describe('editions per country', () => {
  it('validates and builds only the languages the country declares', async () => {
    const root = project('[en]');
    edit(root, 'pipeline.config.yaml', 'missing: fallback', 'missing: fail');
    expect(await main(['check'], root)).toBe(0);
    expect(printed.out.join('\n')).toContain('testland: input is valid');
    expect(printed.err.join('\n')).not.toMatch(/\bru\b|\bkk\b/);
    expect(await main(['build'], root)).toBe(0);
    expect(existsSync(join(root, 'output/testland/en/acr.pdf'))).toBe(true);
    expect(existsSync(join(root, 'output/testland/ru'))).toBe(false);
  });

  it('refuses a --locale the country does not publish, naming its country.yaml', async () => {
    const root = project('[en]');
    expect(await main(['check', '--locale', 'ru'], root)).toBe(2);
    expect(printed.err.join('\n')).toContain(`${country}: error: "testland" publishes no ru edition`);
    expect(printed.err.join('\n')).toContain('Its editions are en ("locales:" in data/countries/testland/country.yaml).');
  });

  it('requires the source language among the country\'s languages', async () => {
    const root = project('[ru]');
    expect(await main(['check'], root)).toBe(2);
    expect(printed.err.join('\n')).toContain('the locales of "testland" (ru) do not include en, the language every translation is made from');
  });

  it('keeps other published languages on a --locale build, and removes and reports a language no longer published', async () => {
    const root = project('[en, ru]');
    expect(await main(['build'], root)).toBe(0);
    expect(existsSync(join(root, 'output/testland/ru/acr.pdf'))).toBe(true);
    // A build of English alone leaves the Russian edition published and listed.
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 41');
    expect(await main(['build', '--locale', 'en'], root)).toBe(0);
    expect(existsSync(join(root, 'output/testland/ru/acr.pdf'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(root, 'output/testland/manifest.json'), 'utf8')) as { editions: Record<string, unknown>; files: Record<string, string> };
    expect(Object.keys(manifest.editions).sort()).toEqual(['en/acr', 'ru/acr']);
    expect(manifest.files['testland/ru/acr.pdf']).toBeDefined();
    // Russian dropped from country.yaml: its files leave the published folder, and the change report says so.
    edit(root, country, 'locales: [en, ru]', 'locales: [en]');
    printed.out.length = 0;
    expect(await main(['build'], root)).toBe(0);
    expect(existsSync(join(root, 'output/testland/en/acr.pdf'))).toBe(true);
    expect(existsSync(join(root, 'output/testland/ru'))).toBe(false);
    expect(printed.out.join('\n')).toContain('ru/acr: no longer published, removed');
    expect(readFileSync(join(root, 'output/testland/CHANGES.md'), 'utf8')).toContain('## Editions no longer published\n\n- ru/acr (its files were removed)');
    const after = JSON.parse(readFileSync(join(root, 'output/testland/manifest.json'), 'utf8')) as { editions: Record<string, unknown> };
    expect(Object.keys(after.editions)).toEqual(['en/acr']);
  });

  it('build --all builds each country in its own languages', () => {
    const root = project('[en]');
    const countries = join(root, 'data', 'countries');
    cpSync(join(countries, 'testland'), join(countries, 'otherland'), { recursive: true });
    edit(root, 'data/countries/otherland/country.yaml', 'id: testland', 'id: otherland');
    edit(root, 'data/countries/otherland/country.yaml', 'locales: [en]', 'locales: [en, kk]');
    const run = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'pipeline', 'cli.ts'), 'build', '--all'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^otherland\s+ok\s+en\/acr: \d+ pages; kk\/acr: \d+ pages\s/m);
    expect(run.stdout).toMatch(/^testland\s+ok\s+en\/acr: \d+ pages\s/m);
    expect(existsSync(join(root, 'output/otherland/kk/acr.pdf'))).toBe(true);
    expect(existsSync(join(root, 'output/testland/kk'))).toBe(false);
    // --locale under --all picks among each country's own languages.
    const kk = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'pipeline', 'cli.ts'), 'check', '--all', '--locale', 'kk'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
    expect(kk.status).toBe(0);
  }, 240_000);
});
