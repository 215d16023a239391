import type { SchemaObject } from 'ajv';
import { frameworkId, localisedText, slug } from './common.ts';

export const figureKinds = ['diamond', 'subdimensions', 'bar', 'grouped-bar', 'stacked-bar', 'line', 'diagram'] as const;
export const dataKinds = ['bar', 'grouped-bar', 'stacked-bar', 'line'] as const;
export const figureUnits = ['percent', 'index', 'score', 'rank', 'count'] as const;

/** A figure value: a number from the report's text, or the score of an indicator. */
const value: SchemaObject = {
  if: { type: 'object' },
  then: {
    type: 'object',
    required: ['indicator'],
    properties: { indicator: { ...frameworkId, description: 'an indicator id like "3.5.1" (in quotes)' } },
    additionalProperties: false,
  },
  else: { type: 'number', description: 'Write a plain number, e.g. 26.3, or {indicator: "3.5.1"}.' },
};

const categoryKey: SchemaObject = { type: 'string', minLength: 1, description: 'a key like "elected-board" or "2009" (in quotes)' };

const category: SchemaObject = {
  type: 'object',
  required: ['key', 'label'],
  properties: { key: categoryKey, label: localisedText },
  additionalProperties: false,
};

const series: SchemaObject = {
  type: 'object',
  required: ['key', 'label', 'values'],
  properties: {
    key: categoryKey,
    label: localisedText,
    values: { type: 'object', additionalProperties: value, minProperties: 1, description: 'a value per category key' },
  },
  additionalProperties: false,
};

/** Keys every figure may have. */
const common: Record<string, SchemaObject> = {
  id: { type: 'string', pattern: '^[A-Z0-9]+(\\.[0-9]+)*$', description: 'a figure number like "III.1.1", "A7.1" or "1" (in quotes)' },
  kind: { enum: [...figureKinds] },
  caption: localisedText,
  note: localisedText,
  source: { if: { type: 'object' }, then: localisedText, else: { ...slug, description: 'a key of sources.yaml, or a text per locale' } },
};

/** Keys of the data figures (bar, grouped-bar, stacked-bar, line). */
const data: Record<string, SchemaObject> = {
  unit: { enum: [...figureUnits] },
  valueTitle: localisedText,
  categories: { type: 'array', items: category, minItems: 1, description: 'the categories of a figure' },
  series: { type: 'array', items: series, minItems: 1, description: 'the series of a figure' },
};

/** Each kind allows its own keys; a key of another kind is reported as unknown at its line. */
function kind(kinds: readonly string[], required: string[], extra: Record<string, SchemaObject>): SchemaObject {
  return {
    if: { properties: { kind: { enum: [...kinds] } }, required: ['kind'] },
    then: { required, properties: { ...common, ...extra }, additionalProperties: false },
  };
}

const figure: SchemaObject = {
  type: 'object',
  required: ['id', 'kind', 'caption'],
  properties: common,
  allOf: [
    kind(['diamond'], [], {}),
    kind(['subdimensions'], ['dimension'], { dimension: { ...frameworkId, description: 'a dimension id like "1" (in quotes)' } }),
    kind(['diagram'], ['description'], { description: localisedText }),
    kind(dataKinds, ['unit', 'categories', 'series'], data),
    {
      if: { properties: { kind: { const: 'bar' } }, required: ['kind'] },
      then: { properties: { series: { maxItems: 1, description: 'A bar chart has one series; for several, use kind grouped-bar or stacked-bar.' } } },
    },
  ],
};

/** `data/countries/<country>/figures.yaml`: the figures of the report, in report order. */
export const figuresSchema: SchemaObject = {
  type: 'object',
  required: ['figures'],
  properties: { figures: { type: 'array', items: figure, description: 'the figures of the report' } },
  additionalProperties: false,
};
