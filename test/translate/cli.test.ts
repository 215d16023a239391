import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureConsole } from '../helpers/console.ts';
import { main } from '../../pipeline/cli.ts';
import { runTranslationsCommand } from '../../pipeline/translate/cli.ts';
import { edit } from '../helpers/project.ts';
import { translateProject } from './helpers.ts';

const printed = captureConsole();

describe('csi-report translations', () => {
  it('status exits 1 while something is missing or stale, 0 when every translation is current', async () => {
    const root = translateProject();
    expect(await runTranslationsCommand(['status'], root)).toBe(1);
    expect(printed.out.join('\n')).toContain('kk: 21 to look at');
    expect(await runTranslationsCommand(['stamp', '--locale', 'ru'], root)).toBe(0);
    expect(printed.out.join('\n')).toContain('ru: recorded the en source of 21 translations');
    printed.out = [];
    expect(await runTranslationsCommand(['status', '--locale', 'ru'], root)).toBe(0);
    expect(printed.out.join('\n')).toContain('ru: every translation is current.');
    edit(root, 'templates/locales/en/document.yaml', '"Contents"', '"Table of contents"');
    expect(await runTranslationsCommand(['status', '--locale', 'ru'], root)).toBe(1);
  });

  it('exports to a file and imports it back, with the config given from another folder', async () => {
    const root = translateProject();
    const config = join(root, 'pipeline.config.yaml');
    expect(await runTranslationsCommand(['export', '--locale', 'ru', '--out', join(root, 'ru.xlf'), '--config', config], '/')).toBe(0);
    expect(readFileSync(join(root, 'ru.xlf'), 'utf8')).toContain('trgLang="ru"');
    expect(await runTranslationsCommand(['import', 'ru.xlf', '--locale', 'ru'], root)).toBe(0);
    expect(printed.out.join('\n')).toContain('ru.xlf: 21 translations into ru, 0 recorded as current');
    expect(await runTranslationsCommand(['import', 'ru.xlf', '--locale', 'kk'], root)).toBe(2);
    expect(printed.err.join('\n')).toContain('ru.xlf:2: error: the file translates into "ru", but --locale kk was given');
  });

  it('is reached through the main command line', async () => {
    const root = translateProject();
    expect(await main(['translations', 'export', '--locale', 'kk', '--out', 'kk.xlf'], root)).toBe(0);
    expect(existsSync(join(root, 'kk.xlf'))).toBe(true);
  });

  it('exits 64 on a usage error and 2 on an input error', async () => {
    const root = translateProject();
    expect(await runTranslationsCommand([], root)).toBe(64);
    expect(await runTranslationsCommand(['export'], root)).toBe(64);
    expect(printed.err.join('\n')).toContain('export needs --locale');
    expect(await runTranslationsCommand(['status', '--colour'], root)).toBe(64);
    expect(await runTranslationsCommand(['import'], root)).toBe(64);
    expect(await runTranslationsCommand(['stamp', '--locale', 'de'], root)).toBe(2);
    expect(printed.err.join('\n')).toContain('the locale "de" is not configured');
    expect(await runTranslationsCommand(['import', 'missing.xlf'], root)).toBe(2);
    expect(printed.err.join('\n')).toContain('missing.xlf: error: the XLIFF file does not exist');
    expect(await runTranslationsCommand(['status', '--country', 'atlantis'], root)).toBe(2);
    expect(printed.err.join('\n')).toContain('there is no country "atlantis" in the data');
  });
});
