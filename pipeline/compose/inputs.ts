import type { Charts } from '../chart/index.ts';
import { Messages } from '../format/messages.ts';
import { untranslatedMark } from '../format/untranslated.ts';
import type { Dataset } from '../ingest/types.ts';
import type { FigureInfo } from './context.ts';

/**
 * UI strings of a locale, the source locale's standing in, marked, for a missing one: the
 * translation policy has reported it (an error under `fail`, so such a document is never
 * published).
 */
export function messagesFor(dataset: Dataset, locale: string): Messages {
  const own = dataset.content.get(locale)!.strings;
  const source = dataset.content.get(dataset.config.sourceLocale)?.strings;
  return new Messages(own, locale !== dataset.config.sourceLocale ? source : undefined, untranslatedMark(dataset.config.sourceLocale));
}

/** What compose needs to know of each figure in a locale: caption, alt text, chart, note. */
export function figureInfos(dataset: Dataset, charts: Charts, locale: string): Map<string, FigureInfo> {
  const source = dataset.config.sourceLocale;
  const pick = (text: Readonly<Record<string, string>> | undefined) => (text ? text[locale] ?? (text[source] !== undefined ? `${untranslatedMark(source)}${text[source]}` : '') : undefined);
  return new Map(dataset.figures.map((figure) => {
    const chart = charts.get(figure.id);
    return [figure.id, { id: figure.id, caption: pick(figure.caption) ?? '', alt: chart?.alt ?? '', chart: chart?.id, note: pick(figure.note) }];
  }));
}
