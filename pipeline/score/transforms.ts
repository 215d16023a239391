import type { RawValue, Rule } from '../ingest/types.ts';

/**
 * Turns an indicator's raw value into its score by the indicator's rule. Pure; the value was
 * checked against the rule's range in ingest, so the result lies on the framework's scale.
 */
export function applyRule(rule: Rule, raw: Pick<RawValue, 'value' | 'ratio' | 'components'>): number {
  switch (rule.kind) {
    case 'percentage':
      return raw.ratio ? (raw.ratio[0] / raw.ratio[1]) * 100 : need(raw.value);
    case 'scale':
      return need(raw.value) * rule.factor;
    case 'rescale': {
      const [min, max] = rule.range;
      return ((need(raw.value) - min) * 100) / (max - min);
    }
    case 'reverse': {
      const [min, max] = rule.range;
      return ((max - need(raw.value)) * 100) / (max - min);
    }
    case 'cap-invert': {
      const numerator = raw.components?.[rule.numerator]?.value;
      const denominator = raw.components?.[rule.denominator]?.value;
      if (numerator === undefined || denominator === undefined) throw new Error(`cap-invert needs ${rule.numerator} and ${rule.denominator}`);
      const ratio = (numerator / denominator) * 100;
      return rule.cap - Math.min(rule.cap, ratio);
    }
  }
}

function need(value: number | undefined): number {
  if (value === undefined) throw new Error('the rule needs a single raw value');
  return value;
}
