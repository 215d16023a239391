import type { InputIssue } from '../errors/errors.ts';
import { roundHalfUp } from '../format/number.ts';
import type { TextFile } from '../ingest/types.ts';
import type { Bindable, ComposeState } from './context.ts';

/**
 * Finds numbers typed into a narrative file that equal a value the data holds: they should
 * have been bound, or a data correction would leave them behind. Looks at decimals and
 * percentages everywhere, and at whole numbers of ten or more that equal a count the data
 * holds (years, headings and ids are left alone).
 */
export function typedNumbers(state: ComposeState, file: TextFile): InputIssue[] {
  const bindables = collectBindables(state);
  const issues: InputIssue[] = [];
  file.text.split('\n').forEach((line, index) => {
    if (/^\s*#/.test(line) || /^\s*\[\^[^\]]+\]:\s*$/.test(line)) return;
    // Blank out expressions and footnote labels, keeping columns.
    const prose = line.replace(/\{\{[^}]*\}\}/g, (m) => ' '.repeat(m.length)).replace(/\[\^[^\]]*\]/g, (m) => ' '.repeat(m.length));
    for (const match of prose.matchAll(/(?<![\p{L}\d.,_-])(\d{1,3}(?:[ \u00a0,]\d{3})+|\d+)(?:[.,](\d+))?(\s?%)?(?![\p{L}\d])/gu)) {
      const whole = match[1]!.replace(/[ \u00a0,]/g, '');
      const fraction = match[2];
      const percent = match[3] !== undefined;
      const value = Number(fraction ? `${whole}.${fraction}` : whole);
      const isYear = !fraction && !percent && value >= 1900 && value <= 2100;
      if (isYear) continue;
      if (!fraction && !percent && value < 10) continue;
      const hit = bindables.find((b) => (fraction || percent ? Math.abs(b.value - value) < 1e-9 : b.integer && b.value === value));
      if (!hit) continue;
      issues.push({
        place: { file: file.path, line: index + 1, column: (match.index ?? 0) + 1 },
        message: `the number ${match[0].trim()} is typed, but the data holds it`,
        hint: `Write ${hit.expression} instead, so a correction of the data reaches this sentence.`,
        severity: 'error',
      });
    }
  });
  return issues;
}

/** The values of the data a typed number could copy: worked out once for the document being composed. */
function collectBindables(state: ComposeState): Bindable[] {
  if (state.bindables) return state.bindables;
  const { dataset, scores } = state.input;
  const out: Bindable[] = [];
  for (const [id, score] of scores.byId) {
    const value = roundHalfUp(score.score, score.decimals);
    out.push({ value, integer: false, expression: `{{score "${id}"}}` });
  }
  for (const [id, raw] of dataset.values) {
    if (raw.value !== undefined && raw.unit !== 'percent') out.push({ value: raw.value, integer: false, expression: `{{raw "${id}"}}` });
    for (const [name, part] of Object.entries(raw.components ?? {})) out.push({ value: part.value, integer: true, expression: `{{raw "${id}" "${name}"}}` });
  }
  for (const [key, fact] of dataset.facts) {
    if (fact.unit === 'year') continue;
    out.push({ value: fact.value, integer: Number.isInteger(fact.value) && fact.unit !== 'percent', expression: `{{fact "${key}"}}` });
  }
  state.bindables = out;
  return out;
}
