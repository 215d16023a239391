import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BadCase } from '../harness.ts';

const config = 'pipeline.config.yaml';
/** The mini project's configuration has four lines; a key appended is on line 5. */
const withKey = (line: string) => (p: Parameters<BadCase['setup']>[0]) => p.append(config, `${line}\n`);

/** The configuration file and the command line. */
export const configCases: BadCase[] = [
  { name: 'misspelt key in the configuration', setup: withKey('outputdir: out'), at: `${config}:5:1`, message: /unknown key "outputdir"/, hint: /Did you mean "outputDir"/ },
  { name: 'configuration is not a map', setup: (p) => p.put(config, '- countries\n- locales\n'), at: `${config}:1:1`, message: /expected a map/, hint: /Write a map/ },
  { name: 'configuration is empty', setup: (p) => p.put(config, ''), at: config, message: /empty/, hint: /countries/ },
  { name: 'configuration with a YAML syntax error', setup: (p) => p.edit(config, 'locales: [en]', 'locales: [en'), at: `${config}:3`, message: /not valid YAML/, hint: /syntax/ },
  { name: 'configuration with a tab indent', setup: (p) => p.append(config, 'translation:\n\tmissing: fail\n'), at: `${config}:6`, message: /not valid YAML/, hint: /syntax/ },
  { name: 'configuration file that does not exist', setup: () => undefined, argv: ['check', '--config', 'nope.yaml'], at: 'nope.yaml', message: /configuration file does not exist/, hint: /--config/ },
  { name: 'configuration path that is a folder', setup: (p) => p.put('conf/keep', ''), argv: ['check', '--config', 'conf'], at: 'conf', message: /is a folder, not a file/, hint: /Name the configuration file/ },
  { name: 'configuration named as the data folder', setup: () => undefined, argv: ['check', '--config', 'data'], at: 'data', message: /is a folder, not a file/, hint: /Name the configuration file/ },
  { name: 'unknown country in the configuration', setup: (p) => p.edit(config, 'countries: [testland]', 'countries: [testland, atlantis]'), argv: ['check', '--country', 'atlantis'], at: `${config}:1`, message: /there is no country "atlantis"/, hint: /Known countries: "testland"/ },
  { name: 'first configured country does not exist', setup: (p) => p.edit(config, 'countries: [testland]', 'countries: [atlantis]'), at: `${config}:1`, message: /there is no country "atlantis"/, hint: /Known countries/ },
  { name: 'country id with capitals', setup: (p) => p.edit(config, 'countries: [testland]', 'countries: [Testland]'), at: `${config}:1`, message: /"Testland" is not a lower-case key/, hint: /lower-case/ },
  { name: 'country id that is a path', setup: (p) => p.edit(config, 'countries: [testland]', 'countries: [../testland]'), at: `${config}:1`, message: /"..\/testland" is not a lower-case key/, hint: /lower-case/ },
  { name: 'a path given as --country', setup: () => undefined, argv: ['check', '--country', '../countries/testland'], exit: 64, message: /--country.*"..\/countries\/testland" is not a country id/, hint: /folder name under data\/countries/ },
  { name: 'an absolute path given as --country', setup: () => undefined, argv: ['check', '--country', '/etc'], exit: 64, message: /--country.*"\/etc" is not a country id/, hint: /folder name/ },
  { name: 'unknown --locale', setup: () => undefined, argv: ['check', '--locale', 'de'], at: 'data/countries/testland/country.yaml', message: /"testland" publishes no de edition/, hint: /Its editions are en/ },
  { name: 'locale code in capitals', setup: (p) => p.edit(config, 'locales: [en]', 'locales: [EN]'), at: `${config}:2`, message: /"EN" is not a locale code/, hint: /locale code/ },
  { name: 'unknown document kind', setup: (p) => p.edit(config, 'documents: [acr]', 'documents: [acr, report]'), at: `${config}:3`, message: /"report" is not one of the allowed values/, hint: /"acr", "brief"/ },
  { name: 'unknown translation policy', setup: withKey('translation: {missing: maybe}'), at: `${config}:5`, message: /"maybe" is not one of/, hint: /"fail", "fallback"/ },
  { name: 'sourceDate that is not a date', setup: (p) => p.edit(config, 'sourceDate: "2020-01-01"', 'sourceDate: "next week"'), at: `${config}:4`, message: /"next week" is not a date written YYYY-MM-DD/, hint: /YYYY-MM-DD/ },
  { name: 'sourceDate with month 13', setup: (p) => p.edit(config, 'sourceDate: "2020-01-01"', 'sourceDate: "2011-13-45"'), at: `${config}:4`, message: /"2011-13-45" is not a date of the calendar/, hint: /YYYY-MM-DD/ },
  { name: 'sourceDate on 30 February', setup: (p) => p.edit(config, 'sourceDate: "2020-01-01"', 'sourceDate: "2011-02-30"'), at: `${config}:4`, message: /"2011-02-30" is not a date of the calendar/, hint: /February 2011 has 28 days/ },
  { name: 'sourceDate written as a YAML date', setup: (p) => p.edit(config, 'sourceDate: "2020-01-01"', 'sourceDate: 2011-02-30'), at: `${config}:4`, message: /is not a date of the calendar/, hint: /February 2011 has 28 days/ },
  { name: 'SOURCE_DATE_EPOCH that is not a number', setup: () => undefined, env: { SOURCE_DATE_EPOCH: 'yesterday' }, at: 'SOURCE_DATE_EPOCH', message: /"yesterday" is not a whole number of seconds/, hint: /date \+%s/ },
  { name: 'SOURCE_DATE_EPOCH beyond any date', setup: () => undefined, env: { SOURCE_DATE_EPOCH: '99999999999999999' }, at: 'SOURCE_DATE_EPOCH', message: /lies beyond/, hint: /date \+%s/ },
  { name: 'SOURCE_DATE_EPOCH with a fraction', setup: () => undefined, env: { SOURCE_DATE_EPOCH: '1300000000.5' }, at: 'SOURCE_DATE_EPOCH', message: /not a whole number of seconds/, hint: /date \+%s/ },
  { name: 'SOURCE_DATE_EPOCH negative', setup: () => undefined, env: { SOURCE_DATE_EPOCH: '-86400' }, at: 'SOURCE_DATE_EPOCH', message: /not a whole number of seconds/, hint: /date \+%s/ },
  { name: 'dataDir outside the project', setup: withKey('dataDir: ../elsewhere'), at: `${config}:5`, message: /"..\/elsewhere" lies outside the project/, hint: /inside the project/ },
  { name: 'templatesDir given as an absolute path elsewhere', setup: withKey('templatesDir: /etc'), at: `${config}:5`, message: /"\/etc" lies outside the project/, hint: /inside the project/ },
  { name: 'dataDir that does not exist', setup: withKey('dataDir: dat'), at: `${config}:5`, message: /the data folder "dat" does not exist/, hint: /Correct dataDir/ },
  { name: 'locales empty', setup: (p) => p.edit(config, 'locales: [en]', 'locales: []'), at: `${config}:2`, message: /needs at least 1 entry/, hint: /Add the missing entries/ },
  { name: 'configuration in UTF-16', setup: (p) => p.put(config, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(p.read(config), 'utf16le')])), at: config, message: /is not UTF-8: it is UTF-16/, hint: /Save it as UTF-8/ },
  { name: 'configuration in Latin-1', setup: (p) => p.put(config, Buffer.from('# R\xe9sum\xe9\ncountries: [testland]\nlocales: [en]\ndocuments: [acr]\n', 'latin1')), at: `${config}:1`, message: /is not UTF-8/, hint: /Save it as UTF-8/ },
];

