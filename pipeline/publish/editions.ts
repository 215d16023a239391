import type { Editions } from '../ingest/types.ts';
import type { EditionRecord, Manifest } from './manifest.ts';

/**
 * Which files of the previous version a new version of a country keeps, and which editions it
 * drops. A build of some locales (`--locale en`) keeps the other published locales as they
 * were; a locale or document the country no longer publishes is left behind, so the published
 * folder holds exactly the country's editions.
 */
export interface EditionCarry {
  /** True for a previous file (path below the country folder) the new version keeps as it is. */
  keep: (path: string) => boolean;
  /** Records of the previous editions kept unchanged, by `locale/document`. */
  records: Record<string, EditionRecord>;
  /** Digests of the previous files kept, by output path. */
  files: Record<string, string>;
  /** Previous editions (`locale/document`) no longer published. */
  removed: string[];
}

/** What a build of `editions` keeps of the previous manifest's editions and files. */
export function carryEditions(previous: Manifest | undefined, editions: Editions, country: string): EditionCarry {
  const published = new Set(editions.published);
  const documents = new Set<string>(editions.publishedDocuments);
  const built = new Set(editions.locales);
  // Paths below the country folder: `<locale>/<document>.pdf`, `<locale>/charts/…`, or a
  // file of the country as a whole, which every build writes anew.
  const keep = (path: string): boolean => {
    const [first, second, ...rest] = path.split('/');
    if (second === undefined) return false;
    if (!published.has(first!) || built.has(first!)) return false;
    return rest.length > 0 || documents.has(second.replace(/\.pdf$/, '')) || !second.endsWith('.pdf');
  };
  const records: Record<string, EditionRecord> = {};
  const removed: string[] = [];
  for (const [key, record] of Object.entries(previous?.editions ?? {})) {
    const [locale, document] = key.split('/') as [string, string];
    if (!published.has(locale) || !documents.has(document)) removed.push(key);
    else if (!built.has(locale)) records[key] = record;
  }
  const files = Object.fromEntries(Object.entries(previous?.files ?? {}).filter(([path]) => path.startsWith(`${country}/`) && keep(path.slice(country.length + 1))));
  return { keep, records, files, removed: removed.sort() };
}
