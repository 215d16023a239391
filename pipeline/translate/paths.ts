import type { PipelineConfig } from '../ingest/types.ts';
import type { UnitScope } from './types.ts';

/**
 * Where translations and their source hashes live, and how units are named. Unit ids are
 * XLIFF unit ids too, so they stay within XML name characters (letters, digits, `.-_:`).
 */

/** `data/countries/<country>/narrative/<locale>`. */
export function narrativeDir(config: PipelineConfig, country: string, locale: string): string {
  return `${config.dataDir}/countries/${country}/narrative/${locale}`;
}

/** `templates/<document>/text/<locale>`: the generic texts used as partials. */
export function textsDir(config: PipelineConfig, document: string, locale: string): string {
  return `${config.templatesDir}/${document}/text/${locale}`;
}

/** `templates/locales/<locale>`: the UI strings, one namespace per file. */
export function stringsDir(config: PipelineConfig, locale: string): string {
  return `${config.templatesDir}/locales/${locale}`;
}

/**
 * The source-hash file of a scope and locale. It sits beside the locale's folder, never in
 * it, so the loaders that read every file of a locale folder do not take it for content.
 */
export function recordsFile(config: PipelineConfig, country: string, scope: UnitScope, locale: string): string {
  if (scope === 'narrative') return `${narrativeDir(config, country, locale)}.sources.yaml`;
  if (scope === 'country-data') return `${config.dataDir}/countries/${country}/${locale}.sources.yaml`;
  return scope === 'templates' ? `${stringsDir(config, locale)}.sources.yaml` : `${config.dataDir}/${locale}.sources.yaml`;
}

/** Id of a narrative snippet: `acr:executive-summary`. */
export const snippetId = (document: string, name: string): string => `${document}:${name}`;

/** Id of a list item: `lists:recommendations.government:transparency`. */
export const listItemId = (list: readonly string[], id: string): string => `lists:${list.join('.')}:${id}`;

/** Id of a generic text: `text:acr:csi-background`. */
export const textId = (document: string, name: string): string => `text:${document}:${name}`;

/** Id of a UI string: `strings:document.contents` (namespace, then the key inside the file). */
export const stringId = (namespace: string, path: readonly string[]): string => `strings:${[namespace, ...path].join('.')}`;

/**
 * Id of a localised text of a data file: the file below the data folder, then the YAML path,
 * dotted: `data:frameworks.csi-2008-2010:dimensions.0.name`.
 */
export const dataTextId = (file: string, path: readonly (string | number)[]): string => `data:${file.replace(/\.yaml$/, '').split('/').join('.')}:${path.join('.')}`;

/** The file name without folder and extension. */
export function baseName(path: string, extension: string): string {
  const name = path.split('/').pop()!;
  return name.endsWith(extension) ? name.slice(0, -extension.length) : name;
}
