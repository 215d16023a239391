import type { BadCase, CaseProject } from '../harness.ts';

const dir = 'data/countries/testland';
const country = `${dir}/country.yaml`;
const indicators = `${dir}/indicators.yaml`;
const sources = `${dir}/sources.yaml`;
const framework = 'data/frameworks/mini.yaml';
const bibliography = `${dir}/bibliography.yaml`;
const tables = `${dir}/tables.yaml`;
const facts = `${dir}/facts/numbers.yaml`;
const corrections = `${dir}/corrections.yaml`;

const value = (to: string) => (p: CaseProject) => p.edit(indicators, 'value: 40', to);
const utf16 = (path: string) => (p: CaseProject) => p.put(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(p.read(path), 'utf16le')]));
const utf16be = (path: string) => (p: CaseProject) => p.put(path, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(p.read(path), 'utf16le').swap16()]));

const table = (rows: string, columns = '      - {key: name, label: {en: Name}, type: text}\n      - {key: share, label: {en: Share}, type: percent}\n') =>
  `tables:\n  - id: "1"\n    caption: {en: Groups}\n    columns:\n${columns}    rows:\n${rows}`;

/** The data files of a country and the framework. */
export const dataCases: BadCase[] = [
  // country.yaml
  { name: 'misspelt key in country.yaml', setup: (p) => p.edit(country, 'organisation:', 'organization:'), at: `${country}:4:1`, message: /unknown key "organization"/, hint: /Did you mean "organisation"/ },
  { name: 'misspelt nested key in country.yaml', setup: (p) => p.edit(country, 'surveyYear', 'surveyyear'), at: `${country}:7`, message: /unknown key "surveyyear"/, hint: /Did you mean "surveyYear"/ },
  { name: 'unknown top-level key in country.yaml', setup: (p) => p.append(country, 'colour: blue\n'), at: `${country}:9:1`, message: /unknown key "colour"/, hint: /allowed here/ },
  { name: 'missing name in country.yaml', setup: (p) => p.edit(country, 'name: {en: Testland}\n', ''), at: `${country}:1`, message: /"name" is missing/, hint: /Add a "name:" entry/ },
  { name: 'impossible published date in country.yaml', setup: (p) => p.edit(country, 'published: "2020-01-01"', 'published: "2011-13-45"'), at: `${country}:8`, message: /"2011-13-45" is not a date of the calendar/, hint: /month 13/ },
  { name: '30 February in country.yaml', setup: (p) => p.edit(country, 'published: "2020-01-01"', 'published: "2011-02-30"'), at: `${country}:8`, message: /"2011-02-30" is not a date of the calendar/, hint: /February 2011 has 28 days/ },
  { name: '29 February of a common year', setup: (p) => p.edit(country, 'published: "2020-01-01"', 'published: "2019-02-29"'), at: `${country}:8`, message: /"2019-02-29" is not a date of the calendar/, hint: /February 2019 has 28 days/ },
  { name: 'unquoted impossible date in country.yaml', setup: (p) => p.edit(country, 'published: "2020-01-01"', 'published: 2011-02-30'), at: `${country}:8`, message: /is not a date of the calendar/, hint: /28 days/ },
  { name: 'country id differs from its folder', setup: (p) => p.edit(country, 'id: testland', 'id: otherland'), at: `${country}:1`, message: /"otherland".*folder "testland"/, hint: /same/ },
  { name: 'country names a framework that does not exist', setup: (p) => p.edit(country, 'framework: mini', 'framework: maxi'), at: 'data/frameworks/maxi.yaml', message: /framework file does not exist/, hint: /Create it/ },
  { name: 'country name in a locale code that is not one', setup: (p) => p.edit(country, 'name: {en: Testland}', 'name: {english: Testland}'), at: `${country}:3`, message: /not a locale code/, hint: /locale code/ },
  { name: 'country.yaml in UTF-16', setup: utf16(country), at: country, message: /not UTF-8: it is UTF-16/, hint: /Save it as UTF-8/ },
  { name: 'country.yaml with NUL bytes', setup: (p) => p.put(country, Buffer.from('id: test\u0000land\n')), at: country, message: /not a text file/, hint: /Save it as UTF-8/ },
  { name: 'country.yaml replaced by a folder', setup: (p) => p.replaceWithFolder(country), at: country, message: /is a folder, not a file/, hint: /Put the file back/ },
  // indicators.yaml
  { name: 'value .nan', setup: value('value: .nan'), at: `${indicators}:3`, message: /not a number \(NaN\)|expected a number, found NaN/, hint: /plain number/ },
  { name: 'value .inf', setup: value('value: .inf'), at: `${indicators}:3`, message: /expected a number, found Infinity/, hint: /plain number/ },
  { name: 'value with a unit', setup: value('value: 40 %'), at: `${indicators}:3`, message: /expected a number, found "40 %"/, hint: /plain number/ },
  { name: 'value with a decimal comma', setup: value('value: "40,5"'), at: `${indicators}:3`, message: /expected a number, found "40,5"/, hint: /a dot for decimals/ },
  { name: 'value out of range', setup: value('value: 400'), at: `${indicators}:3:12`, message: /the value 400 of indicator "1.1.1" lies outside 0–100/, hint: /46.9, not 0.469/ },
  { name: 'value negative', setup: value('value: -4'), at: `${indicators}:3`, message: /lies outside 0–100/, hint: /Check the number/ },
  { name: 'value and ratio both given', setup: (p) => p.edit(indicators, 'value: 40', 'value: 40\n    ratio: [1, 2]'), at: `${indicators}:2`, message: /needs exactly one of "value", "ratio" or "components"/, hint: /ratio: \[2, 3\]/ },
  { name: 'ratio with a zero denominator', setup: (p) => p.edit(indicators, 'ratio: [1, 3]', 'ratio: [1, 0]'), at: `${indicators}:8`, message: /ratio of indicator "1.1.2"/, hint: /ratio: \[2, 3\]/ },
  { name: 'ratio of one number', setup: (p) => p.edit(indicators, 'ratio: [1, 3]', 'ratio: [1]'), at: `${indicators}:8`, message: /ratio|needs at least 2/, hint: /ratio|Add/ },
  { name: 'unknown indicator', setup: (p) => p.edit(indicators, '"1.1.2":', '"1.1.9":'), at: `${indicators}:7`, message: /"1.1.9" is not an indicator of the framework/, hint: /Did you mean "1.1.1"|Indicator ids/ },
  { name: 'indicator id not quoted', setup: (p) => p.edit(indicators, '"2.1.1":', '2.1:'), at: `${indicators}:12`, message: /"2.1" is not an indicator|the key "2.1"/, hint: /indicator|quotes/ },
  { name: 'duplicate indicator', setup: (p) => p.edit(indicators, '"1.1.2":', '"1.1.1":'), at: `${indicators}:7`, message: /Map keys must be unique|used twice|duplicate/, hint: /syntax|each/ },
  { name: 'missing indicator value', setup: (p) => p.edit(indicators, /  "2\.1\.1":\n(    .*\n){4}/, ''), at: indicators, message: /indicator "2.1.1" \(Corruption\) has no value/, hint: /Add a "2.1.1:" entry/ },
  { name: 'unknown unit', setup: (p) => p.edit(indicators, 'unit: percent', 'unit: procent'), at: `${indicators}:4`, message: /"procent" is not one of the allowed values/, hint: /"percent"/ },
  { name: 'year as text', setup: (p) => p.edit(indicators, 'year: 2019', 'year: last year'), at: `${indicators}:5`, message: /expected a whole number, found "last year"/, hint: /whole number/ },
  { name: 'source not defined', setup: (p) => p.edit(indicators, 'source: survey', 'source: census'), at: `${indicators}:6`, message: /the source "census" is not defined/, hint: /sources.yaml/ },
  { name: 'missing component', setup: (p) => p.edit(indicators, '      gni: {value: 200, unit: usd-million}\n', ''), at: `${indicators}:19`, message: /needs the component "gni"/, hint: /components/ },
  { name: 'YAML alias bomb in indicators.yaml', setup: (p) => p.put(indicators, aliasBomb()), at: `${indicators}:2`, message: /aliases expand to more than 100 copies/, hint: /instead of nesting anchors/ },
  { name: 'YAML alias cycle', setup: (p) => p.put(indicators, 'values: &a\n  "1.1.1": *a\n'), at: `${indicators}:2`, message: /the alias \*a refers to the anchor &a/, hint: /Write the value out/ },
  { name: 'YAML nested too deeply', setup: (p) => p.put(indicators, `values: ${'['.repeat(5000)}${']'.repeat(5000)}\n`), at: `${indicators}:1`, message: /nested more than \d+ levels deep/, hint: /flatter|nesting/ },
  { name: 'YAML nested too deeply by indentation', setup: (p) => p.put(indicators, Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')), at: `${indicators}:`, message: /nested more than \d+ levels deep/, hint: /flatter/ },
  { name: 'YAML nested 65 levels, within what the parser takes', setup: (p) => p.put(indicators, `values:\n${Array.from({ length: 70 }, (_, i) => `${' '.repeat(2 * i + 2)}k${i}:`).join('\n')} 1\n`), at: `${indicators}:`, message: /nested more than 64 levels deep/, hint: /flatter/ },
  { name: 'indicators.yaml in UTF-16 big-endian', setup: utf16be(indicators), at: indicators, message: /not UTF-8: it is UTF-16/, hint: /Save it as UTF-8/ },
  { name: 'indicators.yaml empty', setup: (p) => p.put(indicators, ''), at: indicators, message: /empty/, hint: /values/ },
  { name: 'indicators.yaml as a list', setup: (p) => p.put(indicators, '- 40\n- 30\n'), at: `${indicators}:1`, message: /expected a map/, hint: /map/ },
  { name: 'two YAML documents in one file', setup: (p) => p.append(indicators, '---\nvalues: {}\n'), at: `${indicators}:24`, message: /more than one YAML document/, hint: /one document per file/ },
  // sources.yaml
  { name: 'unknown source kind', setup: (p) => p.edit(sources, 'kind: population-survey', 'kind: populaton-survey'), at: `${sources}:2`, message: /"populaton-survey" is not a source kind of the framework/, hint: /"population-survey"/ },
  { name: 'source without a title', setup: (p) => p.edit(sources, '  title: {en: Testland population survey}\n', ''), at: `${sources}:2`, message: /"title" is missing/, hint: /Add a "title:"/ },
  { name: 'source key with spaces', setup: (p) => p.edit(sources, 'survey:', 'the survey:'), at: `${sources}:1`, message: /the key "the survey" is not a lower-case key/, hint: /lower-case key/ },
  { name: 'source url that is not a web address', setup: (p) => p.edit(sources, '  year: 2019\ncpi:', '  year: 2019\n  url: "file:///etc/passwd"\ncpi:'), at: `${sources}:5`, message: /is not a web address/, hint: /https:/ },
  // framework
  { name: 'framework alias cycle', setup: (p) => p.edit(framework, 'dimensions:\n', 'loop: &loop\n  self: *loop\ndimensions:\n'), at: `${framework}:8`, message: /the alias \*loop refers to the anchor &loop it sits inside/, hint: /Write the value out/ },
  { name: 'framework duplicate indicator id', setup: (p) => p.edit(framework, '- id: "1.1.2"', '- id: "1.1.1"'), at: `${framework}:20`, message: /the id "1.1.1" is used twice/, hint: /own id/ },
  { name: 'framework unknown rule', setup: (p) => p.edit(framework, 'rule: {kind: percentage}', 'rule: {kind: percent}'), at: `${framework}:19`, message: /"percent" is not one of the allowed values/, hint: /percentage/ },
  { name: 'framework weight zero', setup: (p) => p.edit(framework, 'name: {en: Extent}', 'name: {en: Extent}\n        weight: 0'), at: `${framework}:14`, message: /0 is out of range/, hint: /larger than zero/ },
  { name: 'framework scale range reversed', setup: (p) => p.edit(framework, 'range: [0, 10]', 'range: [10, 0]'), at: `${framework}:37`, message: /the range \[10, 0\] is empty or reversed/, hint: /\[min, max\]/ },
  { name: 'framework source kind not declared', setup: (p) => p.edit(framework, '  secondary-index: {en: Secondary index}\n', ''), at: `${framework}:35`, message: /"secondary-index" is not a source kind/, hint: /population-survey/ },
  // bibliography
  { name: 'duplicate bibliography key', setup: (p) => p.put(bibliography, '- key: smith-2009\n  authors: ["Smith, Anna"]\n  year: 2009\n  title: A study\n- key: jones-2010\n  authors: ["Jones, Ben"]\n  year: 2010\n  title: Another\n- key: smith-2009\n  authors: ["Smith, Anna"]\n  year: 2010\n  title: A third\n'), at: `${bibliography}:9`, message: /the id "smith-2009" is used twice \(first at .*bibliography.yaml:1/, hint: /own id/ },
  { name: 'bibliography entry without a key', setup: (p) => p.put(bibliography, '- authors: ["Smith, Anna"]\n  year: 2009\n  title: A study\n'), at: `${bibliography}:1`, message: /"key" is missing/, hint: /Add a "key:"/ },
  { name: 'bibliography year as text', setup: (p) => p.put(bibliography, '- key: smith-2009\n  authors: ["Smith, Anna"]\n  year: "two thousand nine"\n  title: A study\n'), at: `${bibliography}:3`, message: /expected a whole number/, hint: /whole number/ },
  { name: 'bibliography misspelt key', setup: (p) => p.put(bibliography, '- key: smith-2009\n  author: ["Smith, Anna"]\n  year: 2009\n  title: A study\n'), at: `${bibliography}:2`, message: /unknown key "author"/, hint: /Did you mean "authors"/ },
  // tables
  { name: 'unknown table column in a row', setup: (p) => p.put(tables, table('      - {name: {en: Unions}, shares: 12}\n')), at: `${tables}:8`, message: /the row has a value for "shares", which is not a column of table "1"/, hint: /Did you mean "share"/ },
  { name: 'table row missing a column', setup: (p) => p.put(tables, table('      - {name: {en: Unions}}\n')), at: `${tables}:8`, message: /no value for the column "share"/, hint: /null/ },
  { name: 'duplicate table column', setup: (p) => p.put(tables, table('      - {name: {en: Unions}, share: 3}\n', '      - {key: name, label: {en: Name}, type: text}\n      - {key: name, label: {en: Share}, type: percent}\n')), at: `${tables}:6`, message: /the id "name" is used twice/, hint: /own id/ },
  { name: 'percent cell with text, reported once', setup: (p) => p.put(tables, table('      - {name: {en: Unions}, share: "12%"}\n')), at: `${tables}:8`, message: /expected a map of keys and values or a number or null \(an empty cell\), found "12%"/, hint: /Write a map/, errors: 1 },
  { name: 'duplicate table id', setup: (p) => p.put(tables, `${table('      - {name: {en: A}, share: 1}\n')}  - id: "1"\n    caption: {en: Again}\n    columns:\n      - {key: name, label: {en: Name}, type: text}\n    rows: []\n`), at: `${tables}:9`, message: /the id "1" is used twice/, hint: /own id/ },
  // facts
  { name: 'fact value .nan', setup: (p) => p.put(facts, 'members:\n  value: .nan\n  unit: percent\n  source: survey\n  year: 2019\n'), at: `${facts}:2`, message: /NaN/, hint: /plain number/ },
  { name: 'fact with an unknown unit', setup: (p) => p.put(facts, 'members:\n  value: 3\n  unit: dozens\n  source: survey\n  year: 2019\n'), at: `${facts}:3`, message: /"dozens" is not one of/, hint: /"percent"/ },
  // corrections
  { name: 'correction on 30 February', setup: (p) => p.put(corrections, 'corrections:\n  - date: "2020-02-30"\n    indicator: "1.1.1"\n    old: 38\n    new: 40\n    reason: {en: Recount}\n'), at: `${corrections}:2`, message: /"2020-02-30" is not a date of the calendar/, hint: /February 2020 has 29 days/ },
  { name: 'correction of an unknown indicator', setup: (p) => p.put(corrections, 'corrections:\n  - date: "2020-02-03"\n    indicator: "9.9.9"\n    old: 38\n    new: 40\n    reason: {en: Recount}\n'), at: `${corrections}:3`, message: /"9.9.9" is not an indicator/, hint: /indicators.yaml/ },
  { name: 'correction whose new value the data does not hold', setup: (p) => p.put(corrections, 'corrections:\n  - date: "2020-02-03"\n    indicator: "1.1.1"\n    old: 38\n    new: 41\n    reason: {en: Recount}\n'), at: `${corrections}:5`, message: /41/, hint: /40|indicators.yaml/ },
];

/** An anchor referred to by more aliases than any data file needs: refused before it expands. */
function aliasBomb(): string {
  const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
  for (let i = 1; i < 10; i += 1) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}
