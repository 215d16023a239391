import type { SchemaObject } from 'ajv';
import { calendarDate, localisedText, nameCases, slug } from './common.ts';

const contact: SchemaObject = {
  type: 'object',
  properties: {
    address: localisedText,
    phone: { type: 'string' },
    email: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', description: 'an e-mail address' },
    web: { type: 'string', pattern: '^https?://', description: 'a web address starting with https://' },
  },
  additionalProperties: false,
};

export const organisation: SchemaObject = {
  type: 'object',
  required: ['name'],
  properties: {
    name: localisedText,
    short: localisedText,
    cases: nameCases,
    contact,
  },
  additionalProperties: false,
};

/** `data/countries/<country>/country.yaml`. */
export const countrySchema: SchemaObject = {
  type: 'object',
  required: ['id', 'framework', 'name', 'organisation', 'study', 'edition'],
  properties: {
    id: slug,
    framework: slug,
    name: localisedText,
    cases: nameCases,
    organisation,
    partners: { type: 'array', items: organisation, description: 'the partner organisations' },
    funders: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'name'],
        properties: { key: slug, name: localisedText, disclaimer: localisedText },
        additionalProperties: false,
      },
    },
    study: { type: 'object', required: ['label'], properties: { label: { type: 'string' }, surveyYear: { type: 'integer' } }, additionalProperties: false },
    edition: {
      type: 'object',
      required: ['published'],
      properties: {
        published: calendarDate,
        place: localisedText,
      },
      additionalProperties: false,
    },
    locales: { type: 'array', items: { type: 'string', pattern: '^[a-z]{2,3}$', description: 'a locale code like "en"' }, minItems: 1, uniqueItems: true, description: 'the languages this country publishes' },
    documents: { type: 'array', items: { enum: ['acr', 'brief'] }, minItems: 1, uniqueItems: true, description: 'the documents this country publishes' },
    reportTitle: localisedText,
    briefTitle: localisedText,
    acronyms: {
      type: 'array',
      items: { type: 'object', required: ['key', 'expansion'], properties: { key: { type: 'string' }, short: localisedText, expansion: localisedText }, additionalProperties: false },
    },
    spellings: {
      type: 'array',
      description: 'names with the spelling to use and the variants to refuse',
      items: {
        type: 'object',
        required: ['use', 'not'],
        properties: { use: { type: 'string', minLength: 1 }, not: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
        additionalProperties: false,
      },
    },
  },
  // A misspelt key would otherwise be ignored, and what it was meant to set silently missing.
  additionalProperties: false,
};

/** `data/countries/<country>/sources.yaml`: citations by key. */
export const sourcesSchema: SchemaObject = {
  type: 'object',
  propertyNames: { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'a lower-case key with dashes, e.g. "ti-cpi-2008"' },
  additionalProperties: {
    type: 'object',
    required: ['kind', 'title'],
    properties: {
      kind: slug,
      author: { anyOf: [{ type: 'string' }, localisedText] },
      title: localisedText,
      year: { type: 'integer' },
      publisher: { type: 'string' },
      url: { type: 'string', pattern: '^https?://[^\\s]+$', description: 'a web address starting with https://' },
    },
    additionalProperties: false,
  },
};

/** `pipeline.config.yaml`. */
export const configSchema: SchemaObject = {
  type: 'object',
  required: ['countries', 'locales', 'documents'],
  properties: {
    dataDir: { type: 'string' },
    templatesDir: { type: 'string' },
    outputDir: { type: 'string' },
    countries: { type: 'array', items: slug, minItems: 1, description: 'the countries to build' },
    locales: { type: 'array', items: { type: 'string', pattern: '^[a-z]{2,3}$', description: 'a locale code like "en"' }, minItems: 1, description: 'the locales to build' },
    sourceLocale: { type: 'string' },
    documents: { type: 'array', items: { enum: ['acr', 'brief'] }, minItems: 1, description: 'the documents to build' },
    sourceDate: calendarDate,
    translation: {
      type: 'object',
      properties: { missing: { enum: ['fail', 'fallback'] } },
      additionalProperties: false,
    },
    publication: {
      type: 'object',
      required: ['report', 'data'],
      properties: {
        report: { type: 'string', pattern: '^https?://', description: 'a web address starting with https://, where {country} and {locale} may stand' },
        brief: { type: 'string', pattern: '^https?://', description: 'a web address starting with https://, where {country} and {locale} may stand' },
        data: { type: 'string', pattern: '^https?://', description: 'a web address starting with https://, where {country} may stand' },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};
