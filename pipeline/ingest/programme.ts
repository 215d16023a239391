import { Type } from 'typebox';
import { formatPlace } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import { readFacts } from './content.ts';
import { readSources } from './country.ts';
import type { InputReader } from '../input/read.ts';
import { organisation } from './schemas/country.ts';
import type { Fact, Framework, Organisation, Source } from './types.ts';
import { validateYaml } from '../input/validate.ts';
import { issueAt } from '../input/yaml-file.ts';

/**
 * What is the same for every country of a CSI phase, held once beside the framework in
 * `data/frameworks/<framework>/`: the programme's facts (`facts/*.yaml`), the standard
 * international data sources (`sources.yaml`) and the partners every document names, with
 * their contacts
 * (`programme.yaml`). Every file is optional. (The works on the programme the generic texts
 * cite are `data/frameworks/<framework>.bibliography.yaml`, read with the bibliography.)
 */
export interface Programme {
  /** Facts by key, with the framework's own counts. */
  facts: Map<string, Fact>;
  /** Data sources by key. */
  sources: Map<string, Source>;
  /** The programme's partner organisations, with contacts: every country's documents name them. */
  partners: readonly Organisation[];
}

/** `data/frameworks/<framework>/programme.yaml`. */
export const programmeSchema = Type.Object(
  {
    partners: Type.Optional(Type.Array(organisation, { description: 'the partner organisations of the programme' })),
  },
  { additionalProperties: false },
);

/** Reads the programme folder of a framework; problems join the reader's. */
export function readProgramme(reader: InputReader, dir: string, framework: Framework | undefined): Programme {
  const facts = new Map<string, Fact>();
  // Counted, never written: "65 indicators in 27 sub-dimensions" cannot disagree with the matrix.
  if (framework) for (const fact of frameworkCounts(framework)) facts.set(fact.key, fact);
  readFacts(reader, `${dir}/facts`, facts);
  const sources = reader.exists(`${dir}/sources.yaml`) ? readSources(reader, `${dir}/sources.yaml`) ?? new Map<string, Source>() : new Map<string, Source>();
  let partners: readonly Organisation[] = [];
  if (reader.exists(`${dir}/programme.yaml`)) {
    const yaml = reader.yaml(`${dir}/programme.yaml`, 'programme');
    if (yaml && validateYaml(yaml, programmeSchema, reader.issues, reader.valid)) partners = yaml.value.partners ?? [];
  }
  return { facts, sources, partners };
}

/** The framework's own counts as facts: `framework-dimensions`, `framework-subdimensions`, `framework-indicators`. */
export function frameworkCounts(framework: Framework): Fact[] {
  const subdimensions = framework.dimensions.flatMap((d) => d.subdimensions);
  const indicators = subdimensions.flatMap((s) => s.indicators);
  const place = { file: framework.file };
  return [
    { key: 'framework-dimensions', value: framework.dimensions.length, unit: 'count', place },
    { key: 'framework-subdimensions', value: subdimensions.length, unit: 'count', place },
    { key: 'framework-indicators', value: indicators.length, unit: 'count', place },
  ];
}

/** Joins the programme's keyed entries with the country's; a key both define is an error at the country's. */
export function joinKeyed<T>(reader: InputReader, programme: ReadonlyMap<string, T>, own: ReadonlyMap<string, T>, placeOf: (key: string) => string, programmeFile: string): Map<string, T> {
  const joined = new Map(programme);
  for (const [key, value] of own) {
    if (joined.has(key)) reader.issues.push(issueAt({ file: placeOf(key) }, msg.duplicateId(key, programmeFile)));
    else joined.set(key, value);
  }
  return joined;
}

/** Joins the country's facts into the programme's; a key both define is an error at the country's. */
export function joinFacts(reader: InputReader, programme: ReadonlyMap<string, Fact>, own: ReadonlyMap<string, Fact>): Map<string, Fact> {
  const joined = new Map(programme);
  for (const [key, fact] of own) {
    const first = joined.get(key);
    if (first) reader.issues.push(issueAt(fact.place, msg.duplicateId(key, formatPlace(first.place))));
    else joined.set(key, fact);
  }
  return joined;
}
