import { Type, type Static } from 'typebox';
import { indicatorIdPattern, map, slug } from './common.ts';

const unit = Type.Enum(['percent', 'index', 'score', 'usd-million', 'ratio', 'count']);

const component = Type.Object(
  {
    /** The number as the source gives it. */
    value: Type.Number(),
    /** Its unit. */
    unit,
  },
  { additionalProperties: false },
);

const rawValue = Type.Object(
  {
    /** The raw number, when it is a single number. */
    value: Type.Optional(Type.Number()),
    /** An exact share `[numerator, denominator]`, when the source states one ("two thirds"). */
    ratio: Type.Optional(Type.Unsafe<[number, number]>(Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: 'a ratio [numerator, denominator]' }))),
    /** Named parts, when the rule combines several figures. */
    components: Type.Optional(map(component, { minProperties: 1 })),
    /** Unit of `value` (absent when the value is made of components). */
    unit: Type.Optional(unit),
    /** Year the value refers to, when the source states it. */
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100, description: 'The year the value refers to, e.g. 2009.' })),
    /** Key of the citation in `sources.yaml`. */
    source: slug,
    /** Decimals shown when displayed; the default is 1. */
    decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 4, description: 'Decimals shown when the score is displayed (default 1).' })),
    /** An explanation from the source. */
    note: Type.Optional(Type.String()),
  },
  {
    // A single value needs its unit; components carry a unit each. The year may be unknown
    // for an old secondary figure, and is then left out rather than guessed.
    if: { required: ['components'] },
    else: { required: ['unit'] },
    additionalProperties: false,
  },
);

/** `data/countries/<country>/indicators.yaml`: raw values by indicator id. */
export const indicatorsSchema = Type.Object(
  {
    values: map(rawValue, { propertyNames: { pattern: indicatorIdPattern, description: 'an indicator id like "1.4.2" (in quotes)' } }),
  },
  { additionalProperties: false },
);

/** One indicator's entry of `indicators.yaml`, as written. */
export type RawValueEntry = Static<typeof rawValue>;
/** One named part of a composite raw value. */
export type RawComponent = Static<typeof component>;
