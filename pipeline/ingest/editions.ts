import type { InputIssue, SourcePlace } from '../errors/errors.ts';
import type { Country, Editions, PipelineConfig } from './types.ts';

/**
 * What a country publishes: the `locales:` and `documents:` of its country.yaml, or the
 * configuration's when it declares none. The source locale is always one of them, since every
 * translation is made from it.
 */
export function publishedEditions(config: PipelineConfig, country: Pick<Country, 'locales' | 'documents'>): Pick<Editions, 'published' | 'publishedDocuments'> {
  return { published: country.locales ?? config.locales, publishedDocuments: country.documents ?? config.documents };
}

/**
 * The editions a build of a country makes. `requested` (from `--locale`) picks some of the
 * country's locales; asking for one the country does not publish is an error naming its
 * country.yaml — or, when `lenient` (`build --all --locale …`), that country simply builds the
 * locales it has of those asked for.
 */
export function selectEditions(config: PipelineConfig, country: Pick<Country, 'id' | 'locales' | 'documents'>, countryFile: string, requested?: readonly string[], lenient = false): { editions: Editions; issues: InputIssue[] } {
  const { published, publishedDocuments } = publishedEditions(config, country);
  const place: SourcePlace = { file: countryFile };
  const issues: InputIssue[] = [];
  if (!published.includes(config.sourceLocale)) {
    issues.push({
      place,
      message: `the locales of "${country.id}" (${published.join(', ')}) do not include ${config.sourceLocale}, the language every translation is made from`,
      hint: `Add ${config.sourceLocale} to "locales:" in ${countryFile}; the ${config.sourceLocale} narrative is the source of the other editions.`,
      severity: 'error',
    });
  }
  let locales = published;
  if (requested && requested.length > 0) {
    const unknown = requested.filter((locale) => !published.includes(locale));
    if (unknown.length > 0 && !lenient) {
      issues.push({
        place,
        message: `"${country.id}" publishes no ${unknown.join(', ')} edition`,
        hint: `Its editions are ${published.join(', ')} ("locales:" in ${countryFile}). Add the locale there to publish it, or ask for one of these.`,
        severity: 'error',
      });
    }
    locales = published.filter((locale) => requested.includes(locale));
  }
  return { editions: { locales, documents: publishedDocuments, published, publishedDocuments }, issues };
}

/** The locales ingest reads and validates for a build: the ones built, and the source locale the others fall back to. */
export function localesToRead(config: PipelineConfig, editions: Pick<Editions, 'locales'>): string[] {
  return [...new Set([config.sourceLocale, ...editions.locales])];
}
