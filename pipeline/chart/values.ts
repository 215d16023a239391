import { untranslatedMark } from '../format/untranslated.ts';
import { formatCount, formatDecimal, formatPercent } from '../format/number.ts';
import type { FigureUnit, FigureValue } from '../ingest/types.ts';
import type { LocalisedText } from '../ingest/types.ts';
import type { Scores } from '../score/types.ts';
import type { ChartValue } from './types.ts';

/** Decimals of a number typed into figures.yaml: whole units for ranks and counts, else one. */
function typedDecimals(unit: FigureUnit): number {
  return unit === 'rank' || unit === 'count' ? 0 : 1;
}

/** Looks up a score; ingest has checked every reference, so a miss is a programming error. */
export function scoreOf(scores: Scores, id: string): { score: number; decimals: number } {
  const found = scores.byId.get(id);
  if (!found) throw new Error(`no score for "${id}" (ingest should have refused this)`);
  return found;
}

/** A figure value as a number with its display decimals; indicator references become scores. */
export function resolveValue(value: Exclude<FigureValue, { kind: 'none' }>, scores: Scores, unit: FigureUnit): { value: number; decimals: number } {
  if (value.kind === 'number') return { value: value.value, decimals: typedDecimals(unit) };
  const { score, decimals } = scoreOf(scores, value.id);
  return { value: score, decimals };
}

/**
 * Formats a value for the chart and for its text forms, through the one number formatter.
 * Scores are shares of 100 and read as percentages, as the CSI publishes them.
 */
export function chartValue(value: number, decimals: number, unit: FigureUnit, locale: string): ChartValue {
  switch (unit) {
    case 'percent':
    case 'score':
      return { value, label: formatDecimal(value, locale, decimals), text: formatPercent(value, locale, decimals) };
    case 'index':
      return { value, label: formatDecimal(value, locale, decimals), text: formatDecimal(value, locale, decimals) };
    case 'rank':
    case 'count':
      return { value, label: formatCount(value, locale), text: formatCount(value, locale) };
  }
}

/**
 * The text of a locale; a missing translation (reported by the translation policy) gives the
 * source locale's text with the visible marker. Ingest has checked the source text is there.
 */
export function localise(text: LocalisedText, locale: string, sourceLocale?: string): string {
  const found = text[locale];
  if (found !== undefined && found.trim() !== '') return found;
  const source = sourceLocale === undefined ? undefined : text[sourceLocale];
  if (source === undefined) throw new Error(`no "${locale}" text in ${JSON.stringify(text)} (ingest should have refused this)`);
  return `${untranslatedMark(sourceLocale!)}${source}`;
}
