import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureConsole } from '../helpers/console.ts';
import { openPdf } from '../helpers/pdf.ts';
import { edit, tempProject } from '../helpers/project.ts';

const printed = captureConsole();
const kz = 'data/countries/kazakhstan';

/**
 * Kazakhstan's Russian edition with one unit of every kind left untranslated: a brief snippet,
 * a list item of the report and a key message of the brief, a generic text, a UI string, and a text of each data file (country, people,
 * sources, tables, figures).
 */
function withGaps(policy: 'fail' | 'fallback'): string {
  const root = tempProject('repo');
  edit(root, 'pipeline.config.yaml', 'missing: fail', `missing: ${policy}`);
  rmSync(join(root, kz, 'narrative/ru/brief/issue-4.3.md'));
  rmSync(join(root, 'templates/acr/text/ru/csi-steps.md'));
  edit(root, `${kz}/narrative/ru/lists.yaml`, '  - id: networking\n    text: "ОГО открыты для коммуникации внутри сектора: они встречаются с коллегами, работающими над схожими вопросами, обмениваются информацией и участвуют в сетях."\n', '');
  edit(root, `${kz}/narrative/ru/lists.yaml`, '  - id: trust\n    text: "Низкое доверие сдерживает всех: только **{{score \\"5.3.1\\"}}** граждан считают, что большинству людей можно доверять, и потому трудно находить членов, доноров и добровольцев."\n', '');
  edit(root, 'templates/locales/ru/document.yaml', 'listOfTables: "Список таблиц"\n', '');
  edit(root, `${kz}/country.yaml`, '    ru: "Центр анализа общественных проблем"\n    kk: "Қоғамдық мәселелерді талдау орталығы"\n  short:', '    kk: "Қоғамдық мәселелерді талдау орталығы"\n  short:');
  edit(root, `${kz}/people.yaml`, '      ru: "Состав национальной группы по реализации проекта"\n', '');
  edit(root, `${kz}/sources.yaml`, '    ru: "Опрос населения в рамках Индекса гражданского общества, Казахстан"\n', '');
  edit(root, `${kz}/tables.yaml`, '      ru: "Страны, реализующие Индекс гражданского общества в 2008–2011 гг."\n', '');
  edit(root, `${kz}/figures.yaml`, '      ru: "Мероприятия программы Индекса гражданского общества"\n', '');
  return root;
}

const expected = [
  [`${kz}/narrative/ru/brief/issue-4.3.md`, 'brief:issue-4.3'],
  [`${kz}/narrative/ru/lists.yaml`, 'lists:strengths:networking'],
  [`${kz}/narrative/ru/lists.yaml`, 'lists:key-messages:trust'],
  ['templates/acr/text/ru/csi-steps.md', 'text:acr:csi-steps'],
  ['templates/locales/ru/document.yaml', 'strings:document.listOfTables'],
  [`${kz}/country.yaml:35`, 'data:countries.kazakhstan.country:organisation.name'],
  [`${kz}/people.yaml:7`, 'data:countries.kazakhstan.people:lists.0.title'],
  [`${kz}/sources.yaml:9`, 'data:countries.kazakhstan.sources:csi-population-survey.title'],
  [`${kz}/tables.yaml:7`, 'data:countries.kazakhstan.tables:tables.0.caption'],
  [`${kz}/figures.yaml:24`, 'data:countries.kazakhstan.figures:figures.2.caption'],
] as const;

describe('the translation policy of the build', () => {
  it('under "fail", reports every missing unit of every kind in one run, each at the file to write', async () => {
    const root = withGaps('fail');
    expect(await main(['check', '--locale', 'ru'], root)).toBe(2);
    const err = printed.err.join('\n');
    for (const [file, unit] of expected) expect(err).toContain(`${file}: error: the ru translation of "${unit}" is missing`);
    expect(err).toMatch(/^10 errors in the input/m);
  }, 120_000);

  it('under "fallback", publishes the English text of each, visibly marked, with a warning each', async () => {
    const root = withGaps('fallback');
    expect(await main(['build', '--locale', 'ru'], root)).toBe(0);
    const err = printed.err.join('\n');
    for (const [file, unit] of expected) expect(err).toContain(`${file}: warning: the ru translation of "${unit}" is missing`);
    const acr = (await openPdf(join(root, 'output/kazakhstan/ru/acr.pdf'))).pages.join(' ');
    const brief = (await openPdf(join(root, 'output/kazakhstan/ru/brief.pdf'))).pages.join(' ');
    const marker = 'Этот раздел ещё не переведён; ниже приводится английский текст.';
    // A section: the sentence, then the English text.
    expect(brief).toContain(`${marker} Consultation without consequence. CSOs are active on policy`);
    expect(acr).toContain(marker);
    expect(acr).toContain(`${marker} At country level the CSI unfolds in three steps:`);
    // A list item, a key message, a UI string and the data texts: the English text behind ⟨en⟩.
    expect(acr).toMatch(/⟨en⟩ CSOs are open to communication/);
    expect(brief).toMatch(/⟨en⟩ Low trust holds everyone back/);
    expect(acr).toMatch(/⟨en⟩ List of tables/);
    expect(acr).toMatch(/⟨en⟩ Public Policy Research Center/);
    expect(acr).toMatch(/⟨en⟩ List of National Implementation Team members/);
    expect(acr).toMatch(/⟨en⟩ List of CSI implementing countries/);
    expect(acr).toMatch(/⟨en⟩ CSI programme activities/);
    expect(acr).toMatch(/⟨en⟩ CSI Population Survey, Kazakhstan/);
  }, 240_000);
});