/** Where the build may write. */
export const outputCases: BadCase[] = [
  { name: 'outputDir inside the data folder', setup: withKey('outputDir: data/countries'), argv: ['build'], at: `${config}:5`, message: /output folder "data\/countries" lies inside the data folder/, hint: /outside data\/ and templates\// },
  { name: 'outputDir is the data folder', setup: withKey('outputDir: data'), argv: ['build'], at: `${config}:5`, message: /output folder "data" lies inside the data folder/, hint: /outside/ },
  { name: 'outputDir inside the templates folder', setup: withKey('outputDir: templates/out'), argv: ['build'], at: `${config}:5`, message: /lies inside the templates folder/, hint: /outside/ },
  { name: 'outputDir is the project folder', setup: withKey('outputDir: .'), argv: ['build'], at: `${config}:5`, message: /output folder "." contains the data folder/, hint: /a folder of its own/ },
  { name: 'outputDir above the project', setup: withKey('outputDir: ../..'), argv: ['build'], at: `${config}:5`, message: /lies outside the project/, hint: /absolute path/ },
  { name: 'outputDir is the file system root', setup: withKey('outputDir: /'), argv: ['build'], at: `${config}:5`, message: /output folder "\/" contains the data folder/, hint: /a folder of its own/ },
  { name: 'outputDir a link into the data folder', setup: (p) => { symlinkSync('data/countries', join(p.root, 'published')); p.append(config, 'outputDir: published\n'); }, argv: ['build'], at: `${config}:5`, message: /output folder "published" lies inside the data folder/, hint: /outside/ },
  { name: 'outputDir names a file', setup: (p) => { p.put('notes.txt', 'mine\n'); p.append(config, 'outputDir: notes.txt\n'); }, argv: ['build'], at: `${config}:5`, message: /output folder "notes.txt" is a file/, hint: /Name a folder/ },
  { name: 'outputDir names the configuration file', setup: withKey('outputDir: pipeline.config.yaml'), argv: ['build'], at: `${config}:5`, message: /is a file/, hint: /Name a folder/ },
  { name: 'outputDir holds files the build did not write', setup: (p) => { p.put('docs/README.md', '# my notes\n'); p.append(config, 'outputDir: docs\n'); }, argv: ['build'], at: `${config}:5`, message: /output folder "docs" holds files this pipeline did not write \(README.md\)/, hint: /new or empty folder/ },
  { name: 'outputDir holds a folder named like the country', setup: (p) => { p.put('mine/testland/letter.txt', 'keep me\n'); p.append(config, 'outputDir: mine\n'); }, argv: ['build'], at: `${config}:5`, message: /holds files this pipeline did not write \(testland\)/, hint: /new or empty folder/ },
  { name: 'absolute outputDir holding foreign files', setup: (p) => { const dir = foreignFolder(); p.append(config, `outputDir: ${dir}\n`); }, argv: ['build'], at: `${config}:5`, message: /holds files this pipeline did not write \(photos\)/, hint: /new or empty folder/ },
  { name: 'outputDir a folder of the country inside the data folder, built with --all', setup: withKey('outputDir: data/countries/testland'), argv: ['build', '--all'], at: `${config}:5`, message: /lies inside the data folder/, hint: /outside/ },
  { name: 'output country folder replaced by a folder the build did not make', setup: (p) => { p.put('output/.keep', ''); replaceWithForeign(p.root); }, argv: ['build', '--no-cache'], ignore: ['output/.versions'], at: config, message: /holds "testland", a folder this pipeline did not make/, hint: /Move it away/ },
];

function foreignFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'csi-foreign-'));
  mkdirSync(join(dir, 'photos'));
  writeFileSync(join(dir, 'photos', 'holiday.jpg'), 'not really a picture');
  return dir;
}

/** A user's own folder where the build's link to the current version was. */
function replaceWithForeign(root: string): void {
  const link = join(root, 'output', 'testland');
  // The published link is replaced by a real folder with someone's files in it.
  rmSync(link, { force: true });
  mkdirSync(link);
  writeFileSync(join(link, 'draft.docx'), 'a draft');
}
