import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../pipeline/errors/errors.ts';
import { readFigures } from '../../pipeline/ingest/figures.ts';
import { InputReader } from '../../pipeline/input/read.ts';
import { kazakhstan } from './kazakhstan.ts';

/** Reads a figures.yaml written from `text`, against the Kazakhstan framework. */
function read(text: string) {
  const root = mkdtempSync(join(tmpdir(), 'csi-figures-'));
  mkdirSync(join(root, 'data'), { recursive: true });
  writeFileSync(join(root, 'data', 'figures.yaml'), text);
  const reader = new InputReader(root);
  const figures = readFigures(reader, 'data/figures.yaml', kazakhstan().dataset.framework, ['en', 'ru']);
  return { figures, report: reader.issues.length > 0 ? formatIssues(reader.issues) : '' };
}

const bar = (values: string, extra = '') => `figures:
  - id: "III.3.2"
    kind: bar
    caption: {en: "Governance", ru: "Управление"}
    unit: percent${extra}
    categories:
      - key: board
        label: {en: "Board", ru: "Правление"}
      - key: staff
        label: {en: "Staff", ru: "Сотрудники"}
    series:
      - key: share
        label: {en: "Share", ru: "Доля"}
        values: ${values}
`;

describe('figures.yaml is read into typed figures', () => {
  it('reads the Kazakhstan figures: every kind, values and indicator references', () => {
    const { figures } = kazakhstan();
    expect(figures).toHaveLength(25);
    expect(new Set(figures.map((f) => f.kind))).toEqual(new Set(['diamond', 'stages', 'bubbles', 'actor-map', 'subdimensions', 'bar', 'grouped-bar', 'line']));
    const labour = figures.find((f) => f.id === 'III.3.3');
    expect(labour?.kind === 'bar' && labour.series[0]!.values.get('union-members')).toEqual({ kind: 'indicator', id: '3.2.2' });
    const cpi = figures.find((f) => f.id === 'III.5.3');
    expect(cpi?.source).toEqual({ kind: 'text', text: expect.objectContaining({ en: expect.stringContaining('Transparency International') }) });
  });

  it('keeps category order whatever order the values are written in', () => {
    const { figures, report } = read(bar('{staff: 9.0, board: 26.3}'));
    expect(report).toBe('');
    const figure = figures[0]!;
    expect(figure.kind === 'bar' && [...figure.series[0]!.values.keys()]).toEqual(['board', 'staff']);
  });
});

describe('problems in figures.yaml are reported at their line and column', () => {
  it('an unknown indicator reference, with the likely one', () => {
    expect(read(bar('{board: {indicator: "3.2.9"}, staff: 9.0}')).report).toBe(
      'data/figures.yaml:14:37: error: "3.2.9" is not an indicator of the framework\n'
      + '  Did you mean "3.2.1"? Indicator ids are listed in the framework file.\n'
      + '1 error in the input; nothing was written.');
  });

  it('a value for a category the figure does not have, and a category left without a value', () => {
    expect(read(bar('{board: 26.3, stuff: 9.0}')).report).toBe(
      'data/figures.yaml:14:17: error: the series "share" has no value for the category "staff"\n'
      + '  Add "staff: …" under the values of "share", with a number or {indicator: "x.y.z"} (in a bar chart, null where the source gives no number).\n'
      + 'data/figures.yaml:14:31: error: the series "share" has a value for "stuff", which is not a category of the figure\n'
      + '  Did you mean "staff"? Categories: "board", "staff".\n'
      + '2 errors in the input; nothing was written.');
  });

  it('a missing translation', () => {
    const { report } = read(bar('{board: 26.3, staff: 9.0}').replace('{en: "Staff", ru: "Сотрудники"}', '{en: "Staff"}'));
    expect(report).toBe(
      'data/figures.yaml:10:16: error: the text has no "ru" version\n'
      + '  Add "ru: …" with the translation, or remove "ru" from the locales in pipeline.config.yaml.\n'
      + '1 error in the input; nothing was written.');
  });

  it('an unknown dimension', () => {
    const { report } = read('figures:\n  - id: "III.6.1"\n    kind: subdimensions\n    dimension: "6"\n    caption: {en: "Six", ru: "Шесть"}\n');
    expect(report).toBe(
      'data/figures.yaml:4:16: error: "6" is not a dimension of the framework\n'
      + '  Use one of "1", "2", "3", "4", "5".\n'
      + '1 error in the input; nothing was written.');
  });

  it('a key another kind of figure has, a percentage beyond 100 and a bar chart of two series', () => {
    const twoSeries = bar('{board: 126.3, staff: 9.0}', '\n    dimension: "1"').replace('    series:\n', '    series:\n      - key: other\n        label: {en: "Other", ru: "Другое"}\n        values: {board: 1, staff: 2}\n');
    expect(read(twoSeries).report).toBe(
      'data/figures.yaml:6:5: error: unknown key "dimension"\n'
      + '  Remove it or check its spelling; allowed here: "id", "kind", "caption", "note", "source", "unit", "valueTitle", "categories", "series".\n'
      + 'data/figures.yaml:13:7: error: must NOT have more than 1 items\n'
      + '  A bar chart has one series; for several, use kind grouped-bar or stacked-bar.\n'
      + '2 errors in the input; nothing was written.');
    expect(read(bar('{board: 126.3, staff: 9.0}')).report).toBe(
      'data/figures.yaml:14:25: error: 126.3 lies outside 0–100, the scale of a figure in percent\n'
      + '  Check the number against the report; a percentage is written 46.9, not 0.469.\n'
      + '1 error in the input; nothing was written.');
  });

  it('a figure id used twice', () => {
    const text = bar('{board: 1, staff: 2}');
    const { report } = read(`${text}${text.replace('figures:\n', '')}`);
    expect(report).toMatch(/^data\/figures\.yaml:15:9: error: the id "III\.3\.2" is used twice \(first at data\/figures\.yaml:2:9\)$/m);
  });
});

