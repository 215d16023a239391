import { formatPercent } from '../format/number.ts';
import { findNode } from '../ingest/framework-tree.ts';
import { ACTORS, type BriefPart } from '../ingest/types.ts';
import { localised, type ComposeState } from './context.ts';
import { coverBlock } from './generated.ts';
import { citation, contactInlines, funderBlocks, linkLine, organisationsWithRoles, publicationUrls } from './imprint.ts';
import { keyMessageRows } from './key-messages.ts';
import { renderNarrative } from './narrative.ts';
import { priorityIssues, urgentRecommendations, type PriorityIssue } from './priorities.ts';
import { timeframeLabel } from './recommendations.ts';
import type { Block, Inline, PulloutItem, TableCell } from '../document/types.ts';

/**
 * The parts of the Policy Action Brief. Its text is its own: key messages from the
 * `key-messages` list, a problem statement per priority issue, a call to action and a method
 * note from `narrative/<locale>/brief/`; its recommendations are those of recommendations.yaml.
 */
export function briefBlocks(state: ComposeState, kind: BriefPart): Block[] {
  const { dataset, messages } = state.input;
  const h2 = (text: string, anchor: string): Block => ({ kind: 'heading', level: 2, text, anchor, inContents: true });
  switch (kind) {
    case 'title-block': {
      const cover = coverBlock(state, 'document.briefSubtitle', undefined, true);
      return [{ ...cover, title: localised(state, dataset.country.extra.briefTitle as Record<string, string>) || cover.subtitle, subtitle: messages.t('document.series') }];
    }
    case 'key-messages':
      return [
        { kind: 'aside-row', side: [], main: snippet(state, 'summary').map((b) => (b.kind === 'paragraph' ? { ...b, style: 'lead' } : b)) },
        h2(messages.t('document.brief.keyMessages'), 'key-messages'),
        ...keyMessageRows(state),
      ];
    case 'must-change': {
      const urgent = urgentRecommendations(state, priorityIssues(state));
      const items: Inline[][] = urgent.map((r) => [
        { kind: 'text', text: `${localised(state, r.title)}. `, bold: true },
        { kind: 'text', text: messages.t('document.recommendation.whoWhen', { who: localised(state, r.who), when: timeframeLabel(state, r) }) },
      ]);
      return [{ kind: 'box', tone: 'action', title: messages.t('document.brief.mustChange'), blocks: [{ kind: 'list', ordered: true, items }] }];
    }
    case 'diamond':
      return diamondBlocks(state);
    case 'priorities':
      return priorityIssues(state).flatMap((issue, index) => issueBlocks(state, issue, index + 1));
    case 'call-to-action':
      return [h2(messages.t('document.brief.callToAction'), 'call-to-action'), ...snippet(state, 'call-to-action')];
    case 'method':
      return [{ kind: 'box', tone: 'reference', title: messages.t('document.brief.method'), blocks: snippet(state, 'method').map((b) => (b.kind === 'paragraph' ? { ...b, style: 'small' } : b)) }];
    case 'contacts':
      return [
        h2(messages.t('document.brief.contacts'), 'contacts'),
        ...organisationsWithRoles(state).map(({ role, organisation }): Block => ({
          kind: 'aside-row', side: [{ kind: 'note', inlines: [{ kind: 'text', text: role, bold: true }] }], main: [{ kind: 'paragraph', style: 'small', inlines: contactInlines(state, organisation) }],
        })),
        ...funderBlocks(state),
      ];
    case 'citation':
      return [h2(messages.t('document.brief.citeAs'), 'citation'), { kind: 'paragraph', style: 'small', inlines: [{ kind: 'text', text: citation(state, 'brief') }] }];
    case 'where-to-find':
      return whereToFind(state);
  }
}

/** A narrative file of the brief; a missing one is an error naming the file to write. */
export function snippet(state: ComposeState, name: string): Block[] {
  const { dataset, locale } = state.input;
  const file = dataset.content.get(locale)?.brief.get(name);
  if (!file) {
    // A missing translation of a written text is the translation policy's to report (and, under
    // "fallback", to fill in); here only a text not written in the source language either, once
    // for every edition, at the file to write.
    const { sourceLocale } = dataset.config;
    if (locale !== sourceLocale && dataset.content.get(sourceLocale)?.brief.has(name)) return [];
    const path = `${dataset.config.dataDir}/countries/${dataset.country.id}/narrative/${sourceLocale}/brief/${name}.md`;
    state.issues.push({
      place: { file: path },
      message: `the brief's text "${name}" is missing`,
      hint: `Write ${path} (see docs/narrative.md, "The Policy Action Brief"), then its translations.`,
      severity: 'error',
    });
    return [];
  }
  return renderNarrative(state, file, `brief-${name}`);
}

