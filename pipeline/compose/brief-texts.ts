import type { Dataset } from '../ingest/types.ts';
import type { Scores } from '../score/index.ts';
import { prioritySubdimensions } from './priorities.ts';

/**
 * The texts of `narrative/<locale>/brief/` the Policy Action Brief prints: the summary over the
 * key messages, a problem statement per priority issue (`issue-<sub-dimension id>`), the call
 * to action and the method note.
 */
export function briefTextNames(dataset: Dataset, scores: Scores): string[] {
  return ['summary', ...prioritySubdimensions(dataset, scores).map((p) => `issue-${p.subdimension.id}`), 'call-to-action', 'method'];
}
