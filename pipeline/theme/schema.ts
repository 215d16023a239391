import { Type, type Static, type TObject, type TProperties } from 'typebox';
import { map } from '../input/map-schema.ts';

const colour = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'a colour written #rrggbb' });
const size = Type.Number({ exclusiveMinimum: 0, description: 'A size in points, larger than zero.' });
const share = Type.Number({ minimum: 0, maximum: 1, description: 'A share between 0 and 1.' });

/** An object whose every key is required and no other allowed. */
function record<P extends TProperties>(properties: P): TObject<P> {
  return Type.Object(properties, { additionalProperties: false });
}

const face = Type.Object(
  {
    /** The font file inside the package. */
    file: Type.String({ description: 'the font file inside the package, e.g. "400Regular/SourceSans3_400Regular.ttf"' }),
    /** A CSS weight: 400 regular, 700 bold. */
    weight: Type.Integer({ minimum: 100, maximum: 900, description: 'A CSS weight: 400 regular, 700 bold.' }),
    /** Upright or italic. */
    style: Type.Enum(['normal', 'italic']),
    /** The name the PDF registers the face under. */
    name: Type.String({ description: 'the name the PDF registers the face under' }),
  },
  { additionalProperties: false },
);

/** `templates/theme.yaml`. */
export const themeSchema = record({
  font: record({
    family: Type.String(),
    package: Type.String(),
    faces: record({ regular: face, italic: face, semibold: face, semiboldItalic: face, bold: face, boldItalic: face }),
  }),
  text: record({
    body: size, small: size, caption: size, footnote: size, runningHead: size,
    heading1: size, heading2: size, heading3: size, lineHeight: size,
  }),
  colours: record({ text: colour, muted: colour, accent: colour, rule: colour, gridline: colour, axis: colour, halo: colour }),
  dimensions: map(colour, { minProperties: 1 }),
  series: Type.Array(colour, { minItems: 2, description: 'the series colours' }),
  chart: record({
    maxWidth: size, labelColumnMax: size, labelGap: size, barStep: size, barFill: share,
    lineWidth: size, lineHeight: size, tickStep: size,
    fontSize: record({ label: size, value: size, tick: size, axisTitle: size }),
    lineHeightFactor: size, gridlineWidth: size, axisWidth: size, lineStrokeWidth: size, pointSize: size,
  }),
  diagram: record({
    bubblesHeight: size, mapHeight: size, maxRadius: size, dotRadius: size, labelMax: size, stageGap: size, stagePadding: size,
    fontSize: record({ heading: size, label: size }),
  }),
  diamond: record({
    axes: Type.Array(Type.String(), { minItems: 4, maxItems: 4, description: 'the four axis dimension keys' }),
    size,
    rings: Type.Array(Type.Number({ minimum: 0, maximum: 100 }), { minItems: 1, description: 'the gridline rings' }),
    axisNameMax: size,
    fontSize: record({ axisName: size, value: size, tick: size, circle: size }),
    polygonFill: colour, polygonFillOpacity: share, polygonStroke: colour, polygonStrokeWidth: size,
    circleStroke: colour, circleStrokeWidth: size,
    circleDash: Type.Array(Type.Number({ minimum: 0 })),
    circleFillOpacity: share, vertexSize: size,
  }),
});

/** `theme.yaml` as written. */
export type RawTheme = Static<typeof themeSchema>;
/** A font face of the theme, as written. */
export type RawFace = Static<typeof face>;
/** The names of the faces a theme declares. */
export type RawFaceName = keyof RawTheme['font']['faces'];
