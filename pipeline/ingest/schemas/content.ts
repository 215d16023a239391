import type { SchemaObject } from 'ajv';
import { calendarDate, localisedText, slug } from './common.ts';

/** `facts/*.yaml`: numbers the narrative cites. */
export const factsSchema: SchemaObject = {
  type: 'object',
  propertyNames: { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'a lower-case key with dashes, e.g. "population-survey-respondents"' },
  additionalProperties: {
    type: 'object',
    required: ['value', 'unit'],
    properties: {
      value: { type: 'number' },
      unit: { enum: ['percent', 'count', 'year', 'number', 'usd-million', 'rank'] },
      source: slug,
      year: { type: 'integer' },
      note: { type: 'string' },
    },
    additionalProperties: false,
  },
};

const cell = { anyOf: [localisedText, { type: 'number' }, { type: 'null' }] };

/** `tables.yaml`. */
export const tablesSchema: SchemaObject = {
  type: 'object',
  required: ['tables'],
  properties: {
    tables: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'caption', 'columns', 'rows'],
        properties: {
          id: { type: 'string' },
          caption: localisedText,
          notes: { type: 'array', items: localisedText },
          source: { anyOf: [slug, localisedText] },
          columns: {
            type: 'array',
            minItems: 1,
            description: 'the columns of a table',
            items: {
              type: 'object',
              required: ['key', 'label', 'type'],
              properties: { key: { type: 'string' }, label: localisedText, type: { enum: ['text', 'number', 'percent'] } },
              additionalProperties: false,
            },
          },
          rows: { type: 'array', items: { type: 'object', additionalProperties: cell } },
          total: { type: 'object', additionalProperties: cell },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

/** `people.yaml`. */
export const peopleSchema: SchemaObject = {
  type: 'object',
  required: ['lists'],
  properties: {
    lists: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'appendix', 'title', 'groups'],
        properties: {
          id: slug,
          appendix: { type: 'integer' },
          title: localisedText,
          groups: {
            type: 'array',
            items: {
              type: 'object',
              required: ['people'],
              properties: {
                heading: localisedText,
                people: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['name'],
                    properties: { name: localisedText, affiliation: localisedText },
                    additionalProperties: false,
                  },
                },
              },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    },
  },
};

/** `bibliography.yaml` (of a country or of a framework). The title is checked by ingest, to say where it is missing. */
export const bibliographySchema: SchemaObject = {
  type: 'array',
  items: {
    type: 'object',
    required: ['key'],
    properties: {
      key: slug,
      authors: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[^,]+(, [^,]+)?$', description: 'a name written "Family, Given" (or the family name alone when the given name is not known)' } },
      organisation: { type: 'string' },
      short: { type: 'string' },
      editors: { type: 'boolean' },
      etAl: { type: 'boolean' },
      year: { type: 'integer' },
      title: { anyOf: [{ type: 'string', minLength: 1 }, localisedText] },
      titleSupplied: { type: 'boolean' },
      place: { type: 'string' },
      publisher: { type: 'string' },
      url: { type: 'string' },
      lang: { type: 'string', pattern: '^[a-z]{2,3}$', description: 'a language code like "en" or "ru"' },
    },
    additionalProperties: false,
  },
};

/** `narrative/<locale>/lists.yaml`: lists of items with ids, nested by group. */
export const listsSchema: SchemaObject = {
  type: 'object',
  additionalProperties: {
    anyOf: [
      { type: 'array', items: { type: 'object', required: ['id', 'text'], properties: { id: slug, text: { type: 'string' } }, additionalProperties: false } },
      { type: 'object', additionalProperties: { type: 'array', items: { type: 'object', required: ['id', 'text'], properties: { id: slug, text: { type: 'string' } }, additionalProperties: false } } },
    ],
  },
};

const planPart = {
  anyOf: [
    { enum: ['cover', 'imprint', 'contents', 'list-of-figures', 'list-of-tables', 'acronyms', 'indicator-matrix', 'data-notes', 'bibliography', 'appendices', 'corrigendum', 'page-break', 'title-block', 'key-messages', 'must-change', 'diamond', 'priorities', 'call-to-action', 'method', 'contacts', 'citation', 'where-to-find'] },
    { type: 'object', required: ['snippet'], properties: { snippet: { type: 'string' } }, additionalProperties: false },
    { type: 'object', required: ['people'], properties: { people: slug }, additionalProperties: false },
  ],
};

/** `templates/<document>/document.yaml`. */
export const planSchema: SchemaObject = {
  type: 'object',
  required: ['parts'],
  properties: {
    parts: { type: 'array', items: planPart, minItems: 1, description: 'the parts of a document' },
    textColumn: { type: 'boolean', description: 'false to set running text across the full width (a grid of its own), not in the readable text column' },
  },
  additionalProperties: false,
};

/** `corrections.yaml`: the log of published corrections. */
export const correctionsSchema: SchemaObject = {
  type: 'object',
  required: ['corrections'],
  properties: {
    corrections: {
      type: 'array',
      items: {
        type: 'object',
        required: ['date', 'indicator', 'old', 'new', 'reason'],
        properties: {
          date: calendarDate,
          indicator: { type: 'string', pattern: '^[1-9][0-9]*\\.[1-9][0-9]*\\.[1-9][0-9]*$', description: 'an indicator id like "2.4.1" (in quotes)' },
          old: { type: 'number' },
          new: { type: 'number' },
          reason: localisedText,
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

/** `conflicts.yaml`: values on which the sources disagree, and which one the report uses. */
export const conflictsSchema: SchemaObject = {
  type: 'object',
  required: ['conflicts'],
  properties: {
    conflicts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['indicator', 'values', 'used', 'reason'],
        properties: {
          indicator: { type: 'string', pattern: '^[1-9][0-9]*\\.[1-9][0-9]*\\.[1-9][0-9]*$', description: 'an indicator id like "4.7.3" (in quotes)' },
          values: {
            type: 'array',
            minItems: 2,
            description: 'the values the sources give (at least two)',
            items: {
              type: 'object',
              required: ['value', 'where'],
              properties: { value: { type: 'number' }, where: localisedText },
              additionalProperties: false,
            },
          },
          used: { type: 'number' },
          reason: localisedText,
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};
