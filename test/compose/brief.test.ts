import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeDocument, type AsideRowBlock, type Block, type ComposedDocument, type Inline } from '../../pipeline/compose/index.ts';
import { InputError } from '../../pipeline/errors/errors.ts';
import { formatPercent } from '../../pipeline/format/number.ts';
import { ingestDataset } from '../../pipeline/ingest/index.ts';
import type { Dataset } from '../../pipeline/ingest/types.ts';
import { messagesFor } from '../../pipeline/compose/index.ts';
import { displayed } from '../../pipeline/score/rank.ts';
import { scoreDataset, type AnyScore, type Scores } from '../../pipeline/score/index.ts';
import type { ComposeState } from '../../pipeline/compose/context.ts';
import { priorityIssues } from '../../pipeline/compose/priorities.ts';
import { CompiledTemplates } from '../../pipeline/compose/compiled-templates.ts';
import { edit, put, read, repoRoot, tempProject } from '../helpers/project.ts';

const compose = (dataset: Dataset, locale: string, document: 'acr' | 'brief' = 'brief', scores: Scores = scoreDataset(dataset)): ComposedDocument =>
  // The figures as the chart stage names them; their drawings do not matter here.
  composeDocument({ dataset, scores, locale, document, figures: new Map(dataset.figures.map((f) => [f.id, { id: f.id, caption: '', alt: '' }])), messages: messagesFor(dataset, locale) });

const text = (inlines: readonly Inline[]) => inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
const rows = (document: ComposedDocument) => document.blocks.filter((b): b is AsideRowBlock => b.kind === 'aside-row');
/** Key message rows: a bare numeral in the side column. */
const keyMessages = (document: ComposedDocument) => rows(document).filter((row) => row.side.length === 1 && row.side[0]!.kind === 'pullout' && row.side[0]!.label === '');
/** Priority issue rows: pull-out numbers with labels beside the problem statement and the table of actions. */
const issues = (document: ComposedDocument) => rows(document).filter((row) => row.main.some((b) => b.kind === 'table'));
const tableOf = (row: AsideRowBlock) => row.main.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')!;

const dataset = ingestDataset({ root: repoRoot, configPath: 'pipeline.config.yaml' });
const scores = scoreDataset(dataset);
/** Every number the data can print, in a locale. */
const printable = (locale: string) => new Set([...scores.byId.values()].map((s) => formatPercent(s.score, locale, s.decimals)));

