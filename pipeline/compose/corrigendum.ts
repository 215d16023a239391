import { formatMeasured } from '../format/number.ts';
import { findNode } from '../ingest/framework-tree.ts';
import { localised, type ComposeState } from './context.ts';
import { formatDate } from '../format/date.ts';
import type { Block, Inline } from '../document/types.ts';

/**
 * The corrigendum: every published correction with date, value, old → new and reason, so a
 * correction is visibly recorded in the document, never silently swapped. Empty for an edition
 * without corrections.
 */
export function corrigendumBlocks(state: ComposeState, level: 1 | 2): Block[] {
  const { dataset, scores, locale, messages } = state.input;
  if (dataset.corrections.length === 0) return [];
  // Old and new value with the indicator's precision, as the matrix shows it (40.0, not 40).
  const value = (id: string, number: number) => formatMeasured(number, locale, scores.byId.get(id)?.decimals ?? 1, true);
  const nameOf = (id: string) => {
    const node = findNode(dataset.framework, id);
    return node ? `${id} ${localised(state, node.name)}` : id;
  };
  const items: Inline[][] = dataset.corrections.map((c) => [{
    kind: 'text',
    text: messages.t('document.corrigendum.entry', {
      date: formatDate(c.date, locale), what: nameOf(c.indicator), old: value(c.indicator, c.old), new: value(c.indicator, c.new), reason: localised(state, c.reason),
    }),
  }]);
  return [
    { kind: 'heading', level, text: messages.t('document.corrigendum.title'), anchor: 'corrigendum', inContents: true, newPage: level === 1 },
    { kind: 'paragraph', inlines: [{ kind: 'text', text: messages.t('document.corrigendum.intro', { count: dataset.corrections.length }) }] },
    { kind: 'list', ordered: false, items },
  ];
}

/** The edition line of the cover: first publication, or the date of the latest correction. */
export function editionLine(state: ComposeState): string {
  const { dataset, locale, messages } = state.input;
  const latest = dataset.corrections[dataset.corrections.length - 1];
  return latest
    ? messages.t('document.revised', { date: formatDate(latest.date, locale) })
    : messages.t('document.edition', { date: formatDate(dataset.country.edition.published, locale) });
}
