import { Type, type Static } from 'typebox';
import { calendarDate, indicatorIdPattern, localisedText, map, slug, slugPattern } from './common.ts';

const fact = Type.Object(
  {
    /** The number. */
    value: Type.Number(),
    /** How it is written: percent, count, year, number, usd-million, rank. */
    unit: Type.Enum(['percent', 'count', 'year', 'number', 'usd-million', 'rank']),
    /** Citation key, when known. */
    source: Type.Optional(slug),
    /** Year it refers to. */
    year: Type.Optional(Type.Integer()),
    /** A note for whoever checks the number; not printed. */
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** `facts/*.yaml`: numbers the narrative cites. */
export const factsSchema = map(fact, {
  propertyNames: { pattern: slugPattern, description: 'a lower-case key with dashes, e.g. "population-survey-respondents"' },
});

/** A cell of a table: a text per locale, a number, or null for an empty cell. */
const cell = Type.Union([localisedText, Type.Number(), Type.Null()]);

const column = Type.Object(
  {
    /** Key of the cells in each row. */
    key: Type.String(),
    /** Header per locale. */
    label: localisedText,
    /** Cell type: text cells are localised, number and percent cells are numbers. */
    type: Type.Enum(['text', 'number', 'percent']),
  },
  { additionalProperties: false },
);

const table = Type.Object(
  {
    /** Table number, e.g. `II.3.1`. */
    id: Type.String(),
    /** Caption per locale. */
    caption: localisedText,
    /** Notes under the table, per locale. */
    notes: Type.Optional(Type.Array(localisedText)),
    /** Source: a citation key or a text per locale. */
    source: Type.Optional(Type.Union([slug, localisedText])),
    /** Columns. */
    columns: Type.Array(column, { minItems: 1, description: 'the columns of a table' }),
    /** Rows: cells by column key, which ingest checks against the columns (a map here, so a wrong key is named as a column). */
    rows: Type.Array(map(cell)),
    /** An optional total row. */
    total: Type.Optional(map(cell)),
  },
  { additionalProperties: false },
);

/** `tables.yaml`. */
export const tablesSchema = Type.Object({ tables: Type.Array(table) }, { additionalProperties: false });

const person = Type.Object(
  {
    /** Name per locale. */
    name: localisedText,
    /** Organisation or role per locale. */
    affiliation: Type.Optional(localisedText),
  },
  { additionalProperties: false },
);

const peopleGroup = Type.Object(
  {
    /** A heading (the city of a focus group), per locale. */
    heading: Type.Optional(localisedText),
    /** The people, in print order. */
    people: Type.Array(person),
  },
  { additionalProperties: false },
);

const peopleList = Type.Object(
  {
    /** Id of the list. */
    id: slug,
    /** Appendix number. */
    appendix: Type.Integer(),
    /** Title per locale. */
    title: localisedText,
    /** Groups (by city for focus groups), each with an optional heading. */
    groups: Type.Array(peopleGroup),
  },
  { additionalProperties: false },
);

/** `people.yaml`. */
export const peopleSchema = Type.Object({ lists: Type.Array(peopleList) }, { additionalProperties: false });

const bibEntry = Type.Object(
  {
    /** Citation key, used in `{{cite "key"}}`. */
    key: slug,
    /** Personal authors in order, each "Family, Given". */
    authors: Type.Optional(
      Type.Array(Type.String({ pattern: '^[^,]+(, [^,]+)?$', description: 'a name written "Family, Given" (or the family name alone when the given name is not known)' }), { minItems: 1 }),
    ),
    /** An organisation as author, when there are no personal authors. */
    organisation: Type.Optional(Type.String()),
    /** The organisation's abbreviation, used in citations ("UNDP"). */
    short: Type.Optional(Type.String()),
    /** The authors are the editors of the work. */
    editors: Type.Optional(Type.Boolean()),
    /** The work has more authors than are listed. */
    etAl: Type.Optional(Type.Boolean()),
    /** Year of publication. */
    year: Type.Optional(Type.Integer()),
    /** Title in the language of the original, or per locale when `titleSupplied`; ingest says where it is missing. */
    title: Type.Optional(Type.Union([Type.String({ minLength: 1 }), localisedText])),
    /** The title is a description supplied for a work whose own title is not known; printed in brackets. */
    titleSupplied: Type.Optional(Type.Boolean()),
    /** Place of publication. */
    place: Type.Optional(Type.String()),
    /** Publisher. */
    publisher: Type.Optional(Type.String()),
    /** Web address. */
    url: Type.Optional(Type.String()),
    /** Language of the work (locale code), which decides its "et al."; `en` when absent. */
    lang: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$', description: 'a language code like "en" or "ru"' })),
  },
  { additionalProperties: false },
);

/** `bibliography.yaml` (of a country or of a framework). The title is checked by ingest, to say where it is missing. */
export const bibliographySchema = Type.Array(bibEntry);

const listItem = Type.Object({ id: slug, text: Type.String() }, { additionalProperties: false });

/** `narrative/<locale>/lists.yaml`: lists of items with ids, by list name, or by group and then list name. */
export const listsSchema = map(Type.Union([Type.Array(listItem), map(Type.Array(listItem))]));

/** The parts a document plan names by a word. */
export const planPartNames = [
  'cover', 'imprint', 'contents', 'list-of-figures', 'list-of-tables', 'acronyms', 'indicator-matrix', 'data-notes', 'bibliography', 'appendices', 'corrigendum', 'page-break',
  'title-block', 'key-messages', 'must-change', 'diamond', 'priorities', 'call-to-action', 'method', 'contacts', 'citation', 'where-to-find',
] as const;

const planPart = Type.Union([
  Type.Enum([...planPartNames]),
  Type.Object({ snippet: Type.String() }, { additionalProperties: false }),
  Type.Object({ people: slug }, { additionalProperties: false }),
]);

/** `templates/<document>/document.yaml`. */
export const planSchema = Type.Object(
  {
    parts: Type.Array(planPart, { minItems: 1, description: 'the parts of a document' }),
    textColumn: Type.Optional(Type.Boolean({ description: 'false to set running text across the full width (a grid of its own), not in the readable text column' })),
  },
  { additionalProperties: false },
);

const correction = Type.Object(
  {
    /** Date of the correction, ISO `YYYY-MM-DD`. */
    date: calendarDate,
    /** Indicator id whose raw value was corrected. */
    indicator: Type.String({ pattern: indicatorIdPattern, description: 'an indicator id like "2.4.1" (in quotes)' }),
    /** The value as first published. */
    old: Type.Number(),
    /** The corrected value; the data must hold it. */
    new: Type.Number(),
    /** Why, per locale. */
    reason: localisedText,
  },
  { additionalProperties: false },
);

/** `corrections.yaml`: the log of published corrections. */
export const correctionsSchema = Type.Object({ corrections: Type.Array(correction) }, { additionalProperties: false });

const conflictingValue = Type.Object(
  {
    /** The number, in the indicator's unit. */
    value: Type.Number(),
    /** Where the source gives it, per locale ("Appendix 1 of the published report"). */
    where: localisedText,
  },
  { additionalProperties: false },
);

const conflict = Type.Object(
  {
    /** Indicator id. */
    indicator: Type.String({ pattern: indicatorIdPattern, description: 'an indicator id like "4.7.3" (in quotes)' }),
    /** The values the sources give, at least two. */
    values: Type.Array(conflictingValue, { minItems: 2, description: 'the values the sources give (at least two)' }),
    /** The value this report uses; the data (`indicators.yaml`) must hold it. */
    used: Type.Number(),
    /** Why that value, per locale. */
    reason: localisedText,
  },
  { additionalProperties: false },
);

/** `conflicts.yaml`: values on which the sources disagree, and which one the report uses. */
export const conflictsSchema = Type.Object({ conflicts: Type.Array(conflict) }, { additionalProperties: false });

/** A fact of `facts/*.yaml`, without its key. */
export type RawFact = Static<typeof fact>;
/** A column of a table, as written. */
export type RawTableColumn = Static<typeof column>;
/** A table of `tables.yaml`, as written. */
export type RawTable = Static<typeof table>;
/** A list of people of `people.yaml`, as written. */
export type RawPeopleList = Static<typeof peopleList>;
/** An entry of `bibliography.yaml`, as written. */
export type RawBibEntry = Static<typeof bibEntry>;
/** A part of a document plan, as written. */
export type RawPlanPart = Static<typeof planPart>;
/** An entry of `corrections.yaml`, as written. */
export type RawCorrection = Static<typeof correction>;
/** An entry of `conflicts.yaml`, as written. */
export type RawConflict = Static<typeof conflict>;
/** `lists.yaml` as written. */
export type RawLists = Static<typeof listsSchema>;
