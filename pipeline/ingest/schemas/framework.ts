import type { SchemaObject } from 'ajv';
import { frameworkId, localisedText, range, slug, weight } from './common.ts';

const rule: SchemaObject = {
  type: 'object',
  required: ['kind'],
  properties: {
    kind: { enum: ['percentage', 'scale', 'rescale', 'reverse', 'cap-invert'] },
    factor: { type: 'number', exclusiveMinimum: 0 },
    range,
    numerator: slug,
    denominator: slug,
    cap: { type: 'number', exclusiveMinimum: 0 },
  },
  additionalProperties: false,
  allOf: [
    { if: { properties: { kind: { const: 'scale' } } }, then: { required: ['factor', 'range'] } },
    { if: { properties: { kind: { const: 'rescale' } } }, then: { required: ['range'] } },
    { if: { properties: { kind: { const: 'reverse' } } }, then: { required: ['range'] } },
    { if: { properties: { kind: { const: 'cap-invert' } } }, then: { required: ['numerator', 'denominator', 'cap'] } },
  ],
};

const indicator: SchemaObject = {
  type: 'object',
  required: ['id', 'name', 'definition', 'source', 'rule'],
  properties: { id: frameworkId, name: localisedText, definition: localisedText, source: slug, rule, weight },
  additionalProperties: false,
};

const subdimension: SchemaObject = {
  type: 'object',
  required: ['id', 'name', 'indicators'],
  properties: {
    id: frameworkId,
    name: localisedText,
    weight,
    policyCanMove: { type: 'boolean', description: 'true when public policy or civil society action can move the score' },
    indicators: { type: 'array', items: indicator },
  },
  additionalProperties: false,
};

const dimension: SchemaObject = {
  type: 'object',
  required: ['id', 'key', 'name', 'subdimensions'],
  properties: {
    id: frameworkId,
    key: slug,
    contextual: { type: 'boolean' },
    name: localisedText,
    weight,
    subdimensions: { type: 'array', items: subdimension, minItems: 1, description: 'the sub-dimensions of a dimension' },
  },
  additionalProperties: false,
};

/** `data/frameworks/<id>.yaml`: dimensions → sub-dimensions → indicators. */
export const frameworkSchema: SchemaObject = {
  type: 'object',
  required: ['id', 'name', 'scale', 'sourceKinds', 'dimensions'],
  properties: {
    id: slug,
    name: localisedText,
    scale: {
      type: 'object',
      required: ['min', 'max'],
      properties: { min: { type: 'number' }, max: { type: 'number' } },
      additionalProperties: false,
    },
    sourceKinds: { type: 'object', additionalProperties: localisedText, minProperties: 1 },
    dimensions: { type: 'array', items: dimension, minItems: 1, description: 'the dimensions of the framework' },
  },
  additionalProperties: false,
};
