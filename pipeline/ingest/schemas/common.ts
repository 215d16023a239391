import type { SchemaObject } from 'ajv';

/** A text in several languages: `{en: "…", ru: "…", kk: "…"}`. */
export const localisedText: SchemaObject = {
  type: 'object',
  description: 'a text per locale, e.g. {en: "…", ru: "…"}',
  propertyNames: { pattern: '^[a-z]{2,3}(-[A-Z]{2})?$', description: 'a locale code like "en" or "ru"' },
  additionalProperties: { type: 'string' },
  minProperties: 1,
};

export const frameworkId: SchemaObject = {
  type: 'string',
  pattern: '^[1-9][0-9]*(\\.[1-9][0-9]*){0,2}$',
  description: 'an id like "1", "1.4" or "1.4.2" (in quotes)',
};

export const slug: SchemaObject = {
  type: 'string',
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  description: 'a lower-case key with dashes, e.g. "population-survey"',
};

export const range: SchemaObject = {
  type: 'array',
  items: { type: 'number' },
  minItems: 2,
  maxItems: 2,
  description: 'a range [min, max]',
};

export const weight: SchemaObject = {
  type: 'number',
  exclusiveMinimum: 0,
  description: 'A weight is a number larger than zero; leave it out for equal weights.',
};

/** A calendar date written YYYY-MM-DD: the pattern gives the shape, the `date` format checks the calendar. */
export const calendarDate: SchemaObject = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  format: 'date',
  description: 'a date written YYYY-MM-DD',
};

/** A name in the grammatical cases of each language: `{ru: {genitive: "…", dative: "…"}}`. */
export const nameCases: SchemaObject = {
  type: 'object',
  description: 'the name in the cases of each language, e.g. {ru: {genitive: "…"}}',
  propertyNames: { pattern: '^[a-z]{2,3}(-[A-Z]{2})?$', description: 'a locale code like "ru"' },
  additionalProperties: {
    type: 'object',
    propertyNames: { pattern: '^[a-z]+$', description: 'a case name like "genitive"' },
    additionalProperties: { type: 'string', minLength: 1, description: 'the name in that case, in quotes' },
  },
};
