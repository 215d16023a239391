import { Type, type Static, type TObject, type TSchema } from 'typebox';
import { frameworkIdPattern, localisedText, map, slugPattern } from './common.ts';

export const figureKinds = ['diamond', 'subdimensions', 'bar', 'grouped-bar', 'stacked-bar', 'line', 'stages', 'bubbles', 'actor-map'] as const;
export const dataKinds = ['bar', 'grouped-bar', 'stacked-bar', 'line'] as const;
export const figureUnits = ['percent', 'index', 'score', 'rank', 'count'] as const;

const indicatorRef = Type.Object(
  { indicator: Type.String({ pattern: frameworkIdPattern, description: 'an indicator id like "3.5.1" (in quotes)' }) },
  { additionalProperties: false },
);
const plainNumber = Type.Number({ description: 'Write a plain number, e.g. 26.3, {indicator: "3.5.1"}, or null where the source gives no number.' });

/**
 * A number from the report's text, or the score of an indicator. A condition rather than a
 * union, so a map is checked as a reference and a wrong scalar told what to write.
 */
const numberOrIndicator = Type.Unsafe<Static<typeof indicatorRef> | Static<typeof plainNumber>>({
  if: { type: 'object' },
  then: indicatorRef,
  else: plainNumber,
});

/**
 * A figure value: a number from the report's text, the score of an indicator, or null where
 * the source names the category but publishes no number for it.
 */
const value = Type.Unsafe<Static<typeof numberOrIndicator> | null>({
  if: { type: 'null' },
  then: { type: 'null' },
  else: numberOrIndicator,
});

const categoryKey = (description = 'a key like "elected-board" or "2009" (in quotes)') => Type.String({ minLength: 1, description });

const category = Type.Object(
  {
    /** Key the series' values refer to. */
    key: categoryKey(),
    /** Label per locale. */
    label: localisedText,
  },
  { additionalProperties: false },
);

const series = Type.Object(
  {
    /** Key, unique in the figure. */
    key: categoryKey(),
    /** Label per locale (legend, table column). */
    label: localisedText,
    /** The values by category key. */
    values: map(value, { minProperties: 1, description: 'a value per category key' }),
  },
  { additionalProperties: false },
);

/** A position on a diagram's plane: 0 at the left or bottom edge, 100 at the right or top. */
const plane = Type.Number({ minimum: 0, maximum: 100, description: 'a position from 0 (left or bottom) to 100 (right or top)' });

/** One stage of a process diagram: a title and what happens in it. */
const stage = Type.Object(
  {
    /** Key, unique in the figure. */
    key: categoryKey(),
    /** Title per locale. */
    label: localisedText,
    /** What happens in the stage, in order, each per locale. */
    items: Type.Array(localisedText, { minItems: 1, description: 'the activities of the stage, each a text per locale' }),
  },
  { additionalProperties: false },
);

/** An actor of a bubble chart: where it sits, which group it belongs to, how much weight it has. */
const bubbleActor = Type.Object(
  {
    key: categoryKey(),
    label: localisedText,
    group: categoryKey('the key of one of the figure\'s groups'),
    x: plane,
    y: plane,
    impact: Type.Number({ exclusiveMinimum: 0, description: 'The actor\'s weight, a number larger than zero; the circle\'s area follows it.' }),
  },
  { additionalProperties: false },
);

/** A level of the impact scale, named in the legend of circle sizes. */
const impactLevel = Type.Object(
  {
    impact: Type.Number({ exclusiveMinimum: 0, description: 'An impact value larger than zero.' }),
    label: localisedText,
  },
  { additionalProperties: false },
);

/** An area of a map, drawn as a circle: a sphere of society or the arena between them. */
const region = Type.Object(
  {
    key: categoryKey(),
    label: localisedText,
    x: plane,
    y: plane,
    radius: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'the radius, in hundredths of the plane\'s width' }),
  },
  { additionalProperties: false },
);

/** An actor on a map: where it sits and the region it belongs to. */
const mapActor = Type.Object(
  {
    key: categoryKey(),
    label: localisedText,
    region: categoryKey('the key of one of the figure\'s regions'),
    x: plane,
    y: plane,
  },
  { additionalProperties: false },
);

/** Keys every figure may have. */
const common = Type.Object({
  /** Figure number as the report prints it, e.g. `III.1.1`. */
  id: Type.String({ pattern: '^[A-Z0-9]+(\\.[0-9]+)*$', description: 'a figure number like "III.1.1", "A7.1" or "1" (in quotes)' }),
  /** What the figure shows. */
  kind: Type.Enum([...figureKinds]),
  /** Caption per locale. */
  caption: localisedText,
  /** A note printed under the figure, per locale. */
  note: Type.Optional(localisedText),
  /** Where the data come from: a key of sources.yaml, or a text per locale. */
  source: Type.Optional(
    Type.Unsafe<string | Static<typeof localisedText>>({
      if: { type: 'object' },
      then: localisedText,
      else: Type.String({ pattern: slugPattern, description: 'a key of sources.yaml, or a text per locale' }),
    }),
  ),
});

