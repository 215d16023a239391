import { describe, expect, it } from 'vitest';
import { readLocaleContent } from '../../pipeline/ingest/content.ts';
import { InputReader } from '../../pipeline/input/read.ts';
import { missingTranslations } from '../../pipeline/translate/policy.ts';
import { statusReport } from '../../pipeline/translate/status.ts';
import { configOf, translateProject } from './helpers.ts';

function contents(root: string) {
  const reader = new InputReader(root);
  const read = (locale: string) => readLocaleContent(reader, 'data/countries/testland', 'templates', locale);
  const result = { en: read('en'), kk: read('kk') };
  expect(reader.issues).toEqual([]);
  return result;
}

describe('the policy for missing translations', () => {
  it('finds the same gaps as the status report, as errors under "fail"', () => {
    const root = translateProject();
    const { en, kk } = contents(root);
    const { units, issues } = missingTranslations(en, kk, 'fail');
    const status = statusReport(root, configOf(root), 'testland', ['kk']).locales[0]!;
    // The data files' own texts are not part of the ingested locale content.
    const fromStatus = status.problems.filter((problem) => problem.state === 'missing' && problem.kind !== 'data-text').map((problem) => problem.unit);
    expect(units.map((unit) => unit.unit).sort()).toEqual(fromStatus.sort());
    expect(units.find((unit) => unit.unit === 'strings:units.usdMillion')).toEqual({
      locale: 'kk',
      unit: 'strings:units.usdMillion',
      kind: 'string',
      place: { file: 'templates/locales/kk/units.yaml' },
      source: { file: 'templates/locales/en/units.yaml', line: 1, column: 13 },
    });
    expect(issues.every((issue) => issue.severity === 'error')).toBe(true);
    expect(issues[0]).toMatchObject({
      place: { file: 'data/countries/testland/narrative/kk/brief/key-message.md' },
      message: 'the kk translation of "brief:key-message" is missing',
    });
  });

  it('only warns under "fallback", saying the English text is used', () => {
    const { en, kk } = contents(translateProject());
    const { issues } = missingTranslations(en, kk, 'fallback');
    expect(issues).toHaveLength(5);
    expect(issues.every((issue) => issue.severity === 'warning')).toBe(true);
    expect(issues[0]!.hint).toContain('The English text (data/countries/testland/narrative/en/brief/key-message.md) is used, marked as untranslated.');
  });

  it('finds nothing missing in a complete translation', () => {
    const { en } = contents(translateProject());
    expect(missingTranslations(en, en, 'fail')).toEqual({ units: [], issues: [] });
  });
});
