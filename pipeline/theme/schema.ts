import type { SchemaObject } from 'ajv';

const colour: SchemaObject = { type: 'string', pattern: '^#[0-9a-fA-F]{6}$', description: 'a colour written #rrggbb' };
const size: SchemaObject = { type: 'number', exclusiveMinimum: 0, description: 'A size in points, larger than zero.' };
const share: SchemaObject = { type: 'number', minimum: 0, maximum: 1, description: 'A share between 0 and 1.' };

function record(properties: Record<string, SchemaObject>): SchemaObject {
  return { type: 'object', required: Object.keys(properties), properties, additionalProperties: false };
}

const face: SchemaObject = {
  type: 'object',
  required: ['file', 'weight', 'style', 'name'],
  properties: {
    file: { type: 'string', description: 'the font file inside the package, e.g. "400Regular/SourceSans3_400Regular.ttf"' },
    weight: { type: 'integer', minimum: 100, maximum: 900, description: 'A CSS weight: 400 regular, 700 bold.' },
    style: { enum: ['normal', 'italic'] },
    name: { type: 'string', description: 'the name the PDF registers the face under' },
  },
  additionalProperties: false,
};

/** `templates/theme.yaml`. */
export const themeSchema: SchemaObject = record({
  font: record({
    family: { type: 'string' },
    package: { type: 'string' },
    faces: record({ regular: face, italic: face, semibold: face, semiboldItalic: face, bold: face, boldItalic: face }),
  }),
  text: record({
    body: size, small: size, caption: size, footnote: size, runningHead: size,
    heading1: size, heading2: size, heading3: size, lineHeight: size,
  }),
  colours: record({ text: colour, muted: colour, accent: colour, rule: colour, gridline: colour, axis: colour, halo: colour }),
  dimensions: { type: 'object', additionalProperties: colour, minProperties: 1 },
  series: { type: 'array', items: colour, minItems: 2, description: 'the series colours' },
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
    axes: { type: 'array', items: { type: 'string' }, minItems: 4, maxItems: 4, description: 'the four axis dimension keys' },
    size,
    rings: { type: 'array', items: { type: 'number', minimum: 0, maximum: 100 }, minItems: 1, description: 'the gridline rings' },
    axisNameMax: size,
    fontSize: record({ axisName: size, value: size, tick: size, circle: size }),
    polygonFill: colour, polygonFillOpacity: share, polygonStroke: colour, polygonStrokeWidth: size,
    circleStroke: colour, circleStrokeWidth: size,
    circleDash: { type: 'array', items: { type: 'number', minimum: 0 } },
    circleFillOpacity: share, vertexSize: size,
  }),
});
