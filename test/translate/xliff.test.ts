import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors/errors.ts';
import { stampTranslations } from '../../pipeline/translate/stamp.ts';
import { statusReport } from '../../pipeline/translate/status.ts';
import { exportXliff } from '../../pipeline/translate/xliff-export.ts';
import { importXliff } from '../../pipeline/translate/xliff-import.ts';
import { readXliff } from '../../pipeline/translate/xliff-read.ts';
import { edit, read, tempProject } from '../helpers/project.ts';
import { changedFiles, configOf, snapshot, translateProject } from './helpers.ts';

/** The error text of an import, or '' when it succeeded. */
function importError(root: string, xml: string, file = 'ru.xlf'): string {
  try {
    importXliff(root, configOf(root), countryOf(root), xml, { file });
    return '';
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.message;
  }
}

const countryOf = (root: string) => configOf(root).countries[0]!;

/** The 1-based line of the first occurrence of `text` in `xml`. */
const lineOf = (xml: string, text: string) => xml.slice(0, xml.indexOf(text)).split('\n').length;

/** The XML of one unit of an export. */
function unitXml(xml: string, id: string): string {
  const start = xml.indexOf(`<unit id="${id}"`);
  return xml.slice(start, xml.indexOf('</unit>', start) + '</unit>'.length);
}

/** Gives a unit that has one segment and no target the target `target`, confirmed by the translator. */
function translate(xml: string, id: string, target: string): string {
  const unit = unitXml(xml, id);
  expect(unit.match(/<segment /g), `${id} has one segment`).toHaveLength(1);
  return xml.replace(unit, unit.replace('state="initial"', 'state="translated"').replace('</source></segment>', `</source><target>${target}</target></segment>`));
}

describe('XLIFF export', () => {
  it('writes XLIFF 2.0 with a file per source file, a unit per unit and codes as placeholders', () => {
    const root = translateProject();
    const { xml, units, files } = exportXliff(root, configOf(root), 'testland', 'kk');
    expect([units, files]).toEqual([21, 8]);
    const { document, problems } = readXliff(xml);
    expect(problems).toEqual([]);
    expect(document).toMatchObject({ srcLang: 'en', trgLang: 'kk', country: 'testland' });
    expect(xml).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:csi="urn:csi-report:xliff" version="2.0" srcLang="en" trgLang="kk"');
    expect(xml).toContain('<file id="f3" original="data/countries/testland/narrative/en/lists.yaml">');
    expect(xml).toContain('<ph id="1" dataRef="d1" disp="{{score &quot;1.1.1&quot;}}" type="other" subType="csi:handlebars" canDelete="no"/> of citizens are members.</source></segment>');
    expect(xml).toContain('groups &amp; &lt;small&gt; clubs');
    // The missing snippet has no target; the translated one keeps its target.
    expect(unitXml(xml, 'brief:key-message')).not.toContain('<target>');
    expect(unitXml(xml, 'acr:findings')).toContain('<target># Қорытындылар</target>');
    // --pending leaves out what is current.
    stampTranslations(root, configOf(root), 'testland', 'kk', ['acr:findings']);
    expect(exportXliff(root, configOf(root), 'testland', 'kk', { pending: true }).units).toBe(20);
  });
});

describe('XLIFF round trip', () => {
  it('gives the repository’s translations back byte for byte', () => {
    const root = tempProject('repo');
    const config = configOf(root);
    stampTranslations(root, config, 'kazakhstan', 'ru');
    const before = snapshot(root);
    const exports = ['ru', 'kk'].map((locale) => exportXliff(root, config, 'kazakhstan', locale));
    // Lose some translations: whole files, a list item, a UI string.
    for (const locale of ['ru', 'kk']) {
      rmSync(join(root, `data/countries/kazakhstan/narrative/${locale}/brief/summary.md`));
      rmSync(join(root, `data/countries/kazakhstan/narrative/${locale}/acr/foreword.md`));
      const lists = `data/countries/kazakhstan/narrative/${locale}/lists.yaml`;
      const item = /^ {4}text: (".*")$/m.exec(read(root, lists))![1]!;
      edit(root, lists, item, '"…"');
      const strings = `templates/locales/${locale}/document.yaml`;
      edit(root, strings, /^contents: .*$/m.exec(read(root, strings))![0], 'contents: "…"');
    }
    // … and texts inside the data files: a flow map and a block map.
    edit(root, 'data/frameworks/csi-2008-2010.yaml', 'ru: "Гражданская активность"', 'ru: "…"');
    edit(root, 'data/frameworks/csi-2008-2010.yaml', '  kk: "Азаматтық қоғам индексі 2008–2010"', '  kk: "…"');
    for (const { xml, locale } of exports) {
      const result = importXliff(root, config, 'kazakhstan', xml, { file: `${locale}.xlf` });
      expect(result.notices).toEqual([]);
      expect(result.written).toHaveLength(5);
    }
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });

  it('writes nothing when the file changes nothing', () => {
    const root = translateProject();
    const config = configOf(root);
    const before = snapshot(root);
    for (const locale of ['ru', 'kk']) {
      const result = importXliff(root, config, 'testland', exportXliff(root, config, 'testland', locale).xml, { file: `${locale}.xlf` });
      expect(result.written).toEqual([]);
    }
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });
});

