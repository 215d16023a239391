import type { SchemaObject } from 'ajv';

/**
 * `templates/page.yaml`: which keys there are. A misspelt or unknown key is an error at its
 * line, with the nearest known key; the values' ranges and the names they refer to (faces,
 * sizes and colours of the theme) are checked by `readPageStyle`, with messages of their own.
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
    surfaces: keys('tableHeader', 'tableStripe', 'box'),
    styles: {
      type: 'object',
      properties: Object.fromEntries(['body', 'h1', 'h2', 'h3', 'h4', 'caption', 'table', 'footnote', 'small', 'header'].map((role) => [role, style])),
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};
