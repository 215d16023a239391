import type { SchemaObject } from 'ajv';
import { frameworkId, localisedText, slug } from './common.ts';

export const figureKinds = ['diamond', 'subdimensions', 'bar', 'grouped-bar', 'stacked-bar', 'line', 'stages', 'bubbles', 'actor-map'] as const;
export const dataKinds = ['bar', 'grouped-bar', 'stacked-bar', 'line'] as const;
export const figureUnits = ['percent', 'index', 'score', 'rank', 'count'] as const;

/** A number from the report's text, or the score of an indicator. */
const numberOrIndicator: SchemaObject = {
  if: { type: 'object' },
  then: {
    type: 'object',
    required: ['indicator'],
    properties: { indicator: { ...frameworkId, description: 'an indicator id like "3.5.1" (in quotes)' } },
    additionalProperties: false,
  },
  else: { type: 'number', description: 'Write a plain number, e.g. 26.3, {indicator: "3.5.1"}, or null where the source gives no number.' },
};

/**
 * A figure value: a number from the report's text, the score of an indicator, or null where
 * the source names the category but publishes no number for it.
 */
const value: SchemaObject = {
  if: { type: 'null' },
  then: { type: 'null' },
  else: numberOrIndicator,
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

/** A position on a diagram's plane: 0 at the left or bottom edge, 100 at the right or top. */
const plane: SchemaObject = { type: 'number', minimum: 0, maximum: 100, description: 'a position from 0 (left or bottom) to 100 (right or top)' };

/** One stage of a process diagram: a title and what happens in it. */
const stage: SchemaObject = {
  type: 'object',
  required: ['key', 'label', 'items'],
  properties: {
    key: categoryKey,
    label: localisedText,
    items: { type: 'array', items: localisedText, minItems: 1, description: 'the activities of the stage, each a text per locale' },
  },
  additionalProperties: false,
};

/** An actor of a bubble chart: where it sits, which group it belongs to, how much weight it has. */
const bubbleActor: SchemaObject = {
  type: 'object',
  required: ['key', 'label', 'group', 'x', 'y', 'impact'],
  properties: {
    key: categoryKey,
    label: localisedText,
    group: { ...categoryKey, description: 'the key of one of the figure\'s groups' },
    x: plane,
    y: plane,
    impact: { type: 'number', exclusiveMinimum: 0, description: 'The actor\'s weight, a number larger than zero; the circle\'s area follows it.' },
  },
  additionalProperties: false,
};

/** A level of the impact scale, named in the legend of circle sizes. */
const impactLevel: SchemaObject = {
  type: 'object',
  required: ['impact', 'label'],
  properties: { impact: { type: 'number', exclusiveMinimum: 0, description: 'An impact value larger than zero.' }, label: localisedText },
  additionalProperties: false,
};

/** An area of a map, drawn as a circle: a sphere of society or the arena between them. */
const region: SchemaObject = {
  type: 'object',
  required: ['key', 'label', 'x', 'y', 'radius'],
  properties: {
    key: categoryKey,
    label: localisedText,
    x: plane,
    y: plane,
    radius: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: 'the radius, in hundredths of the plane\'s width' },
  },
  additionalProperties: false,
};

/** An actor on a map: where it sits and the region it belongs to. */
const mapActor: SchemaObject = {
  type: 'object',
  required: ['key', 'label', 'region', 'x', 'y'],
  properties: {
    key: categoryKey,
    label: localisedText,
    region: { ...categoryKey, description: 'the key of one of the figure\'s regions' },
    x: plane,
    y: plane,
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
    kind(['stages'], ['stages'], { stages: { type: 'array', items: stage, minItems: 2, description: 'the stages, in order' } }),
    kind(['bubbles'], ['groups', 'actors', 'impactTitle'], {
      impactTitle: localisedText,
      impactLevels: { type: 'array', items: impactLevel, minItems: 1, description: 'the impact levels the legend names' },
      groups: { type: 'array', items: category, minItems: 1, description: 'the groups of actors, each a key and its legend label' },
      actors: { type: 'array', items: bubbleActor, minItems: 1, description: 'the actors' },
    }),
    kind(['actor-map'], ['regions', 'actors'], {
      regions: { type: 'array', items: region, minItems: 1, description: 'the regions of the map' },
      actors: { type: 'array', items: mapActor, minItems: 1, description: 'the actors' },
    }),
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
