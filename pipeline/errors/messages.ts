/**
 * Every message the pipeline shows a user about their input, in one place, so wording stays
 * consistent and each message says what to do. Each entry gives `{ message, hint }`.
 */
export interface Message {
  message: string;
  hint: string;
}

const list = (items: readonly string[]): string => items.map((item) => `"${item}"`).join(', ');

export const msg = {
  fileMissing: (what: string): Message => ({
    message: `the ${what} file does not exist`,
    hint: what === 'configuration' ? 'Run the command in the project folder, or name the file with --config path/to/pipeline.config.yaml.' : 'Create it, or correct the path in pipeline.config.yaml.',
  }),
  folderNotFile: (what: string): Message => ({
    message: `this is a folder, not a file: the ${what} file belongs here`,
    hint: what === 'configuration' ? 'Name the configuration file itself (--config path/to/pipeline.config.yaml).' : 'Put the file back in place of the folder, or move the folder elsewhere.',
  }),
  emptyFile: (required: readonly string[]): Message => ({
    message: 'the file is empty',
    hint: required.length > 0 ? `Write the entries it needs: ${list(required)} (see docs/data-format.md).` : 'Write its entries, or remove the file.',
  }),
  badDate: (found: string, why: string): Message => ({
    message: `"${found}" is not a date of the calendar`,
    hint: `${why}; write a real date as YYYY-MM-DD.`,
  }),
  notFinite: (found: string): Message => ({
    message: `expected a number, found ${found}`,
    hint: 'Write a plain number, e.g. 46.9: no unit, no quotes, a dot for decimals (.nan and .inf are not numbers a report can print).',
  }),
  tooDeep: (limit: number): Message => ({
    message: `the data here is nested more than ${limit} levels deep`,
    hint: 'Write it flatter: no input of the pipeline needs this much nesting (look for unclosed or repeated [ and { brackets).',
  }),
  aliasCycle: (name: string): Message => ({
    message: `the alias *${name} refers to the anchor &${name} it sits inside, so its value would contain itself`,
    hint: `Write the value out here, or point the alias at an anchor outside this entry.`,
  }),
  tooManyAliases: (limit: number, found: number): Message => ({
    message: `the file's aliases expand to more than ${limit} copies (it has ${found} aliases, some of anchors that hold aliases themselves)`,
    hint: 'Write the values out instead of nesting anchors (&name) and aliases (*name); a data file needs few of them.',
  }),
  severalDocuments: (): Message => ({
    message: 'the file holds more than one YAML document: a line "---" starts another',
    hint: 'Keep one document per file: remove the "---" line, or move what follows it to a file of its own.',
  }),
  unknownColumn: (key: string, table: string, columns: readonly string[], near: string | undefined): Message => ({
    message: `the row has a value for "${key}", which is not a column of table "${table}"`,
    hint: near ? `Did you mean "${near}"? Columns: ${list(columns)}.` : `Add a column "${key}" to the table, or use one of ${list(columns)}.`,
  }),
  missingCell: (keys: readonly string[], table: string): Message => ({
    message: `the row has no value for the column${keys.length === 1 ? '' : 's'} ${list(keys)} of table "${table}"`,
    hint: 'Give every column a value; write null for a cell that stays empty.',
  }),
  yamlSyntax: (detail: string): Message => ({
    message: `this is not valid YAML: ${detail}`,
    hint: 'Fix the syntax at this place (indentation, a missing colon or an unclosed quote are the usual causes).',
  }),
  required: (key: string): Message => ({
    message: `"${key}" is missing`,
    hint: `Add a "${key}:" entry here.`,
  }),
  unknownKey: (key: string, allowed: readonly string[], near: string | undefined): Message => ({
    message: `unknown key "${key}"`,
    hint: near ? `Did you mean "${near}"? Allowed here: ${list(allowed)}.` : `Remove it or check its spelling; allowed here: ${list(allowed)}.`,
  }),
  wrongType: (expected: string, found: string): Message => ({
    message: `expected ${expected}, found ${found}`,
    hint: expected === 'a number' ? 'Write a plain number, e.g. 46.9: no unit, no quotes, a dot for decimals.' : `Write ${expected} here.`,
  }),
  notOneOf: (allowed: readonly string[], found: string): Message => ({
    message: `${found} is not one of the allowed values`,
    hint: `Use one of ${list(allowed)}.`,
  }),
  badPattern: (found: string, description: string): Message => ({
    message: `${found} is not ${description}`,
    hint: `Write ${description} here.`,
  }),
  badKey: (key: string, description: string): Message => ({
    message: `the key "${key}" is not ${description}`,
    hint: `Write ${description} as the key, or check the indentation of the lines above.`,
  }),
  tooFew: (what: string, min: number): Message => ({
    message: `${what} needs at least ${min} entr${min === 1 ? 'y' : 'ies'}`,
    hint: 'Add the missing entries or remove the empty group.',
  }),
  duplicateId: (id: string, firstPlace: string): Message => ({
    message: `the id "${id}" is used twice (first at ${firstPlace})`,
    hint: 'Give each entry its own id.',
  }),
  idOutOfTree: (id: string, parent: string): Message => ({
    message: `the id "${id}" does not belong under "${parent}"`,
    hint: `Ids nest: an entry under "${parent}" is numbered "${parent}.N".`,
  }),
  unknownIndicator: (id: string, near: string | undefined): Message => ({
    message: `"${id}" is not an indicator of the framework`,
    hint: near ? `Did you mean "${near}"? Indicator ids are listed in the framework file.` : 'Indicator ids are listed in the framework file.',
  }),
  unknownScoreId: (id: string): Message => ({
    message: `"${id}" is not a dimension, sub-dimension or indicator id`,
    hint: 'Use an id of the framework, e.g. "1", "1.4" or "1.4.2".',
  }),
  missingValue: (id: string, name: string, frameworkFile: string, sourcesFile?: string): Message => ({
    message: `indicator "${id}" (${name}) has no value`,
    hint: `Add a "${id}:" entry with its raw value and source${sourcesFile ? ` (a key of ${sourcesFile}, or of the programme's sources)` : ''}; the indicator is declared in ${frameworkFile}.`,
  }),
  valueShape: (id: string): Message => ({
    message: `indicator "${id}" needs exactly one of "value", "ratio" or "components"`,
    hint: 'Give the raw value as a number (value: 36.5), an exact share (ratio: [2, 3]) or named parts (components: …).',
  }),
  outOfRange: (id: string, value: number, range: readonly [number, number], rule: string, percent: boolean): Message => ({
    message: `the value ${value} of indicator "${id}" lies outside ${range[0]}–${range[1]}, the range of its rule (${rule})`,
    hint: percent
      ? 'Check the number against its source; a percentage is written 46.9, not 0.469.'
      : `Give the raw value on the source's own scale (${range[0]}–${range[1]}); the rule turns it into a score.`,
  }),
  missingComponent: (id: string, component: string): Message => ({
    message: `indicator "${id}" needs the component "${component}" for its rule`,
    hint: `Add "${component}: {value: …, unit: …}" under components.`,
  }),
  badRatio: (id: string): Message => ({
    message: `the ratio of indicator "${id}" must be two numbers, the second larger than zero and not smaller than the first`,
    hint: 'Write it as ratio: [2, 3] for two thirds.',
  }),
  unknownSource: (key: string, sourcesFile: string): Message => ({
    message: `the source "${key}" is not defined`,
    hint: `Add it to ${sourcesFile}, or use one of the keys defined there.`,
  }),
  unknownSourceKind: (key: string, allowed: readonly string[]): Message => ({
    message: `"${key}" is not a source kind of the framework`,
    hint: `Use one of ${list(allowed)}.`,
  }),
  badWeight: (id: string): Message => ({
    message: `the weight of "${id}" must be a number larger than zero`,
    hint: 'Remove the weight for equal weighting, or give a positive number.',
  }),
  noIndicators: (id: string): Message => ({
    message: `sub-dimension "${id}" has no indicators`,
    hint: 'A sub-dimension is the mean of its indicators: add at least one, or remove the sub-dimension.',
  }),
  missingLocale: (locale: string): Message => ({
    message: `the text has no "${locale}" version`,
    hint: `Add "${locale}: …" with the translation, or remove "${locale}" from the locales in pipeline.config.yaml.`,
  }),
  unknownCountry: (country: string, known: readonly string[], dataDir = 'data'): Message => ({
    message: `there is no country "${country}" in the data`,
    hint: known.length > 0 ? `Known countries: ${list(known)} (folders of ${dataDir}/countries/ with a country.yaml).` : `Add a folder ${dataDir}/countries/${country}/ with a country.yaml.`,
  }),
  unknownLocale: (locale: string, known: readonly string[]): Message => ({
    message: `the locale "${locale}" is not configured`,
    hint: `Configured locales: ${list(known)}. Add it to pipeline.config.yaml and give it a locale file.`,
  }),
  frameworkMismatch: (expected: string, found: string): Message => ({
    message: `the country uses framework "${found}", but "${expected}" was loaded`,
    hint: 'Make "framework:" in country.yaml name a file in data/frameworks/.',
  }),
  unknownDimension: (id: string, known: readonly string[]): Message => ({
    message: `"${id}" is not a dimension of the framework`,
    hint: `Use one of ${list(known)}.`,
  }),
  unknownCategory: (key: string, series: string, known: readonly string[], near: string | undefined): Message => ({
    message: `the series "${series}" has a value for "${key}", which is not a category of the figure`,
    hint: near ? `Did you mean "${near}"? Categories: ${list(known)}.` : `Add "${key}" to the categories, or use one of ${list(known)}.`,
  }),
  unknownFigureMember: (key: string, what: 'group' | 'region', known: readonly string[], near: string | undefined): Message => ({
    message: `"${key}" is not a ${what} of the figure`,
    hint: near ? `Did you mean "${near}"? The figure's ${what}s: ${list(known)}.` : `Use one of ${list(known)}, or add "${key}" to the figure's ${what}s.`,
  }),
  noValueOutsideBar: (kind: string): Message => ({
    message: `null (no number published) is allowed in bar charts only, not in a ${kind} chart`,
    hint: 'Give the number from the source, or leave the category out of this figure.',
  }),
  missingCategoryValue: (key: string, series: string): Message => ({
    message: `the series "${series}" has no value for the category "${key}"`,
    hint: `Add "${key}: …" under the values of "${series}", with a number or {indicator: "x.y.z"} (in a bar chart, null where the source gives no number).`,
  }),
  duplicateRecommendation: (id: string, first: string, field: 'title' | 'text', firstPlace: string): Message => ({
    message: `the ${field} of recommendation "${id}" repeats recommendation "${first}" (at ${firstPlace})`,
    hint: 'Give a recommendation once: keep one entry, under the actor who must act, and delete the other.',
  }),
  notASubdimension: (id: string): Message => ({
    message: `"${id}" is not a sub-dimension of the framework`,
    hint: 'Name a sub-dimension by its id, e.g. "2.4".',
  }),
  unknownRecommendation: (id: string, known: readonly string[]): Message => ({
    message: `there is no recommendation "${id}"`,
    hint: known.length > 0 ? `Use an id of recommendations.yaml: ${list(known.slice(0, 8))}${known.length > 8 ? ', …' : ''}.` : 'Write the recommendations in recommendations.yaml first.',
  }),
  figureValueOutOfScale: (value: number, unit: string): Message => ({
    message: `${value} lies outside 0–100, the scale of a figure in ${unit === 'percent' ? 'percent' : 'scores'}`,
    hint: 'Check the number against the report; a percentage is written 46.9, not 0.469.',
  }),
} as const;
