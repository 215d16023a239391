import { formatDecimal, formatPercent } from '../format/number.ts';
import { findNode } from '../ingest/framework-tree.ts';
import type { DataConflict, IndicatorDef } from '../ingest/types.ts';
import { weightedMean } from '../score/aggregate.ts';
import { applyRule } from '../score/transforms.ts';
import type { AggregateScore, IndicatorScore } from '../score/index.ts';
import { localised, type ComposeState } from './context.ts';
import type { Block, Inline } from '../document/types.ts';

/**
 * The note on the data: every indicator on which the sources disagree, with each value and
 * where it is given, the value used and why, and what the sub-dimension would score with each
 * value not used. Every number comes from `conflicts.yaml` or the scores, through the one
 * formatter. Empty when the country records no conflicts.
 */
export function dataNotesBlocks(state: ComposeState): Block[] {
  const { dataset, messages } = state.input;
  if (dataset.conflicts.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: messages.t('document.dataNotes.title'), anchor: 'data-notes', inContents: true },
    { kind: 'paragraph', inlines: [{ kind: 'text', text: messages.t('document.dataNotes.intro') }] },
    { kind: 'list', ordered: false, items: dataset.conflicts.map((conflict) => conflictItem(state, conflict)) },
  ];
}

function conflictItem(state: ComposeState, conflict: DataConflict): Inline[] {
  const { dataset, scores, locale, messages } = state.input;
  const indicator = scores.byId.get(conflict.indicator) as IndicatorScore;
  const shown = (value: number) => (indicator.raw.unit === 'percent' ? formatPercent(value, locale, indicator.decimals) : formatDecimal(value, locale, indicator.decimals));
  const values = new Intl.ListFormat(locale, { type: 'conjunction' })
    .format(conflict.values.map((v) => messages.t('document.dataNotes.value', { value: shown(v.value), where: localised(state, v.where) })));
  const sentences = [
    messages.t('document.dataNotes.values', { values }),
    messages.t('document.dataNotes.used', { used: shown(conflict.used) }),
    localised(state, conflict.reason),
  ];
  const def = findNode(dataset.framework, conflict.indicator) as IndicatorDef;
  const subId = conflict.indicator.split('.').slice(0, 2).join('.');
  const sub = scores.byId.get(subId) as AggregateScore;
  const subName = `${subId} ${localised(state, findNode(dataset.framework, subId)!.name)}`;
  for (const other of conflict.values.filter((v) => v.value !== conflict.used)) {
    // The sub-dimension recomputed with the other value, as scoring would: the same rule, the same weights.
    const otherScore = applyRule(def.rule, { value: other.value });
    const mean = weightedMean(sub.inputs.map((input) => (input.id === conflict.indicator ? { ...input, score: otherScore } : input)));
    sentences.push(messages.t('document.dataNotes.effect', {
      other: shown(other.value), sub: subName,
      otherScore: formatPercent(mean, locale, sub.decimals), score: formatPercent(sub.score, locale, sub.decimals),
    }));
  }
  return [
    { kind: 'text', text: `${conflict.indicator} ${localised(state, def.name)}. `, bold: true },
    { kind: 'text', text: sentences.join(' ') },
  ];
}
