import type { DocumentPlan, Framework, IndicatorDef } from '../ingest/types.ts';
import { describeRule } from '../ingest/describe-rule.ts';
import { GRAMMATICAL_CASES, NOMINATIVE } from '../format/cases.ts';

/** What a new country's skeleton is made for. */
export interface SkeletonRequest {
  /** Country id, the folder name. */
  id: string;
  /** Its languages, the source locale first. */
  locales: readonly string[];
  /** Its documents. */
  documents: readonly ('acr' | 'brief')[];
  /** The framework it is scored with. */
  framework: Framework;
  /** The document plans, for the narrative parts and appendices to write. */
  plans: ReadonlyMap<'acr' | 'brief', DocumentPlan>;
  /** The source locale. */
  sourceLocale: string;
  /** The data folder, for paths in comments. */
  dataDir: string;
}

/** One file of the skeleton: path below the country folder and its text. */
export interface SkeletonFile {
  /** Path below `data/countries/<id>/`. */
  path: string;
  /** Content. */
  text: string;
}

/**
 * The brief's texts, which its generated parts print (its plan has no snippet parts); besides
 * these, one problem statement per priority issue, `issue-<sub-dimension id>.md`.
 */
const BRIEF_TEXTS: readonly [string, string][] = [
  ['summary', 'two or three sentences over the key messages: the state of civil society and what the brief asks'],
  ['call-to-action', 'who should start on the recommendations, and when'],
  ['method', 'how the study was made: the index, who carried it out with whom, the surveys'],
];

/**
 * Every input of a country, commented: what each holds, which parts of the documents print
 * it, and the shape of an entry. Values the national team must give are left empty, so
 * `csi-report check` lists each one with its file until it is written.
 */
export function skeletonFiles(request: SkeletonRequest): SkeletonFile[] {
  return [
    { path: 'country.yaml', text: countryYaml(request) },
    { path: 'indicators.yaml', text: indicatorsYaml(request) },
    { path: 'sources.yaml', text: sourcesYaml(request) },
    { path: 'facts/country.yaml', text: factsYaml() },
    { path: 'figures.yaml', text: figuresYaml(request) },
    { path: 'tables.yaml', text: tablesYaml() },
    { path: 'people.yaml', text: peopleYaml(request) },
    { path: 'bibliography.yaml', text: bibliographyYaml() },
    { path: 'corrections.yaml', text: correctionsYaml() },
    { path: 'recommendations.yaml', text: recommendationsYaml(request) },
    ...(request.documents.includes('brief') ? [{ path: 'brief.yaml', text: briefYaml(request) }] : []),
    ...request.locales.map((locale) => ({ path: `narrative/${locale}/lists.yaml`, text: listsYaml(request, locale) })),
    { path: 'README.md', text: readme(request) },
  ];
}

const map = (locales: readonly string[], indent: string) => locales.map((l) => `${indent}${l}:`).join('\n');

function countryYaml(r: SkeletonRequest): string {
  return `# ${r.id}: who carried out the study, when, and what its publications are called.
# Every text is given in each of the country's languages. An empty entry is an error that
# \`csi-report check --country ${r.id}\` lists with its line; write the text after the colon,
# in quotes. Format: docs/data-format.md.
id: ${r.id}
framework: ${r.framework.id}

# The editions this country publishes: its languages (${r.sourceLocale}, the source of every
# translation, first) and its documents.
locales: [${r.locales.join(', ')}]
documents: [${r.documents.join(', ')}]

# The country's name.
name:
${map(r.locales, '  ')}
${caseSlots(r.locales, '', 'country')}

# The organisation that carried out the study: full name and short form, and how to reach it
# (the report's imprint page and the brief's back page print it).
organisation:
  name:
${map(r.locales, '    ')}
  short:
${map(r.locales, '    ')}
${caseSlots(r.locales, '  ', 'organisation')}
  # contact:
  #   address: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}
  #   phone: "…"
  #   email: "…"
  #   web: "https://…"

# The programme's partner (data/frameworks/${r.framework.id}/programme.yaml) is named with its
# contacts in every document. Partners of the country's own follow it:
# partners:
#   - name: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}
#     short: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}
#     contact: {email: "…", web: "https://…"}

# Who funded the study (optional), each with a key, its name and the disclaimer it requires:
# funders:
#   - key: some-foundation
#     name: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}
#     disclaimer: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}

# The study period as the documents print it, e.g. "2008–2010", and the survey year.
study:
  label:
  surveyYear:

# The date of publication, YYYY-MM-DD, and (optional) the place, for the suggested citation.
edition:
  published:
  # place: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}

# Optional: the titles of the two documents (default: the series name).
# reportTitle: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}
# briefTitle: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}

# The list of acronyms of the report (optional; without it the report has none):
# acronyms:
#   - key: CSO
#     short: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}
#     expansion: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}
`;
}