/** The diamond, once and small, with a note on how to read it; its scores are on the drawing. */
function diamondBlocks(state: ComposeState): Block[] {
  const { messages } = state.input;
  const figure = state.input.figures.get('1');
  if (!figure?.chart) return [];
  return [
    { kind: 'heading', level: 2, text: messages.t('document.brief.diamond'), anchor: 'diamond', inContents: true },
    {
      kind: 'aside-row',
      side: [{ kind: 'note', inlines: [{ kind: 'text', text: messages.t('document.brief.diamondNote') }] }],
      main: [{ kind: 'figure', id: figure.id, anchor: 'figure-brief-diamond', caption: '', chart: figure.chart, alt: figure.alt }],
    },
  ];
}

/** One priority issue: its heading, its evidence beside the problem statement, and who must act. */
function issueBlocks(state: ComposeState, issue: PriorityIssue, number: number): Block[] {
  const { dataset, scores, locale, messages } = state.input;
  const colour = dataset.theme.dimensions[issue.dimension.key];
  const pullout = (id: string, label: string): PulloutItem => {
    const score = scores.byId.get(id)!;
    return { kind: 'pullout', value: formatPercent(score.score, locale, score.decimals), label, color: colour };
  };
  const own = issue.evidence.find((e) => e.id === issue.subdimension.id);
  const side: PulloutItem[] = [
    pullout(issue.subdimension.id, own?.label ? localised(state, own.label) : messages.t('document.brief.subdimensionScore', { name: localised(state, issue.subdimension.name) })),
    ...issue.evidence.filter((e) => e.id !== issue.subdimension.id).map((e) => pullout(e.id, e.label ? localised(state, e.label) : localised(state, findNode(dataset.framework, e.id)?.name))),
  ];
  const actors = ACTORS.filter((actor) => issue.recommendations.some((r) => r.actor === actor));
  if (actors.length < 2) {
    state.issues.push({
      place: dataset.brief.priorities ? { file: dataset.brief.file! } : { file: `data/countries/${dataset.country.id}/recommendations.yaml` },
      message: `priority issue "${issue.subdimension.id}" has recommendations for ${actors.length === 0 ? 'no actor' : `only ${actors[0]}`}; the brief needs at least two actors for each issue`,
      hint: `Add "${issue.subdimension.id}" to the "addresses:" of recommendations for another actor in recommendations.yaml.`,
      severity: 'error',
    });
  }
  const rows: TableCell[][] = actors.flatMap((actor) =>
    issue.recommendations.filter((r) => r.actor === actor).map((r, i): TableCell[] => [
      { text: i === 0 ? messages.t(`document.recommendation.actor.${actor}`) : '', bold: true },
      { text: localised(state, r.title) },
      { text: localised(state, r.who) },
      { text: timeframeLabel(state, r) },
    ]));
  return [
    { kind: 'heading', level: 2, text: messages.t('document.brief.priority', { number, name: localised(state, issue.subdimension.name) }), anchor: `priority-${number}`, inContents: true },
    {
      kind: 'aside-row',
      side,
      main: [
        ...snippet(state, `issue-${issue.subdimension.id}`),
        {
          kind: 'table', anchor: `priority-${number}-actions`, caption: '',
          header: [{ text: messages.t('document.brief.table.actor') }, { text: messages.t('document.brief.table.action') }, { text: messages.t('document.brief.table.who') }, { text: messages.t('document.brief.table.when') }],
          widths: [1.4, 2.55, 2.3, 1.05],
          rows,
        },
      ],
    },
  ];
}

/** Where the full report and the open data are published: printed and linked. */
function whereToFind(state: ComposeState): Block[] {
  const { dataset, messages } = state.input;
  const urls = publicationUrls(state);
  if (!urls) {
    state.issues.push({
      place: { file: 'pipeline.config.yaml' },
      message: 'the brief says where the full report and the open data are published, but the configuration gives no addresses',
      hint: 'Add "publication: {report: https://…/{country}/{locale}/acr.pdf, data: https://…/{country}/scores.csv}" to the configuration.',
      severity: 'error',
    });
    return [];
  }
  return [
    { kind: 'heading', level: 2, text: messages.t('document.brief.whereToFind'), anchor: 'where-to-find', inContents: true },
    { kind: 'paragraph', style: 'small', inlines: [{ kind: 'text', text: messages.t('document.brief.whereText', { country: localised(state, dataset.country.name) }) }] },
    { kind: 'paragraph', style: 'small', inlines: linkLine(messages.t('document.imprint.report'), urls.report) },
    { kind: 'paragraph', style: 'small', inlines: linkLine(messages.t('document.imprint.data'), urls.data) },
  ];
}
