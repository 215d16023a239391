import { exportXliff } from '../../../pipeline/translate/xliff-export.ts';
import { readConfig } from '../../../pipeline/ingest/config.ts';
import { InputReader } from '../../../pipeline/input/read.ts';
import type { BadCase, CaseProject } from '../harness.ts';
import { lineOf } from './text.ts';

const theme = 'templates/theme.yaml';
const page = 'templates/page.yaml';
const bar = 'templates/charts/bar.json';
const diamond = 'templates/charts/diamond.json';
const enDocument = 'templates/locales/en/document.yaml';
const ruDocument = 'templates/locales/ru/document.yaml';
const regular = lineOf(theme, 'regular: {file:');
const margin = lineOf(page, 'margin:');
const size = lineOf(page, 'size:');
const en = ['check', '--locale', 'en'];
const face = (file: string) => (p: CaseProject) => p.edit(theme, 'file: "400Regular/SourceSans3_400Regular.ttf"', `file: "${file}"`);

/** A Russian plural of the XLIFF export with its few and many forms taken out. */
function xliffWithoutFewMany(p: CaseProject): void {
  const config = readConfig(new InputReader(p.root), 'pipeline.config.yaml')!;
  const { xml } = exportXliff(p.root, config, 'kazakhstan', 'ru');
  const start = xml.indexOf('<unit id="strings:document.people"');
  const end = xml.indexOf('</unit>', start);
  const unit = xml.slice(start, end);
  const target = /<target>[\s\S]*?<\/target>/.exec(unit)![0];
  const cut = target.replace(/ few \{[^}]*\}/, '').replace(/ many \{[^}]*\}/, '');
  if (cut === target) throw new Error('the exported plural has no few or many form');
  p.put('ru.xlf', xml.slice(0, start) + unit.replace(target, cut) + xml.slice(end));
}

