import type { SchemaObject } from 'ajv';

/**
 * `templates/page.yaml`: which keys there are. A misspelt or unknown key is an error at its
 * line, with the nearest known key. The layout's spacing, contents, breaking, cover and grid values
 * are all required and checked here (numbers of at least 0, shares up to 1); the geometry's
 * ranges and the names the styles refer to (faces, sizes and colours of the theme) are checked
 * by `readPageStyle`, with messages of their own.
 */
function keys(...names: string[]): SchemaObject {
  return { type: 'object', properties: Object.fromEntries(names.map((name) => [name, {}])), additionalProperties: false };
}

const style = keys('face', 'size', 'color');
/** A length or count of the layout: a number of at least 0 (pt unless said). */
const length: SchemaObject = { type: 'number', minimum: 0 };
/** A share of the text area, 0–1. */
const share: SchemaObject = { type: 'number', minimum: 0, maximum: 1 };
/** A count of rows or lines. */
const count: SchemaObject = { type: 'integer', minimum: 1 };

/** An object of exactly these keys, all of them required. */
function shape(properties: Record<string, SchemaObject>): SchemaObject {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

/** An object of exactly these keys, each a length. */
function lengths(...names: string[]): SchemaObject {
  return shape(Object.fromEntries(names.map((name) => [name, length])));
}

const heading = lengths('before', 'after');
const coverType = lengths('size', 'leading');

/** The schema of `templates/page.yaml`. */
export const pageSchema: SchemaObject = {
  type: 'object',
  properties: {
    size: keys('width', 'height'),
    margin: keys('top', 'bottom', 'left', 'right'),
    paragraphGap: {},
    measure: keys('characters', 'min', 'max'),
    spacing: shape({
      heading: shape({ h1: heading, h2: heading, h3: heading, h4: heading }),
      titleBar: lengths('width', 'height', 'offset', 'after'),
      ...Object.fromEntries(['listIndent', 'listLabelInset', 'itemGap', 'footnoteGap', 'captionGap', 'figureGap', 'noteGap', 'tableGap', 'cellPadding', 'cellIndent'].map((name) => [name, length])),
      placeholder: lengths('inset', 'padding'),
    }),
    contents: lengths('numberWidth', 'indent', 'partGap', 'entryGap'),
    breaking: shape({ minTableRows: count, minLastPageLines: count, nearlyEmptyPage: share, wholeTableRows: count, wholeTableShare: share }),
    cover: shape({
      full: shape({ band: length, top: length, title: coverType, subtitleGap: length, countryTop: length, country: coverType, chartHeight: length, chartGap: length, creditsBottom: length }),
      compact: shape({ band: length, top: length, title: coverType, gap: length, creditsGap: length, after: length }),
    }),
    grid: lengths('side', 'gutter', 'padding', 'after', 'chartHeight', 'bullet'),
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