/**
 * Commented slots for the name in each case of the languages that inflect names: the
 * narrative asks for one with {{country case="genitive"}}, and a form it asks for must be here.
 */
function caseSlots(locales: readonly string[], indent: string, helper: 'country' | 'organisation'): string {
  const inflecting = locales.filter((locale) => GRAMMATICAL_CASES[locale]);
  if (inflecting.length === 0) return `${indent}# (The name takes no case forms in ${locales.join(', ')}.)`;
  const lines = [
    `${indent}# The name in the cases the narrative asks for ({{${helper} case="genitive"}}); the nominative`,
    `${indent}# is the name above. Uncomment each form a text needs; check names any that is missing.`,
    `${indent}# cases:`,
  ];
  for (const locale of inflecting) {
    lines.push(`${indent}#   ${locale}:`);
    for (const grammaticalCase of GRAMMATICAL_CASES[locale]!.filter((c) => c !== NOMINATIVE)) lines.push(`${indent}#     ${grammaticalCase}: "…"`);
  }
  return lines.join('\n');
}

function unitOf(indicator: IndicatorDef): string {
  switch (indicator.rule.kind) {
    case 'percentage': return 'percent';
    case 'scale':
    case 'reverse': return 'index';
    case 'rescale': return 'score';
    case 'cap-invert': return 'ratio';
  }
}

function rangeOf(indicator: IndicatorDef, framework: Framework): string {
  const rule = indicator.rule;
  if (rule.kind === 'cap-invert') return `components ${rule.numerator} and ${rule.denominator}, each {value, unit: usd-million}`;
  const range = rule.range ?? [framework.scale.min, framework.scale.max];
  return `raw value ${range[0]}–${range[1]}`;
}

