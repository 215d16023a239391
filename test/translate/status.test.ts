import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderStatus } from '../../pipeline/translate/render-status.ts';
import { stampTranslations } from '../../pipeline/translate/stamp.ts';
import { needsWork, statusReport } from '../../pipeline/translate/status.ts';
import type { LocaleStatus, TranslationStatus } from '../../pipeline/translate/types.ts';
import { edit, put, read, tempProject } from '../helpers/project.ts';
import { configOf, translateProject } from './helpers.ts';

const localeOf = (status: TranslationStatus, locale: string): LocaleStatus => status.locales.find((entry) => entry.locale === locale)!;
const problem = (status: LocaleStatus, unit: string) => status.problems.find((entry) => entry.unit === unit);

describe('translation status', () => {
  it('marks the ru and kk translations of a changed English snippet stale', () => {
    const root = tempProject('repo');
    const config = configOf(root);
    for (const locale of ['ru', 'kk']) stampTranslations(root, config, 'kazakhstan', locale);
    const before = statusReport(root, config, 'kazakhstan');
    for (const locale of ['ru', 'kk']) expect(problem(localeOf(before, locale), 'brief:summary')).toBeUndefined();

    const snippet = 'data/countries/kazakhstan/narrative/en/brief/summary.md';
    edit(root, snippet, read(root, snippet).slice(0, 20), `${read(root, snippet).slice(0, 20)} `);
    const after = statusReport(root, config, 'kazakhstan');
    for (const locale of ['ru', 'kk']) {
      expect(problem(localeOf(after, locale), 'brief:summary')).toMatchObject({
        state: 'stale',
        place: { file: `data/countries/kazakhstan/narrative/${locale}/brief/summary.md` },
        source: { file: snippet },
      });
      expect(localeOf(after, locale).counts.stale).toBe(1);
    }
    expect(needsWork(after)).toBe(true);
    expect(renderStatus(after)).toMatch(/stale\s+brief:summary\s+data\/countries\/kazakhstan\/narrative\/ru\/brief\/summary\.md: the en text changed/);
  });

  it('reports a missing file and a missing key of the repository', () => {
    const root = tempProject('repo');
    rmSync(join(root, 'data/countries/kazakhstan/narrative/ru/acr/foreword.md'));
    edit(root, 'templates/locales/ru/document.yaml', /^contents: .*\n/m.exec(read(root, 'templates/locales/ru/document.yaml'))![0], '');
    const ru = localeOf(statusReport(root, configOf(root), 'kazakhstan', ['ru']), 'ru');
    expect(problem(ru, 'acr:foreword')).toMatchObject({ state: 'missing', absent: 'file', place: { file: 'data/countries/kazakhstan/narrative/ru/acr/foreword.md' } });
    expect(problem(ru, 'strings:document.contents')).toMatchObject({ state: 'missing', absent: 'key', place: { file: 'templates/locales/ru/document.yaml' } });
    expect(ru.counts.missing).toBe(2);
  });

  it('tells missing files, keys and list items, unrecorded translations and data texts apart', () => {
    const root = translateProject();
    const status = statusReport(root, configOf(root), 'testland');
    const kk = localeOf(status, 'kk');
    const missing = kk.problems.filter((entry) => entry.state === 'missing').map((entry) => [entry.unit, entry.absent, entry.place.file]);
    expect(missing).toEqual([
      ['brief:key-message', 'file', 'data/countries/testland/narrative/kk/brief/key-message.md'],
      ['lists:strengths:registration', 'item', 'data/countries/testland/narrative/kk/lists.yaml'],
      ['lists:recommendations.government:consultation', 'item', 'data/countries/testland/narrative/kk/lists.yaml'],
      ['strings:document.brief.actors.donors', 'key', 'templates/locales/kk/document.yaml'],
      ['strings:units.usdMillion', 'file', 'templates/locales/kk/units.yaml'],
      ['data:frameworks.mini:dimensions.0.subdimensions.0.name', 'key', 'data/frameworks/mini.yaml'],
    ]);
    expect(problem(kk, 'data:frameworks.mini:dimensions.0.subdimensions.0.name')!.source).toEqual({ file: 'data/frameworks/mini.yaml', line: 12, column: 20 });
    expect(kk.counts).toEqual({ units: 21, current: 0, missing: 6, stale: 0, unrecorded: 15 });
    expect(kk.byKind['list-item']).toEqual({ units: 4, current: 0, missing: 2, stale: 0, unrecorded: 2 });
    expect(kk.byKind['data-text']).toEqual({ units: 8, current: 0, missing: 1, stale: 0, unrecorded: 7 });
    expect(localeOf(status, 'ru').counts).toEqual({ units: 21, current: 0, missing: 0, stale: 0, unrecorded: 21 });

    const text = renderStatus(status);
    expect(text).toContain('kk               units  current  missing  stale  unrecorded');
    expect(text).toMatch(/missing\s+strings:document\.brief\.actors\.donors\s+templates\/locales\/kk\/document\.yaml: no key/);
    expect(text).toMatch(/missing\s+data:frameworks\.mini:dimensions\.0\.subdimensions\.0\.name\s+data\/frameworks\/mini\.yaml: no key/);
    expect(text).toContain('csi-report translations export --locale kk --pending --out kk.xlf');
  });

  it('counts stamped translations as current, and reports a translation left without English text', () => {
    const root = translateProject();
    const config = configOf(root);
    const result = stampTranslations(root, config, 'testland', 'ru');
    expect(result.stamped).toHaveLength(21);
    expect(result.written).toEqual(['data/countries/testland/narrative/ru.sources.yaml', 'templates/locales/ru.sources.yaml', 'data/ru.sources.yaml', 'data/countries/testland/ru.sources.yaml']);
    // The country's own data texts are recorded in its folder, the framework's in the shared file.
    expect(read(root, 'data/countries/testland/ru.sources.yaml')).toMatch(/^data:countries\.testland\.country:name: "[0-9a-f]{16}"$/m);
    expect(read(root, 'data/ru.sources.yaml')).not.toContain('data:countries.testland');
    expect(read(root, 'data/ru.sources.yaml')).toMatch(/^data:frameworks\.mini:name: "[0-9a-f]{16}"$/m);
    expect(read(root, 'templates/locales/ru.sources.yaml')).toMatch(/^strings:document\.people: "[0-9a-f]{16}"$/m);
    let ru = localeOf(statusReport(root, config, 'testland', ['ru']), 'ru');
    expect(ru.counts).toMatchObject({ current: 21, unrecorded: 0 });
    expect(needsWork(statusReport(root, config, 'testland', ['ru']))).toBe(false);

    edit(root, 'data/countries/testland/narrative/en/lists.yaml', '  - id: networking\n    text: "CSOs meet peers and share information."\n', '');
    ru = localeOf(statusReport(root, config, 'testland', ['ru']), 'ru');
    expect(problem(ru, 'lists:strengths:networking')).toMatchObject({ state: 'obsolete', place: { file: 'data/countries/testland/narrative/ru/lists.yaml', line: 5 } });
    expect(ru.counts.units).toBe(20);
  });

  it('keeps the records of other countries left in the shared file, and moves its own to its folder', () => {
    const root = translateProject();
    const config = configOf(root);
    stampTranslations(root, config, 'testland', 'ru');
    const other = 'data:countries.otherland.country:name: "0123456789abcdef"';
    const gone = 'data:countries.testland.country:motto: "0123456789abcdef"';
    put(root, 'data/ru.sources.yaml', `${read(root, 'data/ru.sources.yaml')}${other}\n${gone}\n`);
    edit(root, 'data/countries/testland/country.yaml', '"Testland"', '"Test Land"');
    stampTranslations(root, config, 'testland', 'ru');
    const records = read(root, 'data/ru.sources.yaml');
    expect(records).toContain(other);
    expect(records).not.toContain(gone);
  });

  it('stamps only the units asked for, and refuses an unknown one', () => {
    const root = translateProject();
    const config = configOf(root);
    expect(stampTranslations(root, config, 'testland', 'kk', ['acr:findings', 'brief:key-message'])).toMatchObject({ stamped: ['acr:findings'], untranslated: ['brief:key-message'] });
    expect(() => stampTranslations(root, config, 'testland', 'kk', ['acr:finding'])).toThrow(/"acr:finding" is not a unit of this project/);
    const kk = localeOf(statusReport(root, config, 'testland', ['kk']), 'kk');
    expect(kk.counts).toMatchObject({ current: 1, unrecorded: 14 });
  });
});