const bubbles = (actor: string) => `figures:
  - id: "II.3.1"
    kind: bubbles
    caption: {en: "Forces", ru: "Силы"}
    impactTitle: {en: "Impact", ru: "Влияние"}
    groups:
      - key: state
        label: {en: "State", ru: "Государство"}
    actors:
${actor}`;

describe('problems in the diagrams\' data are reported at their line and column', () => {
  it('an actor in a group the figure does not have, and a position off the plane', () => {
    const actor = '      - key: president\n        label: {en: "President", ru: "Президент"}\n        group: stat\n        x: 120\n        y: 50\n        impact: 2\n';
    expect(read(bubbles(actor)).report).toBe(
      'data/figures.yaml:13:12: error: 120 is out of range (must be <= 100)\n'
      + '  a position from 0 (left or bottom) to 100 (right or top)\n'
      + '1 error in the input; nothing was written.');
    expect(read(bubbles(actor.replace('x: 120', 'x: 20'))).report).toBe(
      'data/figures.yaml:12:16: error: "stat" is not a group of the figure\n'
      + '  Did you mean "state"? The figure\'s groups: "state".\n'
      + '1 error in the input; nothing was written.');
  });

  it('a stage activity without a translation, and an actor of a map in an unknown region', () => {
    const stages = 'figures:\n  - id: "I.3.1"\n    kind: stages\n    caption: {en: "Steps", ru: "Шаги"}\n    stages:\n      - key: a\n        label: {en: "A", ru: "А"}\n        items:\n          - {en: "Read"}\n      - key: b\n        label: {en: "B", ru: "Б"}\n        items:\n          - {en: "Write", ru: "Писать"}\n';
    expect(read(stages).report).toBe(
      'data/figures.yaml:9:13: error: the text has no "ru" version\n'
      + '  Add "ru: …" with the translation, or remove "ru" from the locales in pipeline.config.yaml.\n'
      + '1 error in the input; nothing was written.');
    const map = 'figures:\n  - id: "II.3.2"\n    kind: actor-map\n    caption: {en: "Map", ru: "Карта"}\n    regions:\n      - {key: state, label: {en: "State", ru: "Государство"}, x: 20, y: 70, radius: 15}\n    actors:\n      - {key: ngo, label: {en: "NGOs", ru: "НПО"}, region: market, x: 50, y: 50}\n';
    expect(read(map).report).toBe(
      'data/figures.yaml:8:60: error: "market" is not a region of the figure\n'
      + '  Use one of "state", or add "market" to the figure\'s regions.\n'
      + '1 error in the input; nothing was written.');
  });

  it('a value left out with null, where only bar charts allow it', () => {
    const grouped = bar('{board: null, staff: 9.0}').replace('kind: bar', 'kind: grouped-bar');
    expect(read(grouped).report).toBe(
      'data/figures.yaml:14:25: error: null (no number published) is allowed in bar charts only, not in a grouped-bar chart\n'
      + '  Give the number from the source, or leave the category out of this figure.\n'
      + '1 error in the input; nothing was written.');
    const { figures, report } = read(bar('{board: null, staff: 9.0}'));
    expect(report).toBe('');
    expect(figures[0]!.kind === 'bar' && figures[0]!.series[0]!.values.get('board')).toEqual({ kind: 'none' });
  });
});
