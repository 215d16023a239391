import type { SchemaObject } from 'ajv';
import { frameworkId, localisedText, slug } from './common.ts';

/** `data/countries/<country>/recommendations.yaml`: the one list both documents draw from. */
export const recommendationsSchema: SchemaObject = {
  type: 'object',
  required: ['recommendations'],
  properties: {
    recommendations: {
      type: 'array',
      minItems: 1,
      description: 'the recommendations',
      items: {
        type: 'object',
        required: ['id', 'actor', 'who', 'timeframe', 'addresses', 'title', 'text'],
        properties: {
          id: slug,
          actor: { enum: ['civil-society', 'government', 'donors'] },
          who: localisedText,
          timeframe: { enum: ['short', 'medium', 'long'] },
          addresses: { type: 'array', items: frameworkId, minItems: 1, description: 'the sub-dimensions it would move' },
          title: localisedText,
          text: localisedText,
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

/** `data/countries/<country>/brief.yaml`: the national team's choices for the brief. */
export const briefSchema: SchemaObject = {
  type: 'object',
  properties: {
    priorities: {
      type: 'array',
      minItems: 3,
      maxItems: 3,
      description: 'the three priority issues',
      items: {
        type: 'object',
        required: ['subdimension'],
        properties: {
          subdimension: frameworkId,
          evidence: {
            type: 'array',
            minItems: 1,
            maxItems: 2,
            description: 'one or two figures',
            items: {
              type: 'object',
              required: ['id'],
              properties: { id: frameworkId, label: localisedText },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    },
    urgent: { type: 'array', items: slug, minItems: 3, maxItems: 3, description: 'the ids of the three most urgent recommendations' },
  },
  additionalProperties: false,
};
