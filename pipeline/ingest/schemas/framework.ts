import { Type, type Static } from 'typebox';
import { frameworkId, localisedText, map, range, slug, weight } from './common.ts';

/** The fields each kind of rule needs besides `kind`; the schema's conditions and the `Rule` type both come from here. */
const ruleNeeds = {
  percentage: [],
  scale: ['factor', 'range'],
  rescale: ['range'],
  reverse: ['range'],
  'cap-invert': ['numerator', 'denominator', 'cap'],
} as const;

type RuleKind = keyof typeof ruleNeeds;

const ruleFields = Type.Object(
  {
    /** How the raw value becomes a score. */
    kind: Type.Enum(Object.keys(ruleNeeds) as RuleKind[]),
    /** The factor of a `scale` rule. */
    factor: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    /** The raw value's range, of `scale`, `rescale` and `reverse`. */
    range: Type.Optional(range),
    /** The value divided, of `cap-invert`. */
    numerator: Type.Optional(slug),
    /** The value divided by, of `cap-invert`. */
    denominator: Type.Optional(slug),
    /** The ratio that scores zero, of `cap-invert`. */
    cap: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  },
  {
    additionalProperties: false,
    allOf: Object.entries(ruleNeeds)
      .filter(([, needs]) => needs.length > 0)
      .map(([kind, needs]) => ({ if: { properties: { kind: { const: kind } } }, then: { required: [...needs] } })),
  },
);

type RuleField = Exclude<keyof Static<typeof ruleFields>, 'kind'>;

/** A rule as the framework writes it: each kind with the fields it needs. */
export type RawRule = {
  [K in RuleKind]: { kind: K } & Required<Pick<Static<typeof ruleFields>, (typeof ruleNeeds)[K][number]>> & Partial<Pick<Static<typeof ruleFields>, Exclude<RuleField, (typeof ruleNeeds)[K][number]>>>;
}[RuleKind];

const rule = Type.Unsafe<RawRule>(ruleFields);

const indicator = Type.Object(
  {
    id: frameworkId,
    name: localisedText,
    definition: localisedText,
    source: slug,
    rule,
    weight: Type.Optional(weight),
  },
  { additionalProperties: false },
);

const subdimension = Type.Object(
  {
    id: frameworkId,
    name: localisedText,
    weight: Type.Optional(weight),
    policyCanMove: Type.Optional(Type.Boolean({ description: 'true when public policy or civil society action can move the score' })),
    indicators: Type.Array(indicator),
  },
  { additionalProperties: false },
);

const dimension = Type.Object(
  {
    id: frameworkId,
    key: slug,
    contextual: Type.Optional(Type.Boolean()),
    name: localisedText,
    weight: Type.Optional(weight),
    subdimensions: Type.Array(subdimension, { minItems: 1, description: 'the sub-dimensions of a dimension' }),
  },
  { additionalProperties: false },
);

/** `data/frameworks/<id>.yaml`: dimensions → sub-dimensions → indicators. */
export const frameworkSchema = Type.Object(
  {
    id: slug,
    name: localisedText,
    scale: Type.Object({ min: Type.Number(), max: Type.Number() }, { additionalProperties: false }),
    sourceKinds: map(localisedText, { minProperties: 1 }),
    dimensions: Type.Array(dimension, { minItems: 1, description: 'the dimensions of the framework' }),
  },
  { additionalProperties: false },
);

/** A framework file as written. */
export type RawFramework = Static<typeof frameworkSchema>;
/** A dimension as written. */
export type RawDimension = Static<typeof dimension>;
/** A sub-dimension as written. */
export type RawSubdimension = Static<typeof subdimension>;
/** An indicator as written. */
export type RawIndicator = Static<typeof indicator>;
