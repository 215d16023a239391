import { Type, type Static } from 'typebox';
import { frameworkId, localisedText, slug } from './common.ts';

/** The actors a recommendation can be addressed to, in the order the documents list them. */
export const actors = ['civil-society', 'government', 'donors'] as const;

const recommendation = Type.Object(
  {
    /** Id, unique in the list. */
    id: slug,
    /** The actor it is addressed to. */
    actor: Type.Enum([...actors]),
    /** Who exactly acts, per locale (a ministry, CSO networks, donor agencies). */
    who: localisedText,
    /** When: within a year, in one to three years, later. */
    timeframe: Type.Enum(['short', 'medium', 'long']),
    /** The sub-dimensions it would move, by id: what ties it to the brief's priority issues. */
    addresses: Type.Array(frameworkId, { minItems: 1, description: 'the sub-dimensions it would move' }),
    /** A short title per locale, printed in both documents. */
    title: localisedText,
    /** The full recommendation per locale, printed in the report. */
    text: localisedText,
  },
  { additionalProperties: false },
);

/** `data/countries/<country>/recommendations.yaml`: the one list both documents draw from. */
export const recommendationsSchema = Type.Object(
  {
    recommendations: Type.Array(recommendation, { minItems: 1, description: 'the recommendations' }),
  },
  { additionalProperties: false },
);

const evidence = Type.Object(
  {
    /** Indicator (or sub-dimension) id. */
    id: frameworkId,
    /** What the number counts, per locale; the framework's name of the item when absent. */
    label: Type.Optional(localisedText),
  },
  { additionalProperties: false },
);

const priority = Type.Object(
  {
    /** The sub-dimension the issue is about. */
    subdimension: frameworkId,
    /** The figures shown as its evidence; the sub-dimension's weakest indicator when absent. */
    evidence: Type.Optional(Type.Array(evidence, { minItems: 1, maxItems: 2, description: 'one or two figures' })),
  },
  { additionalProperties: false },
);

/** `data/countries/<country>/brief.yaml`: the national team's choices for the brief. */
export const briefSchema = Type.Object(
  {
    priorities: Type.Optional(Type.Array(priority, { minItems: 3, maxItems: 3, description: 'the three priority issues' })),
    urgent: Type.Optional(Type.Array(slug, { minItems: 3, maxItems: 3, description: 'the ids of the three most urgent recommendations' })),
  },
  { additionalProperties: false },
);

/** A recommendation as written. */
export type RawRecommendation = Static<typeof recommendation>;
/** A figure that proves a priority issue, as written. */
export type RawEvidence = Static<typeof evidence>;
/** A priority issue as written. */
export type RawPriority = Static<typeof priority>;
/** `brief.yaml` as written. */
export type RawBrief = Static<typeof briefSchema>;