/** Keys of the sub-dimension charts. */
const subdimensionsFields = Type.Object({ dimension: Type.String({ pattern: frameworkIdPattern, description: 'a dimension id like "1" (in quotes)' }) });

/** Keys of the process diagrams. */
const stagesFields = Type.Object({ stages: Type.Array(stage, { minItems: 2, description: 'the stages, in order' }) });

/** Keys of the bubble charts. */
const bubblesFields = Type.Object({
  /** What the circles' sizes stand for, per locale (the size legend's title). */
  impactTitle: localisedText,
  /** Levels of impact the size legend shows; without them it shows the smallest and largest. */
  impactLevels: Type.Optional(Type.Array(impactLevel, { minItems: 1, description: 'the impact levels the legend names' })),
  /** The groups, in legend order. */
  groups: Type.Array(category, { minItems: 1, description: 'the groups of actors, each a key and its legend label' }),
  /** The actors. */
  actors: Type.Array(bubbleActor, { minItems: 1, description: 'the actors' }),
});

/** Keys of the actor maps. */
const actorMapFields = Type.Object({
  /** The regions, drawn in order (later ones on top). */
  regions: Type.Array(region, { minItems: 1, description: 'the regions of the map' }),
  /** The actors. */
  actors: Type.Array(mapActor, { minItems: 1, description: 'the actors' }),
});

/** Keys of the data figures (bar, grouped-bar, stacked-bar, line). */
const dataFields = Type.Object({
  /** Unit of every value. */
  unit: Type.Enum([...figureUnits]),
  /** Title of the value axis, per locale. */
  valueTitle: Type.Optional(localisedText),
  /** Categories, in display order. */
  categories: Type.Array(category, { minItems: 1, description: 'the categories of a figure' }),
  /** Series, in display order. */
  series: Type.Array(series, { minItems: 1, description: 'the series of a figure' }),
});

/**
 * Each kind allows its own keys; a key of another kind is reported as unknown at its line.
 * `missingOrder` is the order missing keys are reported in, when it is not the order of the fields.
 */
function kind<F extends TObject>(kinds: readonly string[], fields: F, missingOrder?: readonly (keyof Static<F> & string)[]): TSchema {
  return {
    if: { properties: { kind: { enum: [...kinds] } }, required: ['kind'] },
    then: { required: missingOrder ?? fields.required ?? [], properties: { ...common.properties, ...fields.properties }, additionalProperties: false },
  } as TSchema;
}

/** A figure of one kind, as written: the keys every figure has and the keys of its kind. */
type Of<K extends string, F extends TObject> = Omit<Static<typeof common>, 'kind'> & { kind: K } & Static<F>;

/** A figure as `figures.yaml` writes it, one type per kind. */
export type RawFigure =
  | Of<'diamond', TObject<{}>>
  | Of<'subdimensions', typeof subdimensionsFields>
  | Of<'stages', typeof stagesFields>
  | Of<'bubbles', typeof bubblesFields>
  | Of<'actor-map', typeof actorMapFields>
  | Of<(typeof dataKinds)[number], typeof dataFields>;

const figure = Type.Unsafe<RawFigure>({
  type: 'object',
  required: common.required,
  properties: common.properties,
  allOf: [
    kind(['diamond'], Type.Object({})),
    kind(['subdimensions'], subdimensionsFields),
    kind(['stages'], stagesFields),
    kind(['bubbles'], bubblesFields, ['groups', 'actors', 'impactTitle']),
    kind(['actor-map'], actorMapFields),
    kind(dataKinds, dataFields),
    {
      if: { properties: { kind: { const: 'bar' } }, required: ['kind'] },
      then: { properties: { series: { maxItems: 1, description: 'A bar chart has one series; for several, use kind grouped-bar or stacked-bar.' } } },
    },
  ],
});

/** `data/countries/<country>/figures.yaml`: the figures of the report, in report order. */
export const figuresSchema = Type.Object({ figures: Type.Array(figure, { description: 'the figures of the report' }) }, { additionalProperties: false });

/** A value of a data figure as written: a number, an indicator reference, or null. */
export type RawFigureValue = Static<typeof value>;
/** A stage of a process diagram, as written. */
export type RawStage = Static<typeof stage>;
/** An actor of a bubble chart, as written. */
export type RawBubbleActor = Static<typeof bubbleActor>;
/** A level of impact, as written. */
export type RawImpactLevel = Static<typeof impactLevel>;
/** A region of a map, as written. */
export type RawRegion = Static<typeof region>;
/** An actor on a map, as written. */
export type RawMapActor = Static<typeof mapActor>;
/** A category (or a group of actors), as written. */
export type RawCategory = Static<typeof category>;