/** The theme, page style, chart templates, locale files and imported translations. */
export const templateCases: BadCase[] = [
  { name: 'font path to a file of the machine', setup: face('/etc/passwd'), at: `${theme}:${regular}`, message: /the font file "\/etc\/passwd" lies outside the package/, hint: /inside the package/ },
  { name: 'font path climbing out of the package', setup: face('../../../../../etc/passwd'), at: `${theme}:${regular}`, message: /lies outside the package/, hint: /inside the package/ },
  { name: 'font path to a file that is not a font', setup: face('package.json'), at: `${theme}:${regular}`, message: /package.json is not a font file/, hint: /TTF or OTF/ },
  { name: 'font file that does not exist', setup: face('400Regular/Nothing.ttf'), at: `${theme}:${regular}`, message: /font .* file does not exist/, hint: /Create it|correct the path/ },
  { name: 'font package not installed', setup: (p) => p.edit(theme, 'package: "@expo-google-fonts/source-sans-3"', 'package: "no-such-font-package"'), at: `${theme}:${lineOf(theme, 'package:')}`, message: /the font package "no-such-font-package" is not installed/, hint: /npm install/ },
  { name: 'font package named by a path', setup: (p) => p.edit(theme, 'package: "@expo-google-fonts/source-sans-3"', 'package: "/usr/share/fonts"'), at: `${theme}:${lineOf(theme, 'package:')}`, message: /is not installed/, hint: /npm install/ },
  { name: 'font family that is not the files\' family', setup: (p) => p.edit(theme, 'family: "Source Sans 3"', 'family: "Source Sans"'), at: `${theme}:${regular}`, message: /is of the family "Source Sans 3", not "Source Sans"/, hint: /family name/ },
  { name: 'theme misspelt key', setup: (p) => p.edit(theme, 'colours:', 'colors:'), at: `${theme}:${lineOf(theme, 'colours:')}`, message: /unknown key "colors"|"colours" is missing/, hint: /colours/ },
  { name: 'margins wider than the page', setup: (p) => p.edit(page, 'margin: {top: 78, bottom: 72, left: 57, right: 57}', 'margin: {top: 78, bottom: 72, left: 400, right: 400}'), argv: ['build'], at: `${page}:${margin}`, message: /text area -204.7 pt wide, too narrow for a line/, hint: /left \+ right \(now 800 pt\)/ },
  { name: 'margins leaving a sliver of text', setup: (p) => p.edit(page, 'margin: {top: 78, bottom: 72, left: 57, right: 57}', 'margin: {top: 78, bottom: 72, left: 290, right: 290}'), argv: ['build'], at: `${page}:${margin}`, message: /15.3 pt wide, too narrow/, hint: /smaller than the page width/ },
  { name: 'margins taller than the page', setup: (p) => p.edit(page, 'margin: {top: 78, bottom: 72, left: 57, right: 57}', 'margin: {top: 500, bottom: 400, left: 57, right: 57}'), at: `${page}:${margin}`, message: /too low for the lines of a page/, hint: /top \+ bottom \(now 900 pt\)/ },
  { name: 'page of zero width', setup: (p) => p.edit(page, 'size: {width: 595.28, height: 841.89}', 'size: {width: 0, height: 841.89}'), at: `${page}:${size}`, message: /size.width is 0: the page width must be a number from 72/, hint: /A4 is width 595.28/ },
  { name: 'page size as text', setup: (p) => p.edit(page, 'size: {width: 595.28, height: 841.89}', 'size: {width: A4, height: 841.89}'), at: `${page}:${size}`, message: /size.width is "A4"/, hint: /points/ },
  { name: 'page without a size', setup: (p) => p.edit(page, 'size: {width: 595.28, height: 841.89}        # A4\n', ''), at: page, message: /size.width is missing/, hint: /points/ },
  { name: 'page a mile high', setup: (p) => p.edit(page, 'size: {width: 595.28, height: 841.89}', 'size: {width: 595.28, height: 100000}'), at: `${page}:${size}`, message: /size.height is 100000/, hint: /points/ },
  { name: 'misspelt key in the page style', setup: (p) => p.edit(page, 'paragraphGap: 7', 'paragrapGap: 7'), at: `${page}:${lineOf(page, 'paragraphGap:')}`, message: /unknown key "paragrapGap"/, hint: /Did you mean "paragraphGap"\?/ },
  { name: 'misspelt key in a page text style', setup: (p) => p.edit(page, '{face: regular,  size: body,        color: text}', '{face: regular,  size: body,        colour: text}'), at: `${page}:${lineOf(page, 'body:     {face')}`, message: /unknown key "colour"/, hint: /Did you mean "color"\?/ },
  { name: 'misspelt spacing key in the page style', setup: (p) => p.edit(page, '  itemGap: 3 ', '  itemGapp: 3 '), at: `${page}:${lineOf(page, '  itemGap: 3')}`, message: /unknown key "itemGapp"/, hint: /Did you mean "itemGap"\?/ },
  { name: 'negative figure gap', setup: (p) => p.edit(page, '  figureGap: 14 ', '  figureGap: -14 '), at: `${page}:${lineOf(page, '  figureGap: 14')}`, message: /-14 is out of range \(must be >= 0\)/ },
  { name: 'table break without its row minimum', setup: (p) => p.edit(page, 'breaking: {minTableRows: 3, ', 'breaking: {'), at: `${page}:${lineOf(page, 'breaking: {')}`, message: /"minTableRows" is missing/, hint: /Add a "minTableRows:" entry/ },
  { name: 'negative margin', setup: (p) => p.edit(page, 'left: 57,', 'left: -57,'), at: `${page}:${margin}`, message: /margin.left is -57/, hint: /points/ },
  { name: 'unknown face in a style', setup: (p) => p.edit(page, '{face: regular,  size: body,        color: text}', '{face: light,  size: body,        color: text}'), at: `${page}:${lineOf(page, 'body:     {face')}`, message: /"light" is not a face of the theme/, hint: /regular/ },
  { name: 'unknown colour in a style', setup: (p) => p.edit(page, 'size: body,        color: text}', 'size: body,        color: black}'), at: `${page}:${lineOf(page, 'body:     {face')}`, message: /"black" is not a colour of the theme/, hint: /accent/ },
  { name: 'unknown mark type in a chart template', setup: (p) => p.edit(bar, '{"mark": {"type": "bar"', '{"mark": {"type": "bars"'), at: `${bar}:${lineOf(bar, '{"mark": {"type": "bar"')}`, message: /"bars" is not a mark type/, hint: /Did you mean "bar"/ },
  { name: 'unknown Vega mark type in the diamond', setup: (p) => p.edit(diamond, '"type": "group"', '"type": "groupe"'), at: `${diamond}:${lineOf(diamond, '"type": "group"')}`, message: /"groupe" is not a mark type/, hint: /Did you mean "group"/ },
  { name: 'chart template with a JSON syntax error', setup: (p) => p.edit(bar, '"autosize": {"type": "pad"},', '"autosize": {"type": "pad"},,'), at: `${bar}:${lineOf(bar, '"autosize"')}`, message: /not valid YAML|JSON/, hint: /syntax/ },
  { name: 'chart template missing', setup: (p) => p.replaceWithFolder(bar), at: bar, message: /is a folder, not a file/, hint: /Put the file back/ },
  { name: 'unknown ICU argument in a UI string', setup: (p) => p.edit(enDocument, 'appendices: "Appendices"', 'appendices: "Appendices {count}"'), at: `${enDocument}:${lineOf(enDocument, 'appendices:')}`, message: /the string "document.appendices" cannot be formatted/, hint: /given no arguments/ },
  { name: 'misspelt ICU argument in a UI string', setup: (p) => p.edit(enDocument, 'figureCaption: "Figure {id}: {caption}"', 'figureCaption: "Figure {id}: {captoin}"'), project: 'repo', argv: en, at: `${enDocument}:${lineOf(enDocument, 'figureCaption:')}`, message: /"document.figureCaption" cannot be formatted/, hint: /\{id\}, \{caption\}/ },
  { name: 'ICU syntax error in a UI string', setup: (p) => p.edit(enDocument, 'appendices: "Appendices"', 'appendices: "Appendices {"'), at: `${enDocument}:${lineOf(enDocument, 'appendices:')}`, message: /not valid ICU MessageFormat/, hint: /braces/ },
  { name: 'UI string that is a number', setup: (p) => p.edit(enDocument, 'appendices: "Appendices"', 'appendices: 7'), at: `${enDocument}:${lineOf(enDocument, 'appendices:')}`, message: /is not a text/, hint: /quotes/ },
  { name: 'Russian plural without few and many', project: 'repo', argv: ['check', '--locale', 'ru'], setup: (p) => p.edit(ruDocument, 'people: "{count, plural, one {# человек} few {# человека} many {# человек} other {# человека}}"', 'people: "{count, plural, one {# человек} other {# человека}}"'), at: `${ruDocument}:${lineOf(ruDocument, 'people:')}`, message: /the plural of \{count\} in "document.people" has no "few", "many" form/, hint: /one \{…\} few \{…\} many \{…\} other \{…\}/ },
  { name: 'imported XLIFF with a Russian plural without few and many', project: 'repo', setup: xliffWithoutFewMany, argv: ['translations', 'import', 'ru.xlf'], at: 'ru.xlf', message: /the plural of \{count\} has no "few", "many" form/, hint: /"one", "few", "many", "other"/ },
  { name: 'a configured locale with no translation at all', project: 'repo', setup: (p) => p.edit('data/countries/kazakhstan/country.yaml', 'locales: [en, ru, kk]', 'locales: [en, ru, kk, de]'), argv: ['check', '--locale', 'de'], at: 'data/countries/kazakhstan/country.yaml:9', message: /the locale "de" has no translation yet: no UI strings \(templates\/locales\/de\/\) and no narrative/, hint: /translations export --locale de/ },
];