describe.each(['en', 'ru', 'kk'])('the %s brief, composed', (locale) => {
  const brief = compose(dataset, locale);

  it('opens with 3–5 numbered key messages, each one sentence holding a number of the data', () => {
    const messages = keyMessages(brief);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages.length).toBeLessThanOrEqual(5);
    messages.forEach((row, index) => {
      expect(row.side[0]).toMatchObject({ kind: 'pullout', value: String(index + 1) });
      const paragraph = row.main[0]!;
      expect(paragraph.kind).toBe('paragraph');
      const inlines = (paragraph as Extract<Block, { kind: 'paragraph' }>).inlines;
      // The proving number is set in bold and is a score of the data, in the locale's format.
      const bold = inlines.filter((i) => i.kind === 'text' && i.bold).map((i) => text([i]));
      expect(bold.some((b) => printable(locale).has(b)), `key message ${index + 1}: ${text(inlines)}`).toBe(true);
      expect(text(inlines).trim().split(/(?<=[.!?])\s+/u)).toHaveLength(1);
    });
  });

  it('puts the three most urgent actions in a "What must change" box, each with who acts and when', () => {
    const box = brief.blocks.find((b): b is Extract<Block, { kind: 'box' }> => b.kind === 'box' && b.tone === 'action')!;
    const list = box.blocks[0] as Extract<Block, { kind: 'list' }>;
    expect(list.ordered).toBe(true);
    expect(list.items).toHaveLength(3);
    const urgent = dataset.brief.urgent!.map((id) => dataset.recommendations.find((r) => r.id === id)!);
    list.items.forEach((item, i) => {
      expect(text(item)).toContain(urgent[i]!.title[locale]!);
      expect(text(item)).toContain(urgent[i]!.who[locale]!);
    });
  });

  it('has three priority issues, each with its evidence and actions for at least two actors with who and when', () => {
    const found = issues(brief);
    expect(found).toHaveLength(3);
    found.forEach((row, index) => {
      const choice = dataset.brief.priorities![index]!;
      // Evidence: the sub-dimension's score first, then the chosen figures, as the one formatter prints them.
      const values = row.side.map((item) => (item.kind === 'pullout' ? item.value : ''));
      const own = scores.byId.get(choice.subdimension)!;
      expect(values[0]).toBe(formatPercent(own.score, locale, own.decimals));
      for (const evidence of choice.evidence ?? []) {
        const score = scores.byId.get(evidence.id)!;
        expect(values).toContain(formatPercent(score.score, locale, score.decimals));
      }
      const table = tableOf(row);
      const actors = new Set(table.rows.map((cells) => cells[0]!.text).filter((t) => t !== ''));
      expect(actors.size, `issue ${choice.subdimension}`).toBeGreaterThanOrEqual(2);
      for (const cells of table.rows) {
        expect(cells[2]!.text, 'who acts').not.toBe('');
        expect(cells[3]!.text, 'when').not.toBe('');
      }
      // Every action is a recommendation of the one list, addressed to this issue.
      const titles = dataset.recommendations.filter((r) => r.addresses.includes(choice.subdimension)).map((r) => r.title[locale]);
      expect(table.rows.map((cells) => cells[1]!.text).sort()).toEqual([...titles].sort());
    });
  });

  it('shows no table of the five dimension scores', () => {
    const tables = brief.blocks.filter((b) => b.kind === 'table');
    expect(tables).toEqual([]);
  });

  it('draws the report’s recommendations from the same list, each title once', () => {
    const acr = compose(dataset, locale, 'acr');
    const listed = acr.blocks.filter((b): b is Extract<Block, { kind: 'list' }> => b.kind === 'list').flatMap((b) => b.items.map(text));
    for (const recommendation of dataset.recommendations) {
      expect(listed.filter((item) => item.startsWith(`${recommendation.title[locale]}. `)), recommendation.id).toHaveLength(1);
      expect(listed.some((item) => item.includes(recommendation.text[locale]!))).toBe(true);
    }
  });
});

describe('the brief’s key messages follow the data', () => {
  it('prints a corrected value in the key message that cites it', () => {
    const root = tempProject('repo');
    edit(root, 'data/countries/kazakhstan/indicators.yaml', '"2.4.1":\n    value: 14.4', '"2.4.1":\n    value: 15.2');
    const corrected = ingestDataset({ root, configPath: 'pipeline.config.yaml' });
    const first = keyMessages(compose(corrected, 'en'))[0]!;
    expect(text((first.main[0] as Extract<Block, { kind: 'paragraph' }>).inlines)).toContain('15.2%');
  });

  it('refuses a key message whose number is not bound to the data, at its line', () => {
    const root = tempProject('repo');
    const lists = 'data/countries/kazakhstan/narrative/en/lists.yaml';
    edit(root, lists, 'a mere **{{score \\"3.5.3\\"}}** of CSO leaders', 'a mere few of CSO leaders');
    const edited = ingestDataset({ root, configPath: 'pipeline.config.yaml' });
    const error = captureError(() => compose(edited, 'en'));
    const issue = error.issues.find((i) => i.message.includes('has no number from the data'))!;
    expect(issue.message).toBe('the key message "credibility" has no number from the data');
    expect(issue.place.file).toBe(lists);
    expect(read(root, lists).split('\n')[issue.place.line! - 1]).toContain('a mere few of CSO leaders');
  });
});

describe('the brief’s title band', () => {
  it('names the country, the period and the edition, and says "Revised edition" once a correction is logged', () => {
    const first = compose(dataset, 'en').blocks[0]!;
    expect(first).toMatchObject({ kind: 'cover', compact: true, country: 'Kazakhstan, 2008–2010', edition: 'Published June 1, 2011' });
    const root = tempProject('repo');
    edit(root, 'data/countries/kazakhstan/indicators.yaml', '"2.4.1":\n    value: 14.4', '"2.4.1":\n    value: 15.2');
    put(root, 'data/countries/kazakhstan/corrections.yaml', 'corrections:\n  - {date: "2011-09-15", indicator: "2.4.1", old: 14.4, new: 15.2, reason: {en: "Recount.", ru: "Пересчёт.", kk: "Қайта есеп."}}\n');
    const revised = ingestDataset({ root, configPath: 'pipeline.config.yaml' });
    expect(compose(revised, 'en').blocks[0]).toMatchObject({ kind: 'cover', edition: 'Revised edition, September 15, 2011' });
    expect(compose(revised, 'ru').blocks[0]).toMatchObject({ kind: 'cover', edition: 'Исправленное издание, 15 сентября 2011 г.' });
  });
});

