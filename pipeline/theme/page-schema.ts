import type { SchemaObject } from 'ajv';
import { breakingSchema, contentsSchema, coverSchema, gridSchema, spacingSchema } from './page-layout-schema.ts';

/**
 * `templates/page.yaml`: which keys there are. A misspelt or unknown key is an error at its
 * line, with the nearest known key. The layout's spacing, contents, breaking, cover and grid
 * values (page-layout-schema.ts, which gives their types too) are all required and checked here
 * (numbers of at least 0, shares up to 1); the geometry's ranges and the names the styles refer
 * to (faces, sizes and colours of the theme) are checked by `readPageStyle`, with messages of
 * their own.
 */
function keys(...names: string[]): SchemaObject {
  return { type: 'object', properties: Object.fromEntries(names.map((name) => [name, {}])), additionalProperties: false };
}

const style = keys('face', 'size', 'color');

/** The schema of `templates/page.yaml`. */
export const pageSchema: SchemaObject = {
  type: 'object',
  properties: {
    size: keys('width', 'height'),
    margin: keys('top', 'bottom', 'left', 'right'),
    paragraphGap: {},
    measure: keys('characters', 'min', 'max'),
    spacing: spacingSchema,
    contents: contentsSchema,
    breaking: breakingSchema,
    cover: coverSchema,
    grid: gridSchema,
    surfaces: keys('tableHeader', 'tableStripe', 'box'),
    styles: {
      type: 'object',
      properties: Object.fromEntries(['body', 'h1', 'h2', 'h3', 'h4', 'caption', 'table', 'footnote', 'small', 'header'].map((role) => [role, style])),
      additionalProperties: false,
    },
  },
  required: ['spacing', 'contents', 'breaking', 'cover', 'grid'],
  additionalProperties: false,
};
