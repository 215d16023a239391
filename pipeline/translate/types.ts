import type { SourcePlace } from '../errors/errors.ts';

/** What a translation unit is; the status report counts each kind on its own row. */
export type UnitKind = 'snippet' | 'list-item' | 'text' | 'string' | 'data-text';

/**
 * Which source-hash file keeps a unit's hash: the country's narrative
 * (`data/countries/<country>/narrative/<locale>.sources.yaml`), the shared templates
 * (`templates/locales/<locale>.sources.yaml`), the localised texts of the frameworks and the
 * programme's files, shared by every country (`data/<locale>.sources.yaml`), or those of the
 * country's own data files (`data/countries/<country>/<locale>.sources.yaml`).
 */
export type UnitScope = 'narrative' | 'templates' | 'data' | 'country-data';

/** The syntax of a unit's text; it decides which parts are code a translator must keep. */
export type UnitSyntax = 'markdown' | 'icu' | 'plain';

/** Where the translation of a unit lives, or would be written. */
export type UnitTarget =
  | {
      /** A whole Markdown file. */
      kind: 'file';
      /** Project-relative path of the translated file. */
      file: string;
    }
  | {
      /** An item of a list in `lists.yaml`. */
      kind: 'list-item';
      /** Project-relative path of the locale's `lists.yaml`. */
      file: string;
      /** YAML path of the list, e.g. `['recommendations', 'government']`. */
      list: readonly string[];
      /** The item's id, the same in every locale. */
      id: string;
      /** Ids of the English items before this one, nearest first: where a new item goes. */
      after: readonly string[];
    }
  | {
      /** A UI string in `templates/locales/<locale>/<namespace>.yaml`, or a locale's entry of a localised map in a data file. */
      kind: 'yaml-key';
      /** Project-relative path of the YAML file. */
      file: string;
      /** YAML path of the key inside that file (numbers index lists). */
      path: readonly (string | number)[];
    };

/** A text and where it is written. */
export interface UnitText {
  /** The text, exactly as in the file (for Markdown: the whole file). */
  text: string;
  /** Where it is written. */
  place: SourcePlace;
}

/** One thing a translator translates: a snippet, a list item, a generic text or a UI string. */
export interface TranslationUnit {
  /** Stable id, also the XLIFF unit id: `acr:<name>`, `lists:<list>:<id>`, `strings:<key>`, `data:<file>:<path>` … */
  id: string;
  /** What it is. */
  kind: UnitKind;
  /** Which source-hash file keeps its hash. */
  scope: UnitScope;
  /** Markdown with Handlebars, or ICU MessageFormat. */
  syntax: UnitSyntax;
  /** The English text it is translated from. */
  source: UnitText;
  /** Where its translation lives. */
  target: UnitTarget;
  /** The translation, when there is one. */
  translation?: UnitText;
}

/** A translation whose English source no longer exists. */
export interface ObsoleteUnit {
  /** Unit id. */
  id: string;
  /** What it is. */
  kind: UnitKind;
  /** Where the translation is written. */
  place: SourcePlace;
}

/** The recorded source hashes of one scope and locale. */
export interface SourceRecords {
  /** Project-relative path of the `.sources.yaml` file. */
  file: string;
  /** Recorded hash by unit id. */
  hashes: ReadonlyMap<string, string>;
}

/** Everything to translate into one locale, as read from the project. */
export interface UnitSet {
  /** Country id. */
  country: string;
  /** The locale translated from. */
  sourceLocale: string;
  /** The locale translated into. */
  locale: string;
  /** Every unit of the English source, in a stable order (by file, then file order). */
  units: readonly TranslationUnit[];
  /** Translations left without an English source. */
  obsolete: readonly ObsoleteUnit[];
  /** Project-relative paths of the translated YAML files that exist (a key may still be absent). */
  files: ReadonlySet<string>;
  /** Recorded source hashes per scope. */
  records: Readonly<Record<UnitScope, SourceRecords>>;
}

/** The state of one unit's translation. */
export type UnitState = 'current' | 'missing' | 'stale' | 'unrecorded';

/** A unit whose translation needs work, or a translation left without a source. */
export interface UnitProblem {
  /** Unit id. */
  unit: string;
  /** What it is. */
  kind: UnitKind;
  /** What is wrong. */
  state: Exclude<UnitState, 'current'> | 'obsolete';
  /** For a missing unit: whether the whole file, a key or a list item is absent. */
  absent?: 'file' | 'key' | 'item';
  /** Where the translation is written, or should be. */
  place: SourcePlace;
  /** Where the English text is (absent for an obsolete translation). */
  source?: SourcePlace;
  /** For a stale unit: the hash recorded with the translation. */
  recorded?: string;
  /** For a stale unit: the hash of the English text now. */
  current?: string;
}

/** How many units are in each state. */
export interface StateCounts {
  /** Units of the English source. */
  units: number;
  /** Translated from the current English text. */
  current: number;
  /** No translation. */
  missing: number;
  /** Translated from an older English text. */
  stale: number;
  /** Translated, but with no recorded source hash. */
  unrecorded: number;
}

/** The translation status of one locale. */
export interface LocaleStatus {
  /** Locale code. */
  locale: string;
  /** Counts over every unit. */
  counts: StateCounts;
  /** Counts per kind of unit. */
  byKind: Readonly<Record<UnitKind, StateCounts>>;
  /** Every unit that needs work, and every obsolete translation, in file order. */
  problems: readonly UnitProblem[];
}

/** The translation status of a country: what is missing, stale or unrecorded, per locale. */
export interface TranslationStatus {
  /** Country id. */
  country: string;
  /** The locale translated from. */
  sourceLocale: string;
  /** One entry per translated locale, in configuration order. */
  locales: readonly LocaleStatus[];
}