describe('the one list of recommendations', () => {
  const file = 'data/countries/kazakhstan/recommendations.yaml';

  it('refuses a recommendation given twice, at the second one, naming the first', () => {
    const root = tempProject('repo');
    const first = read(root, file).split('\n');
    // Give a government recommendation the text of the first civil-society one.
    const text = first.find((line) => line.startsWith('      en: "Secure stable and diverse sources'))!;
    edit(root, file, /      en: "Make the funding of state social contracts open and transparent\."/.exec(read(root, file))![0], text);
    const error = captureError(() => ingestDataset({ root, configPath: 'pipeline.config.yaml' }));
    expect(error.issues).toHaveLength(1);
    const issue = error.issues[0]!;
    expect(issue.message).toMatch(/^the text of recommendation "social-contracts" repeats recommendation "stable-funding" \(at data\/countries\/kazakhstan\/recommendations\.yaml:\d+:\d+\)$/);
    expect(issue.place.file).toBe(file);
    expect(read(root, file).split('\n')[issue.place.line! - 1]).toBe(text);
  });

  it('holds no recommendation twice in the repository’s data', () => {
    for (const locale of ['en', 'ru', 'kk']) {
      const texts = dataset.recommendations.map((r) => r.text[locale]);
      expect(new Set(texts).size).toBe(texts.length);
    }
    expect(dataset.recommendations.filter((r) => r.id === 'civic-education').map((r) => r.actor)).toEqual(['government']);
  });
});

describe('priority issues without a choice of the national team', () => {
  const movable = dataset.framework.dimensions.flatMap((d) => d.subdimensions).filter((s) => s.policyCanMove).map((s) => s.id);
  const withoutChoice: Dataset = { ...dataset, brief: {} };

  it('are the three weakest sub-dimensions that policy can move, weakest first, for any scores', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: movable.length, maxLength: movable.length }), (values) => {
      const byId = new Map(scores.byId);
      movable.forEach((id, i) => byId.set(id, { ...scores.byId.get(id)!, score: values[i]! / 10 } as AnyScore));
      const state: ComposeState = { input: { dataset: withoutChoice, scores: { ...scores, byId }, locale: 'en', document: 'brief', figures: new Map(), messages: messagesFor(dataset, 'en') }, issues: [], nextFootnote: 1, footnotes: new Map(), templates: new CompiledTemplates() };
      const expected = movable
        .map((id, order) => ({ id, order, value: displayed(byId.get(id)!) }))
        .sort((a, b) => a.value - b.value || a.order - b.order)
        .slice(0, 3)
        .map((e) => e.id);
      expect(priorityIssues(state).map((issue) => issue.subdimension.id)).toEqual(expected);
      expect(state.issues).toEqual([]);
    }));
  });

  it('ask for the problem statement of a derived issue that has none, naming the file', () => {
    const error = captureError(() => compose(withoutChoice, 'en'));
    // With Kazakhstan's scores the weakest movable sub-dimension is 2.6, International linkages.
    expect(error.issues.map((i) => i.message)).toContain('the brief\'s text "issue-2.6" is missing');
    expect(error.issues.find((i) => i.message.includes('issue-2.6'))!.hint).toContain('Write data/countries/kazakhstan/narrative/en/brief/issue-2.6.md');
  });

  it('ask for a text missing in every language at the source file, whatever the edition', () => {
    // The translation policy names the Russian file; compose names the English one to write first.
    const error = captureError(() => compose(withoutChoice, 'ru'));
    const issue = error.issues.find((i) => i.message.includes('issue-2.6'))!;
    expect(issue.place.file).toBe('data/countries/kazakhstan/narrative/en/brief/issue-2.6.md');
    expect(issue.message).toBe('the brief\'s text "issue-2.6" is missing');
  });
});

function captureError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an input error');
}
