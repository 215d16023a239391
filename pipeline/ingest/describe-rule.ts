import type { Rule } from './types.ts';

/** The rule as a language-neutral formula, for the open data and the change report. */
export function describeRule(rule: Rule): string {
  switch (rule.kind) {
    case 'percentage':
      return 'raw (percent)';
    case 'scale':
      return `raw × ${rule.factor} (raw on ${rule.range[0]}–${rule.range[1]})`;
    case 'rescale':
      return `(raw − ${rule.range[0]}) × 100 / ${rule.range[1] - rule.range[0]}`;
    case 'reverse':
      return `${rule.range[1]} − raw (raw on ${rule.range[0]}–${rule.range[1]})`;
    case 'cap-invert':
      return `${rule.cap} − min(${rule.cap}, ${rule.numerator} / ${rule.denominator} × 100)`;
  }
}
