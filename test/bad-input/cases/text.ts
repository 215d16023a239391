import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/project.ts';
import type { BadCase, CaseProject } from '../harness.ts';

/** The line of the repository file on which `text` first appears. */
export function lineOf(path: string, text: string): number {
  const lines = readFileSync(join(repoRoot, path), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${path} has no line with ${text}`);
  return index + 1;
}

const findings = 'data/countries/testland/narrative/en/acr/findings.md';
/** The mini project's snippet has 6 lines; text appended after a blank line starts on line 8. */
const addText = (text: string) => (p: CaseProject) => p.append(findings, `\n${text}\n`);
const plan = 'templates/acr/document.yaml';
const civic = 'data/countries/kazakhstan/narrative/en/acr/part-3-1-civic-engagement.md';
const lists = 'data/countries/kazakhstan/narrative/en/lists.yaml';
const en = ['check', '--locale', 'en'];

/** Narrative snippets, list items and document plans. */
export const narrativeCases: BadCase[] = [
  { name: 'unknown helper', setup: addText('It scores {{scor "1"}}.'), at: `${findings}:8:13`, message: /"scor" is not a helper or value the narrative knows/, hint: /docs\/narrative.md/ },
  { name: 'unknown score id', setup: addText('It scores {{score "1.9"}}.'), at: `${findings}:8`, message: /"1.9" is not a dimension, sub-dimension or indicator id/, hint: /"1.4.2"/ },
  { name: 'unknown figure', setup: addText('{{figure "9.9"}}'), at: `${findings}:8`, message: /there is no figure "9.9"/, hint: /figures.yaml/ },
  { name: 'unknown table reference', setup: addText('See {{tableref "T.9"}}.'), at: `${findings}:8`, message: /there is no table "T.9"/, hint: /tables.yaml/ },
  { name: 'unknown list', setup: addText('{{list "wishes"}}'), at: `${findings}:8`, message: /there is no list "wishes"/, hint: /write data\/countries\/testland\/narrative\/en\/lists.yaml with a list "wishes"/ },
  { name: 'unknown fact', setup: addText('There were {{fact "members-2019"}}.'), at: `${findings}:8`, message: /there is no fact "members-2019"/, hint: /facts/ },
  { name: 'unclosed {{#if}} reported where it opens', setup: addText('{{#if (above "1" "2")}}\nCivic engagement leads.\n\nMore text follows.'), at: `${findings}:8`, message: /\{\{#if\}\} is not closed/, hint: /\{\{\/if\}\}/ },
  { name: 'unclosed {{#each}} reported where it opens', setup: addText('Intro.\n\n{{#each items}}\nitem'), at: `${findings}:10`, message: /\{\{#each\}\} is not closed/, hint: /\{\{\/each\}\}/ },
  { name: 'closing block that was never opened', setup: addText('Text {{/if}} more.'), at: `${findings}:8`, message: /template cannot be read|not open/, hint: /\{\{#if\}\}/ },
  { name: 'unclosed expression', setup: addText('It scores {{score "1".'), at: `${findings}:8`, message: /template cannot be read/, hint: /\{\{…\}\}/ },
  { name: 'prototype access through lookup', setup: addText('{{lookup this "__proto__"}}'), at: `${findings}:8`, message: /"__proto__" is not a value the narrative knows/, hint: /docs\/narrative.md/ },
  { name: 'constructor access through lookup', setup: addText('{{lookup this "constructor"}}'), at: `${findings}:8`, message: /"constructor" is not a value the narrative knows/, hint: /docs\/narrative.md/ },
  { name: 'undefined footnote', setup: addText('As the survey shows.[^survey-method]'), at: `${findings}:8`, message: /the footnote \[\^survey-method\] is not defined/, hint: /\[\^survey-method\]: / },
  { name: 'inline raw HTML', setup: addText('Civil society is <b>strong</b>.'), at: `${findings}:8`, message: /HTML .*<b>/, hint: /\*\*bold\*\*/ },
  { name: 'block of raw HTML', setup: addText('<div class="box">\nA boxed note.\n</div>'), at: `${findings}:8`, message: /HTML .*<div/, hint: /Markdown/ },
  { name: 'HTML comment', setup: addText('<!-- to do: check the figure -->'), at: `${findings}:8`, message: /HTML/, hint: /Markdown/ },
  { name: 'local image', setup: addText('![Map of the regions](map.png)'), at: `${findings}:8`, message: /image "map.png" cannot be printed/, hint: /figures.yaml/ },
  { name: 'remote image', setup: addText('![Logo](https://example.org/logo.png)'), at: `${findings}:8`, message: /image "https:\/\/example.org\/logo.png" cannot be printed/, hint: /figures.yaml/ },
  { name: 'unknown partial', setup: addText('{{> csi-nothing}}'), at: `${findings}:8`, message: /the generic text "csi-nothing" does not exist/, hint: /templates\/<document>\/text/ },
  { name: 'partial named by a path', setup: addText('{{> ../../../etc/passwd}}'), at: `${findings}:8`, message: /generic text .* does not exist|template cannot be read/, hint: /text|\{\{/ },
  { name: 'a word of 20,000 characters', setup: addText(`${'x'.repeat(20_000)}`), at: `${findings}:8`, message: /a word of 20000 characters/, hint: /space|hyphen/ },
  { name: 'a paragraph of 60,000 characters', setup: addText(`${'word '.repeat(12_000)}`), at: `${findings}:8`, message: /a paragraph of \d+ characters/, hint: /Split/ },
  { name: 'narrative in UTF-16', setup: (p) => p.put(findings, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(p.read(findings), 'utf16le')])), at: findings, message: /not UTF-8: it is UTF-16/, hint: /Save it as UTF-8/ },
  { name: 'narrative in Windows-1251', setup: (p) => p.put(findings, Buffer.from([0x23, 0x20, 0xc8, 0xf2, 0xee, 0xe3, 0xe8, 0x0a])), at: `${findings}:1`, message: /not UTF-8: the byte 0xC8/, hint: /Save it as UTF-8/ },
  { name: 'narrative snippet replaced by a folder', setup: (p) => p.replaceWithFolder(findings), at: findings, message: /folder, not a file|document plan names the snippet/, hint: /Put the file back|snippet/ },
  { name: 'unknown snippet in the document plan', setup: (p) => p.edit(plan, '- snippet: findings', '- snippet: finding'), at: `${plan}:6`, message: /no snippet "finding"/, hint: /findings/ },
  { name: 'unknown part in the document plan', setup: (p) => p.edit(plan, '- contents', '- contnts'), at: `${plan}:4`, message: /"contnts" is not one of the allowed values/, hint: /"contents"/ },
  { name: 'unknown people list in the document plan', setup: (p) => p.edit(plan, '- appendices', '- appendices\n  - people: advisory-board'), at: 'data/countries/testland/people.yaml', message: /no people list "advisory-board", which the report prints as an appendix \(templates\/acr\/document\.yaml:8\)/, hint: /create it with "lists:"/ },
  { name: 'document plan with a tab', setup: (p) => p.edit(plan, '  - cover', '\t- cover'), at: `${plan}:3`, message: /not valid YAML/, hint: /syntax/ },
  // In the repository's own data (English only, to keep it quick).
  { name: 'glyph error after a {{figure}} at its own line', project: 'repo', argv: en, setup: (p) => p.edit(civic, 'This sub-dimension, which scores', 'This sub-dimension ☃, which scores'), at: `${civic}:${lineOf(civic, 'This sub-dimension, which scores')}`, message: /☃/, hint: /font|character/ },
  { name: 'id error in lists.yaml at the item\'s line', project: 'repo', argv: en, setup: (p) => p.edit(lists, '{{score \\"2.5.2\\"}}', '{{score \\"2.5.9\\"}}'), at: `${lists}:${lineOf(lists, '{{score \\"2.5.2\\"}}')}`, message: /"2.5.9" is not a dimension, sub-dimension or indicator id/, hint: /framework/ },
  { name: 'unknown helper in a later line of a list item', project: 'repo', argv: en, setup: (p) => p.edit(lists, '{{score \\"2.1.1\\"}}', '{{scores \\"2.1.1\\"}}'), at: `${lists}:${lineOf(lists, '{{score \\"2.1.1\\"}}')}`, message: /"scores" is not a helper/, hint: /docs\/narrative.md/ },
  { name: 'undefined footnote in the repository narrative', project: 'repo', argv: en, setup: (p) => p.edit(civic, 'This sub-dimension, which scores', 'This sub-dimension[^nowhere], which scores'), at: `${civic}:${lineOf(civic, 'This sub-dimension, which scores')}`, message: /the footnote \[\^nowhere\] is not defined/, hint: /\[\^nowhere\]: / },
];
