import type { Rule } from '../ingest/types.ts';

/**
 * One indicator's entry of `indicators.yaml` as the workbook carries it: the fields a national
 * team fills in. Exactly one of value, ratio and components is given.
 */
export interface EntryFields {
  /** The raw value, when it is a single number. */
  value?: number;
  /** An exact share [numerator, denominator]. */
  ratio?: readonly [number, number];
  /** The two parts a ratio rule divides, by the rule's names, each with its unit. */
  components?: Readonly<Record<string, { value: number; unit: string }>>;
  /** Unit of the value (of both parts, for components). */
  unit?: string;
  /** Year the value refers to. */
  year?: number;
  /** Key of its source. */
  source?: string;
  /** Decimals shown. */
  decimals?: number;
  /** An explanation from the source. */
  note?: string;
}

/** The fields of an entry in the order indicators.yaml writes them. */
export const FIELD_ORDER = ['value', 'ratio', 'components', 'unit', 'year', 'source', 'decimals', 'note'] as const;

/** An entry of indicators.yaml as read, whatever it holds: only fields of the right type are kept. */
export function entryFromYaml(raw: unknown): EntryFields {
  if (!raw || typeof raw !== 'object') return {};
  const entry = raw as Record<string, unknown>;
  const number = (key: string) => (typeof entry[key] === 'number' ? (entry[key] as number) : undefined);
  const string = (key: string) => (typeof entry[key] === 'string' ? (entry[key] as string) : undefined);
  const ratio = Array.isArray(entry.ratio) && entry.ratio.length === 2 && entry.ratio.every((n) => typeof n === 'number') ? (entry.ratio as [number, number]) : undefined;
  let components: Record<string, { value: number; unit: string }> | undefined;
  if (entry.components && typeof entry.components === 'object') {
    components = {};
    for (const [name, part] of Object.entries(entry.components as Record<string, unknown>)) {
      const p = part as { value?: unknown; unit?: unknown } | null;
      if (p && typeof p.value === 'number') components[name] = { value: p.value, unit: typeof p.unit === 'string' ? p.unit : '' };
    }
  }
  return { value: number('value'), ratio, components, unit: string('unit'), year: number('year'), source: string('source'), decimals: number('decimals'), note: string('note') };
}

/** The unit a value of a rule usually has: what a new entry's unit cell starts with. */
export function usualUnit(rule: Rule): string {
  switch (rule.kind) {
    case 'percentage': return 'percent';
    case 'scale':
    case 'reverse': return 'index';
    case 'rescale': return 'score';
    case 'cap-invert': return 'usd-million';
  }
}