function indicatorsYaml(r: SkeletonRequest): string {
  const lines = [
    `# The raw value of each of the ${r.framework.dimensions.flatMap((d) => d.subdimensions).flatMap((s) => s.indicators).length} indicators of ${r.framework.id}, as the source gives it; the`,
    '# framework\'s rule turns it into a score. Each entry: value (or ratio: [a, b], or',
    '# components for a ratio rule), unit, year, source (a key of sources.yaml or of the',
    `# programme's ${r.dataDir}/frameworks/${r.framework.id}/sources.yaml), and an optional note.`,
    '# Uncomment an entry and give its value; until then check lists it as missing.',
    // An empty map until the first value is written: check lists every missing value.
    'values: {}',
  ];
  for (const dimension of r.framework.dimensions) {
    lines.push(`  # ── ${dimension.id} ${dimension.name[r.sourceLocale] ?? dimension.id} ──`);
    for (const sub of dimension.subdimensions) {
      for (const indicator of sub.indicators) {
        const kind = r.framework.sourceKinds[indicator.source]?.[r.sourceLocale] ?? indicator.source;
        lines.push(`  # ${indicator.id} ${indicator.name[r.sourceLocale] ?? ''} — ${describeRule(indicator.rule)}; ${rangeOf(indicator, r.framework)}; source kind: ${kind}`);
        lines.push(indicator.rule.kind === 'cap-invert'
          ? `  # "${indicator.id}": {components: {${indicator.rule.numerator}: {value: , unit: usd-million}, ${indicator.rule.denominator}: {value: , unit: usd-million}}, unit: ratio, year: , source: }`
          : `  # "${indicator.id}": {value: , unit: ${unitOf(indicator)}, year: , source: }`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function sourcesYaml(r: SkeletonRequest): string {
  return `# The country's own data sources (its surveys, national statistics), by key, cited by
# indicators.yaml. The international sources of the phase are the programme's:
# ${r.dataDir}/frameworks/${r.framework.id}/sources.yaml; cite them by their key as they are.
# kind is a source kind of the framework (${Object.keys(r.framework.sourceKinds).join(', ')}).
#
# csi-population-survey:
#   kind: population-survey
#   author: "…"
#   title: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}
#   year: 2009
#   publisher: "…"
{}
`;
}

function factsYaml(): string {
  return `# Numbers the narrative cites that are not indicator values, by key: {{fact "key"}}.
# Any number of files in facts/ (one per topic); a key may be defined once. The programme's
# facts and the framework's counts (framework-indicators, framework-subdimensions) are there
# for every country.
#
# survey-respondents:
#   value: 1000
#   unit: count          # percent | count | year | number | usd-million | rank
#   source: csi-population-survey
#   year: 2009
{}
`;
}

function figuresYaml(r: SkeletonRequest): string {
  const caption = (text: string) => `    caption:\n      ${r.sourceLocale}: "${text}"`;
  const standard = [
    `  - id: "1"\n    kind: diamond\n${caption('Civil Society Index Diamond')}`,
    ...r.framework.dimensions.filter((d) => !d.contextual || d.subdimensions.length > 0).map((d) => `  - id: "III.${d.id}.1"\n    kind: subdimensions\n    dimension: "${d.id}"\n${caption(`${d.name[r.sourceLocale] ?? d.id} sub-dimensions`)}`),
  ];
  return `# The figures of the report, by number. Figure "1" (the diamond) is also printed on the
# report's cover and in the brief. The standard charts of the phase are here already: give
# each caption in every language (${r.locales.join(', ')}). Indicator-level charts (bar,
# grouped-bar, stacked-bar, line) and described diagrams: docs/data-format.md.
figures:
${standard.join('\n\n')}
`;
}

function tablesYaml(): string {
  return `# The report's tables, placed in the narrative with {{table "id"}}. Text cells are
# localised maps, number and percent cells plain numbers. Format: docs/data-format.md.
tables: []
`;
}

function peopleYaml(r: SkeletonRequest): string {
  const lists = [...r.plans.values()].flatMap((plan) => plan.parts.flatMap((part) => (part.kind === 'people' ? [part.list] : [])));
  return `# The people lists the report prints as appendices. The report's plan
# (templates/acr/document.yaml) needs one list with each of these ids:
${lists.map((id) => `#   ${id}`).join('\n')}
# Each list: id, appendix number, title in every language, and groups of people (a group may
# have a title of its own), each person with a name and an optional affiliation per language.
#
# lists:
#   - id: ${lists[0] ?? 'implementation-team'}
#     appendix: 2
#     title: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}
#     groups:
#       - people:
#           - name: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}
#             affiliation: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}
lists: []
`;
}

function bibliographyYaml(): string {
  return `# The works the report cites, besides the data sources. The works on the programme itself
# are the programme's and need not be repeated.
#
# - key: surname-2009
#   authors: ["Surname, Name"]      # or organisation: "…" for a work by an organisation
#   year: 2009
#   title: "…"
#   publisher: "…"
# The fields and the citation styles: docs/data-format.md.
[]
`;
}

function correctionsYaml(): string {
  return `# Corrections made after publication; each one is printed in a corrigendum of both
# documents. Empty until the first correction.
#
# corrections:
#   - date: "2011-09-15"
#     indicator: "2.4.1"
#     old: 14.4
#     new: 15.2
#     reason: {en: "…"}
corrections: []
`;
}

function listsYaml(r: SkeletonRequest, locale: string): string {
  const source = locale === r.sourceLocale;
  return `# Strengths, weaknesses and the brief's key messages${source ? '' : ` (${locale}: the same ids as ${r.sourceLocale})`}:
# the report's part IV prints {{list "strengths"}} and {{list "weaknesses"}}; the brief numbers
# the key messages (three to five, one sentence each, each proved by a number from the data such
# as {{score "2.1.1"}}). Each item: an id, the same in every language, and its text.
#
# strengths:
#   - id: some-strength
#     text: "…"
# weaknesses:
#   - id: some-weakness
#     text: "…"
# key-messages:
#   - id: some-message
#     text: "… **{{score \\"2.4\\"}}** …"
{}
`;
}

function recommendationsYaml(r: SkeletonRequest): string {
  const text = `{${r.locales.map((l) => `${l}: "…"`).join(', ')}}`;
  return `# The recommendations of the study: one list that the report's part V
# ({{recommendations "government"}}) and the brief's priority issues both draw on. Each: an id,
# the actor addressed (civil-society, government or donors), who exactly acts, the time frame
# (short: within a year, medium: one to three years, long: more than three), the sub-dimensions
# it would move, a short title and the full text. Each priority issue of the brief needs
# recommendations for at least two actors. Format: docs/data-format.md.
#
# recommendations:
#   - id: stable-funding
#     actor: civil-society
#     timeframe: medium
#     addresses: ["2.4"]
#     who: ${text}
#     title: ${text}
#     text: ${text}
recommendations: []
`;
}

function briefYaml(r: SkeletonRequest): string {
  return `# Optional choices for the Policy Action Brief. Without "priorities:", its three priority
# issues are the three weakest sub-dimensions of ${r.framework.id} that policy can move; each
# needs narrative/<locale>/brief/issue-<sub-dimension id>.md and recommendations that address
# it. "urgent:" names the three recommendations on its first page (default: for each issue,
# the recommendation addressing it with the shortest time frame).
#
# priorities:
#   - subdimension: "2.4"
#     evidence:                      # one or two figures that prove it (default: its weakest indicator)
#       - id: "2.4.1"
#         label: {${r.locales.map((l) => `${l}: "…"`).join(', ')}}
#   - subdimension: "…"
#   - subdimension: "…"
# urgent: [stable-funding, …]
{}
`;
}

function readme(r: SkeletonRequest): string {
  const lines = [
    `# ${r.id}: inputs of the CSI reports`,
    '',
    `Written by \`csi-report new-country ${r.id} --locales ${r.locales.join(',')}\`. Run \`csi-report check --country ${r.id}\`:`,
    'it lists everything still to write, each with its file. The build does not read this file.',
    '',
    '| file | holds |',
    '|---|---|',
    '| country.yaml | names, organisation, study period, publication date, languages, documents |',
    '| indicators.yaml | the raw value of every indicator, with unit, year and source |',
    '| sources.yaml | the country\'s own data sources |',
    '| facts/*.yaml | other numbers the narrative cites |',
    '| figures.yaml | the figures: the standard charts are listed, captions to translate |',
    '| tables.yaml | the report\'s tables |',
    '| people.yaml | the appendices\' lists of people |',
    '| bibliography.yaml | the works cited |',
    '| corrections.yaml | corrections after publication |',
    '| recommendations.yaml | the recommendations, by actor, for the report and the brief |',
    '| brief.yaml | optional: the brief\'s priority issues and most urgent actions |',
    '| narrative/<locale>/lists.yaml | strengths, weaknesses, the brief\'s key messages |',
    '',
    'The narrative, one Markdown file per part, in each language:',
    '',
  ];
  for (const document of r.documents) {
    const plan = r.plans.get(document);
    const names = [...(plan?.parts.flatMap((part) => (part.kind === 'snippet' ? [part.name] : [])) ?? [])];
    if (document === 'brief') names.push(...BRIEF_TEXTS.map(([name]) => name), 'issue-<sub-dimension id>');
    for (const locale of r.locales) lines.push(...names.map((name) => `- narrative/${locale}/${document}/${name}.md`));
  }
  if (r.documents.includes('brief')) {
    lines.push('', 'The brief\'s texts:', '', ...BRIEF_TEXTS.map(([name, what]) => `- ${name}.md: ${what}`), '- issue-<sub-dimension id>.md: the problem of each priority issue (brief.yaml), with its number');
  }
  lines.push('', 'How to write them: docs/narrative.md. Formats of the data files: docs/data-format.md.', '');
  return lines.join('\n');
}
