import type { Actor, Recommendation } from '../ingest/types.ts';
import { localised, type ComposeState } from './context.ts';
import type { Block, Inline } from '../document/types.ts';

/** The recommendations addressed to an actor, in the order of recommendations.yaml. */
export function recommendationsFor(state: ComposeState, actor: Actor): Recommendation[] {
  return state.input.dataset.recommendations.filter((r) => r.actor === actor);
}

/** "Within a year", "In one to three years" … in the edition's language. */
export function timeframeLabel(state: ComposeState, recommendation: Recommendation): string {
  return state.input.messages.t(`document.recommendation.timeframe.${recommendation.timeframe}`);
}

/**
 * The report's list of an actor's recommendations (section V): each with its title, its full
 * text, and who acts and when.
 */
export function recommendationList(state: ComposeState, actor: Actor): Block {
  const { messages } = state.input;
  const items: Inline[][] = recommendationsFor(state, actor).map((r) => [
    { kind: 'text', text: `${localised(state, r.title)}. `, bold: true },
    { kind: 'text', text: `${localised(state, r.text)} ` },
    { kind: 'text', text: messages.t('document.recommendation.whoWhen', { who: localised(state, r.who), when: timeframeLabel(state, r) }), italic: true },
  ]);
  return { kind: 'list', ordered: false, items };
}
