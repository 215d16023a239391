import type { SchemaObject } from 'ajv';
import { slug } from './common.ts';

const unit = { enum: ['percent', 'index', 'score', 'usd-million', 'ratio', 'count'] };

const component: SchemaObject = {
  type: 'object',
  required: ['value', 'unit'],
  properties: { value: { type: 'number' }, unit },
  additionalProperties: false,
};

const rawValue: SchemaObject = {
  type: 'object',
  required: ['source'],
  // A single value needs its unit; components carry a unit each. The year may be unknown
  // for an old secondary figure, and is then left out rather than guessed.
  if: { required: ['components'] },
  else: { required: ['unit'] },
  properties: {
    value: { type: 'number' },
    ratio: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: 'a ratio [numerator, denominator]' },
    components: { type: 'object', additionalProperties: component, minProperties: 1 },
    unit,
    year: { type: 'integer', minimum: 1900, maximum: 2100, description: 'The year the value refers to, e.g. 2009.' },
    source: slug,
    decimals: { type: 'integer', minimum: 0, maximum: 4, description: 'Decimals shown when the score is displayed (default 1).' },
    note: { type: 'string' },
  },
  additionalProperties: false,
};

/** `data/countries/<country>/indicators.yaml`: raw values by indicator id. */
export const indicatorsSchema: SchemaObject = {
  type: 'object',
  required: ['values'],
  properties: {
    values: {
      type: 'object',
      propertyNames: { pattern: '^[1-9][0-9]*\\.[1-9][0-9]*\\.[1-9][0-9]*$', description: 'an indicator id like "1.4.2" (in quotes)' },
      additionalProperties: rawValue,
    },
  },
  additionalProperties: false,
};
