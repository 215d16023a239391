import { describe, expect, it } from 'vitest';
import { briefSchema, recommendationsSchema } from '../../pipeline/ingest/schemas/brief.ts';
import { bibliographySchema, conflictsSchema, correctionsSchema, factsSchema, listsSchema, peopleSchema, planSchema, tablesSchema } from '../../pipeline/ingest/schemas/content.ts';
import { configSchema, countrySchema, sourcesSchema } from '../../pipeline/ingest/schemas/country.ts';
import { figuresSchema } from '../../pipeline/ingest/schemas/figures.ts';
import { frameworkSchema } from '../../pipeline/ingest/schemas/framework.ts';
import { indicatorsSchema } from '../../pipeline/ingest/schemas/indicators.ts';
import { programmeSchema } from '../../pipeline/ingest/programme.ts';
import { themeSchema } from '../../pipeline/theme/schema.ts';

/** Every input file read with a TypeBox schema, by the file it checks. */
const schemas: Record<string, unknown> = {
  'pipeline.config.yaml': configSchema,
  'country.yaml': countrySchema,
  'sources.yaml': sourcesSchema,
  'framework': frameworkSchema,
  'programme.yaml': programmeSchema,
  'indicators.yaml': indicatorsSchema,
  'facts/*.yaml': factsSchema,
  'figures.yaml': figuresSchema,
  'tables.yaml': tablesSchema,
  'people.yaml': peopleSchema,
  'bibliography.yaml': bibliographySchema,
  'lists.yaml': listsSchema,
  'document.yaml': planSchema,
  'corrections.yaml': correctionsSchema,
  'conflicts.yaml': conflictsSchema,
  'recommendations.yaml': recommendationsSchema,
  'brief.yaml': briefSchema,
  'theme.yaml': themeSchema,
};

type Node = Record<string, unknown>;

/**
 * The objects of a schema that let an unknown key pass: those with named keys but no
 * `additionalProperties: false`, and the maps whose keys no pattern checks. (A map of locale
 * codes or ids checks its keys against a pattern, which names what a key must look like.)
 */
function objects(schema: unknown, path: string, found: { open: string[]; maps: string[] }): void {
  if (!schema || typeof schema !== 'object') return;
  const node = schema as Node;
  const named = node.properties !== undefined;
  if (named && node.additionalProperties !== false) found.open.push(path);
  if (!named && node.type === 'object') {
    if (node.additionalProperties && typeof node.additionalProperties === 'object') {
      if ((node.propertyNames as Node | undefined)?.pattern === undefined) found.maps.push(path);
    } else found.open.push(path);
  }
  for (const [key, child] of Object.entries(node)) {
    // A condition only selects a branch; the branch checks the value.
    if (key === 'if' || key === 'propertyNames') continue;
    if (key === 'properties') for (const [name, property] of Object.entries(child as Node)) objects(property, `${path}.${name}`, found);
    else if (Array.isArray(child)) child.forEach((branch, i) => objects(branch, `${path}/${key}[${i}]`, found));
    else if (key === 'items') objects(child, `${path}[]`, found);
    else if (key === 'additionalProperties') objects(child, `${path}{}`, found);
    else if (key === 'then' || key === 'else') objects(child, `${path}/${key}`, found);
  }
}

describe('every input file refuses unknown keys', () => {
  const found = { open: [] as string[], maps: [] as string[] };
  for (const [file, schema] of Object.entries(schemas)) objects(schema, file, found);

  it('closes every object with named keys, but for the figure, which each kind closes with its own keys', () => {
    expect(found.open).toEqual([
      // The keys every figure has; each kind's branch lists them with its own and refuses the rest.
      'figures.yaml.figures[]',
      // A branch of bar charts that only narrows `series`, inside the closed branch of data figures.
      'figures.yaml.figures[]/allOf[6]/then',
    ]);
  });

  it('takes a key no pattern checks only where the keys are names the data gives, checked where they are used', () => {
    expect(found.maps).toEqual([
      // Source kinds: indicators and sources must name one of them (unknownSourceKind).
      'framework.sourceKinds',
      // The parts of a composite value, named by its indicator's rule (numerator, denominator).
      'indicators.yaml.values{}.components',
      // Values by category key: ingest refuses a key that is no category, with a did-you-mean.
      'figures.yaml.figures[]/allOf[5]/then.series[].values',
      // Cells by column key: ingest refuses a key that is no column, with a did-you-mean.
      'tables.yaml.tables[].rows[]',
      'tables.yaml.tables[].total',
      // List names, and groups of lists (recommendations.<actor>): the templates name them.
      'lists.yaml',
      'lists.yaml{}/anyOf[1]',
      // A colour per dimension key of the framework.
      'theme.yaml.dimensions',
    ]);
  });
});
