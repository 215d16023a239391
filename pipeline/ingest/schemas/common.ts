import { Type, type Static } from 'typebox';
import { map, type KeyPattern } from '../../input/map-schema.ts';

export { map };

/** A key pattern for locale codes. */
function localeKeys(description: string): KeyPattern {
  return { pattern: '^[a-z]{2,3}(-[A-Z]{2})?$', description };
}

/** A text in several languages: `{en: "…", ru: "…", kk: "…"}`. */
export const localisedText = map(Type.String(), {
  description: 'a text per locale, e.g. {en: "…", ru: "…"}',
  propertyNames: localeKeys('a locale code like "en" or "ru"'),
  minProperties: 1,
});

/** The pattern of a framework id: a dimension, sub-dimension or indicator. */
export const frameworkIdPattern = '^[1-9][0-9]*(\\.[1-9][0-9]*){0,2}$';

/** The pattern of an indicator id, three levels deep. */
export const indicatorIdPattern = '^[1-9][0-9]*\\.[1-9][0-9]*\\.[1-9][0-9]*$';

export const frameworkId = Type.String({ pattern: frameworkIdPattern, description: 'an id like "1", "1.4" or "1.4.2" (in quotes)' });

/** The pattern of a slug: lower case and digits, words joined by dashes. */
export const slugPattern = '^[a-z0-9]+(-[a-z0-9]+)*$';

export const slug = Type.String({ pattern: slugPattern, description: 'a lower-case key with dashes, e.g. "population-survey"' });

/** A pair `[min, max]`; typed as a pair, checked as a list of exactly two numbers (a tuple schema would word its errors differently). */
export const range = Type.Unsafe<[number, number]>(Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: 'a range [min, max]' }));

export const weight = Type.Number({ exclusiveMinimum: 0, description: 'A weight is a number larger than zero; leave it out for equal weights.' });

/** A calendar date written YYYY-MM-DD: the pattern gives the shape, the `date` format checks the calendar. */
export const calendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description: 'a date written YYYY-MM-DD' });

/** A name in the grammatical cases of each language: `{ru: {genitive: "…", dative: "…"}}`. */
export const nameCases = map(
  map(Type.String({ minLength: 1, description: 'the name in that case, in quotes' }), {
    propertyNames: { pattern: '^[a-z]+$', description: 'a case name like "genitive"' },
  }),
  { description: 'the name in the cases of each language, e.g. {ru: {genitive: "…"}}', propertyNames: localeKeys('a locale code like "ru"') },
);

/** A locale code of a configuration or a country, without a region. */
export const localeCode = Type.String({ pattern: '^[a-z]{2,3}$', description: 'a locale code like "en"' });

/** The documents a country can publish. */
export const documentKind = Type.Enum(['acr', 'brief']);

/** A text per locale, as the schemas give it. */
export type RawLocalisedText = Static<typeof localisedText>;