describe('XLIFF escaping', () => {
  it('keeps carriage returns, tabs, markup characters and characters XML cannot carry', () => {
    const root = translateProject();
    const config = configOf(root);
    const english = 'Line one\r\nline two & <b>three</b>\r\n\r\n\tIndented {{score "1"}} "quoted"\r\n';
    const russian = 'Строка один\r\nстрока два & <b>три</b>\u0001\r\n\r\n\tС отступом {{score "1"}} «в кавычках»\r\n';
    writeFileSync(join(root, 'data/countries/testland/narrative/en/acr/escapes.md'), english);
    writeFileSync(join(root, 'data/countries/testland/narrative/ru/acr/escapes.md'), russian);
    const { xml } = exportXliff(root, config, 'testland', 'ru');
    expect(readXliff(xml).problems).toEqual([]);
    expect(xml).toContain('<cp hex="0001"/>');
    rmSync(join(root, 'data/countries/testland/narrative/ru/acr/escapes.md'));
    importXliff(root, config, 'testland', xml, { file: 'ru.xlf' });
    expect(readFileSync(join(root, 'data/countries/testland/narrative/ru/acr/escapes.md'), 'utf8')).toBe(russian);
  });
});

describe('XLIFF import', () => {
  it('writes new translations in place, keeps comments and order, and records their sources', () => {
    const root = translateProject();
    const config = configOf(root);
    let { xml } = exportXliff(root, config, 'testland', 'kk', { pending: true });
    xml = translate(xml, 'brief:key-message', '<ph id="1"/> азаматтық қоғамы кең, бірақ терең емес: оның әлеуетінің <ph id="2" dataRef="d2"/> ғана пайдаланылады.');
    xml = translate(xml, 'lists:strengths:registration', 'АҚҰ-ны тіркеу оңай; азаматтардың <ph id="1"/> ұйымдарға мүше.');
    xml = translate(xml, 'lists:recommendations.government:consultation', 'Заңдар қабылданар алдында АҚҰ-мен кеңесу.');
    xml = translate(xml, 'strings:document.brief.actors.donors', 'Донорлар үшін');
    xml = translate(xml, 'strings:units.usdMillion', '<ph id="1"/> млн АҚШ доллары');
    xml = translate(xml, 'data:frameworks.mini:dimensions.0.subdimensions.0.name', 'Ауқым');

    const result = importXliff(root, config, 'testland', xml, { file: 'kk.xlf' });
    expect(result.recorded.sort()).toEqual([
      'brief:key-message',
      'data:frameworks.mini:dimensions.0.subdimensions.0.name',
      'lists:recommendations.government:consultation',
      'lists:strengths:registration',
      'strings:document.brief.actors.donors',
      'strings:units.usdMillion',
    ]);
    expect(read(root, 'data/countries/testland/narrative/kk/brief/key-message.md')).toBe('{{country}} азаматтық қоғамы кең, бірақ терең емес: оның әлеуетінің {{score "1"}} ғана пайдаланылады.\n');
    expect(read(root, 'data/countries/testland/narrative/kk/lists.yaml')).toBe(`# Күшті жақтар мен ұсыныстар (қазақша).

strengths:
  - id: networking
    text: "АҚҰ әріптестерімен кездесіп, ақпарат алмасады."
  - id: registration
    text: "АҚҰ-ны тіркеу оңай; азаматтардың {{score \\"1.1.1\\"}} ұйымдарға мүше."

recommendations:
  government:
    - id: consultation
      text: "Заңдар қабылданар алдында АҚҰ-мен кеңесу."
    - id: funding
      text: "АҚҰ-ны ашық конкурстар арқылы қаржыландыру."
`);
    expect(read(root, 'templates/locales/kk/document.yaml')).toBe(`# Құжаттардың өз сөздері. ICU MessageFormat.
contents: "Мазмұны"
figureCaption: "{id}-сурет: {caption}"
people: "{count, plural, other {# адам}}"
brief:
  actors:
    government: "Мемлекет үшін"
    donors: "Донорлар үшін"
`);
    expect(read(root, 'templates/locales/kk/units.yaml')).toBe('usdMillion: "{value} млн АҚШ доллары"\n');
    expect(read(root, 'data/frameworks/mini.yaml')).toContain('\n        name: {en: "Extent", ru: "Масштаб", kk: "Ауқым"}\n');
    const kk = statusReport(root, config, 'testland', ['kk']).locales[0]!;
    expect(kk.counts).toMatchObject({ missing: 0, current: 6, unrecorded: 15 });
  });

  it('rejects a dropped or changed placeholder, naming the unit and the line, and writes nothing', () => {
    const root = translateProject();
    const before = snapshot(root);
    let { xml } = exportXliff(root, configOf(root), 'testland', 'ru');
    const dropped = '<ph id="1" dataRef="d1" disp="{{partner}}" type="other" subType="csi:handlebars" canDelete="no"/>.</target>';
    xml = xml.replace(dropped, '.</target>');
    const typed = '<ph id="1" dataRef="d1" disp="{{score &quot;1.1.1&quot;}}" type="other" subType="csi:handlebars" canDelete="no"/> граждан';
    xml = xml.replace(typed, '{{score "1.1.2"}} граждан');
    const message = importError(root, xml);
    const droppedLine = lineOf(xml, 'разработан .</target>');
    const typedLine = lineOf(xml, '{{score "1.1.2"}} граждан');
    expect(message).toContain(`ru.xlf:${typedLine}: error: unit "lists:strengths:registration": the placeholder {{score "1.1.1"}} was changed to {{score "1.1.2"}}\n  Restore {{score "1.1.1"}} exactly as in the source.`);
    expect(message).toContain(`ru.xlf:${droppedLine}: error: unit "text:acr:csi-intro": the placeholder {{partner}} is missing from the translation\n  Copy the placeholder from the source into the translation, where the sentence needs it.`);
    expect(message).toMatch(/2 errors in the input; nothing was written\.$/);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });

  it('names the line of the paragraph that lost a placeholder', () => {
    const root = translateProject();
    const { xml } = exportXliff(root, configOf(root), 'testland', 'ru');
    const code = '<ph id="11" dataRef="d11" disp="{{score &quot;1.1.2&quot;}}" type="other" subType="csi:handlebars" canDelete="no"/>';
    const target = xml.indexOf('<target>Членство');
    const broken = xml.slice(0, target) + xml.slice(target).replace(code, '');
    expect(importError(root, broken)).toContain(`ru.xlf:${lineOf(broken, '<target>Членство')}: error: unit "acr:findings": the placeholder {{score "1.1.2"}} is missing from the translation`);
  });

  it('rejects malformed XML with its line and column', () => {
    const root = translateProject();
    const { xml } = exportXliff(root, configOf(root), 'testland', 'ru');
    const broken = xml.replace('<target># Выводы</target>', '<target># Выводы</targt>');
    expect(importError(root, broken)).toMatch(new RegExp(`^ru\\.xlf:${lineOf(broken, '</targt>')}:\\d+: error: this is not well-formed XML: unexpected close tag`));
  });

  it('rejects a file for another language, unknown units and codes the source does not have', () => {
    const root = translateProject();
    const { xml } = exportXliff(root, configOf(root), 'testland', 'ru');
    expect(importError(root, xml.replace('trgLang="ru"', 'trgLang="de"'))).toContain('ru.xlf:2: error: the target language "de" is not a locale this project translates into\n  Set trgLang on <xliff> to one of "ru", "kk".');
    expect(importError(root, xml.replace('srcLang="en"', 'srcLang="ru"'))).toContain('the source language is "ru", not "en"');
    const renamed = xml.replace('<unit id="acr:findings"', '<unit id="acr:finding"');
    expect(importError(root, renamed)).toContain(`ru.xlf:${lineOf(renamed, 'acr:finding"')}: error: "acr:finding" is not a unit of this project\n  Did you mean "acr:findings"?`);
    const paired = xml.replace('<target>Содержание</target>', '<target><pc id="9">Содержание</pc></target>');
    expect(importError(root, paired)).toContain(`ru.xlf:${lineOf(paired, '<pc id="9">')}: error: unit "strings:document.contents": the target contains <pc>, which the source does not have`);
    // Regional variants that translation tools write are the same language.
    expect(importError(root, xml.replace('trgLang="ru"', 'trgLang="ru-RU"'))).toBe('');
  });

  it('checks ICU plurals against the target language', () => {
    const root = translateProject();
    const { xml } = exportXliff(root, configOf(root), 'testland', 'kk');
    const unit = unitXml(xml, 'strings:document.people');
    const wrong = xml.replace(unit, unit.replace(' other {<ph id="2"', ' few {<ph id="2" copyOf="2" dataRef="d2"/> адам} other {<ph id="3"'));
    expect(wrong).not.toBe(xml);
    expect(importError(root, wrong, 'kk.xlf')).toContain('error: unit "strings:document.people": "few" is not a plural category of "kk"\n  Use "one", "other" or an exact value like =0.');
    const dropped = xml.replace(unit, unit.replace(/<target>.*<\/target>/, '<target>адамдар</target>'));
    expect(importError(root, dropped, 'kk.xlf')).toContain('error: unit "strings:document.people": the placeholder {count, plural, …} is missing from the translation');
  });

  it('takes an empty target for a segment nobody translated yet', () => {
    const root = translateProject();
    const before = snapshot(root);
    const { xml } = exportXliff(root, configOf(root), 'testland', 'kk', { pending: true });
    const unit = unitXml(xml, 'strings:units.usdMillion');
    const result = importXliff(root, configOf(root), 'testland', xml.replace(unit, unit.replace('</source></segment>', '</source><target></target></segment>')), { file: 'kk.xlf' });
    expect(result.imported).not.toContain('strings:units.usdMillion');
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });

  it('keeps a stale translation stale until the translator confirms it', () => {
    const root = translateProject();
    const config = configOf(root);
    stampTranslations(root, config, 'testland', 'ru');
    edit(root, 'data/countries/testland/narrative/en/brief/key-message.md', 'broad', 'wide');
    const { xml } = exportXliff(root, config, 'testland', 'ru', { pending: true });
    const unit = unitXml(xml, 'brief:key-message');
    expect(unit).toContain('<note category="state">The English text changed after this translation was made');
    expect(unit).toContain('state="initial"');
    importXliff(root, config, 'testland', xml, { file: 'ru.xlf' });
    expect(statusReport(root, config, 'testland', ['ru']).locales[0]!.problems.map((problem) => `${problem.state} ${problem.unit}`)).toEqual(['stale brief:key-message']);
    importXliff(root, config, 'testland', xml.replace(unit, unit.replace('state="initial"', 'state="reviewed"')), { file: 'ru.xlf' });
    expect(statusReport(root, config, 'testland', ['ru']).locales[0]!.problems).toEqual([]);
  });

  it('imports what it can: a partly translated unit is skipped, a changed English text stays stale', () => {
    const root = translateProject();
    const config = configOf(root);
    // The translator confirms everything, but drops the target of one paragraph.
    let xml = exportXliff(root, config, 'testland', 'ru').xml.replace(/state="initial"/g, 'state="final"');
    const unit = unitXml(xml, 'acr:findings');
    xml = xml.replace(unit, unit.replace('<target># Выводы</target>', ''));
    edit(root, 'templates/acr/text/en/csi-intro.md', 'developed', 'designed');
    xml = xml.replace('<target>Содержание</target>', '<target>Оглавление</target>');
    const result = importXliff(root, config, 'testland', xml, { file: 'ru.xlf' });
    expect(result.notices.map((notice) => `${notice.severity}: ${notice.message}`)).toEqual([
      'warning: unit "acr:findings" is only partly translated; it was not imported',
      'warning: the English text of "text:acr:csi-intro" changed after this file was exported',
    ]);
    expect(result.imported).not.toContain('acr:findings');
    expect(result.written).toEqual(['templates/locales/ru/document.yaml', 'data/countries/testland/narrative/ru.sources.yaml', 'templates/locales/ru.sources.yaml', 'data/ru.sources.yaml', 'data/countries/testland/ru.sources.yaml']);
    expect(read(root, 'templates/locales/ru/document.yaml')).toContain('contents: "Оглавление"\n');
    const ru = statusReport(root, config, 'testland', ['ru']).locales[0]!;
    expect(ru.problems.map((problem) => `${problem.state} ${problem.unit}`)).toEqual(['unrecorded acr:findings', 'stale text:acr:csi-intro']);
  });
});
