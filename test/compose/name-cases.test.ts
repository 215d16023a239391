import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { nameInCase } from '../../pipeline/format/cases.ts';
import { checkTranslation } from '../../pipeline/translate/check.ts';
import { captureConsole } from '../helpers/console.ts';
import { normalise, openPdf } from '../helpers/pdf.ts';
import { edit, tempProject } from '../helpers/project.ts';

const printed = captureConsole();
const kz = 'data/countries/kazakhstan';

describe('a name in its grammatical cases', () => {
  const cases = { ru: { genitive: 'Казахстана', prepositional: 'Казахстане' }, kk: { locative: 'Қазақстанда' } };

  it('is the form country.yaml gives for the language, the name itself in the nominative', () => {
    expect(nameInCase('Казахстан', cases, 'ru', 'genitive')).toEqual({ form: 'Казахстана' });
    expect(nameInCase('Казахстан', cases, 'ru', 'prepositional')).toEqual({ form: 'Казахстане' });
    expect(nameInCase('Қазақстан', cases, 'kk', 'locative')).toEqual({ form: 'Қазақстанда' });
    expect(nameInCase('Казахстан', cases, 'ru', 'nominative')).toEqual({ form: 'Казахстан' });
    // English has no cases: one expression serves the source text and its translations.
    expect(nameInCase('Kazakhstan', cases, 'en', 'genitive')).toEqual({ form: 'Kazakhstan' });
  });

  it('is missing where the language inflects names and the form is not given, and unknown for a case the language lacks', () => {
    expect(nameInCase('Казахстан', cases, 'ru', 'dative')).toEqual({ problem: { kind: 'missing-form' } });
    expect(nameInCase('Қазақстан', undefined, 'kk', 'ablative')).toEqual({ problem: { kind: 'missing-form' } });
    expect(nameInCase('Казахстан', cases, 'ru', 'locative')).toMatchObject({ problem: { kind: 'unknown-case' } });
    // A language the table does not know inflects once its forms are given in the data.
    expect(nameInCase('Україна', { uk: { genitive: 'України' } }, 'uk', 'genitive')).toEqual({ form: 'України' });
    expect(nameInCase('Україна', { uk: { genitive: 'України' } }, 'uk', 'vocative')).toEqual({ problem: { kind: 'missing-form' } });
  });

  it('may stand in a translation where the English sentence types the name, as other placeholders may not', () => {
    expect(checkTranslation('acr:x', 'Civil society in Kazakhstan scores {{score "1"}}.', 'Гражданское общество {{country case="genitive"}} получило {{score "1"}}.', 'markdown', 'ru')).toEqual([]);
    expect(checkTranslation('acr:x', 'The {{organisation}} led it.', 'Работу возглавил {{organisation case="genitive"}} коллектив.', 'markdown', 'ru')).toEqual([]);
    expect(checkTranslation('acr:x', 'Kazakhstan scores {{score "1"}}.', '{{country}} получил {{score "2"}}.', 'markdown', 'ru')).toMatchObject([{ message: 'unit "acr:x": the placeholder {{score "1"}} was changed to {{score "2"}}' }]);
  });

  it('reports every narrative line that asks for a missing form, in that language only, naming country.yaml', async () => {
    const root = tempProject('repo');
    edit(root, `${kz}/country.yaml`, '    prepositional: "Казахстане"\n', '');
    expect(await main(['check', '--locale', 'ru'], root)).toBe(2);
    const err = printed.err.join('\n');
    const file = `${kz}/narrative/ru/acr/part-3-5-external-environment.md`;
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('{{country case="prepositional"}}'));
    const column = lines[line]!.indexOf('{{country case="prepositional"}}') + 1;
    expect(err).toContain(`${file}:${line + 1}:${column}: error: the country's name has no prepositional form in ru\n  Add it to ${kz}/country.yaml, beside the country's "name:": "cases: {ru: {prepositional: "…"}}".`);
    // One error for each place that asks for it, in one run: in a branch of {{#if}} the data
    // does not take as well, where it would otherwise surface only after a correction.
    const asked = narrativeFiles(join(root, kz, 'narrative', 'ru')).reduce((n, path) => n + (readFileSync(path, 'utf8').match(/case=\\?"prepositional\\?"/g) ?? []).length, 0);
    expect(asked).toBeGreaterThan(20);
    expect(err.match(/has no prepositional form in ru/g)).toHaveLength(asked);
    const conclusions = `${kz}/narrative/ru/acr/part-6-conclusions.md`;
    const branch = readFileSync(join(root, conclusions), 'utf8').split('\n').findIndex((text) => /\{\{else\}\}[^{]*\{\{name "2"\}\}.*case="prepositional"/.test(text));
    expect(branch).toBeGreaterThanOrEqual(0);
    expect(err.match(new RegExp(`${conclusions}:${branch + 1}:\\d+: error: the country's name has no prepositional form`, 'g'))).toHaveLength(2);
    expect(err).not.toContain('in kk');
    // Kazakh does not ask for it: its edition is still valid.
    printed.err = [];
    expect(await main(['check', '--locale', 'kk'], root)).toBe(0);
  });

  it('reports every line asking for a form removed after a build, from the texts as the build before kept them', async () => {
    const root = tempProject('repo');
    expect(await main(['build', '--locale', 'ru'], root)).toBe(0);
    // The next build starts from what this one kept (.cache/): the compiled narrative and the
    // cases each text asks for, which it does not parse for again.
    edit(root, `${kz}/country.yaml`, '    prepositional: "Казахстане"\n', '');
    printed.err = [];
    expect(await main(['build', '--locale', 'ru'], root)).toBe(2);
    const asked = narrativeFiles(join(root, kz, 'narrative', 'ru')).reduce((n, path) => n + (readFileSync(path, 'utf8').match(/case=\\?"prepositional\\?"/g) ?? []).length, 0);
    expect(asked).toBeGreaterThan(20);
    expect(printed.err.join('\n').match(/has no prepositional form in ru/g)).toHaveLength(asked);
  }, 120_000);

  it('reports a form a generic text asks for in a branch no data takes, at its line in the template', async () => {
    const root = tempProject('repo');
    edit(root, `${kz}/country.yaml`, '    dative: "Казахстану"\n', '');
    const generic = 'templates/acr/text/ru/csi-steps.md';
    const text = readFileSync(join(root, generic), 'utf8');
    const asking = '{{#if false}}Помощь {{country case="dative"}}.{{/if}}';
    edit(root, generic, text, `${text.trimEnd()}\n\n${asking}\n`);
    const line = `${text.trimEnd()}\n\n${asking}`.split('\n').length;
    expect(await main(['check', '--locale', 'ru'], root)).toBe(2);
    expect(printed.err.join('\n')).toContain(`${generic}:${line}:${asking.indexOf('{{country') + 1}: error: the country's name has no dative form in ru\n  Add it to ${kz}/country.yaml`);
  });

  it('refuses a case name the language does not have, at its line in country.yaml', async () => {
    const root = tempProject('repo');
    edit(root, `${kz}/country.yaml`, '    genitive: "Қазақстанның"\n', '    genetive: "Қазақстанның"\n');
    expect(await main(['check', '--locale', 'en'], root)).toBe(2);
    const line = readFileSync(join(root, kz, 'country.yaml'), 'utf8').split('\n').findIndex((text) => text.includes('genetive')) + 1;
    expect(printed.err.join('\n')).toContain(`${kz}/country.yaml:${line}:5: error: "genetive" is not a case of kk\n  Did you mean "genitive"? The cases of kk are: nominative, genitive, dative, accusative, locative, ablative, instrumental.`);
  });

  it('prints the forms in the Russian and Kazakh editions where the narrative asks for them', async () => {
    const text = async (locale: string, document: string) => normalise((await openPdf(join(inject('builtOutput'), 'kazakhstan', locale, `${document}.pdf`))).pages.join(' '));
    const ru = await text('ru', 'acr');
    expect(ru).toContain('об экономических условиях для гражданского общества в Казахстане.');
    expect(ru).toContain('Всемирный банк отнёс Казахстан к странам со средним уровнем дохода');
    expect(ru).toContain('В 2007 году ВНД Казахстана составлял');
    expect(ru).toContain('Директор Центра анализа общественных проблем');
    const kk = await text('kk', 'acr');
    expect(kk).toContain('Қазақстанға');
    expect(kk).toContain('Дүниежүзілік банк 2005 жылы Қазақстанды орташа табысты');
    expect(kk).toContain('2007 жылы Қазақстанның ЖҰТ көлемі');
    expect(kk).toContain('Қоғамдық мәселелерді талдау орталығының директоры');
    expect(`${ru} ${kk}`).not.toMatch(/\{\{|case=/);
  });
});

function narrativeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? narrativeFiles(path) : [path];
  });
}
