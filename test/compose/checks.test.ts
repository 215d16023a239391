import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureConsole } from '../helpers/console.ts';
import { edit, put, tempProject } from '../helpers/project.ts';

const printed = captureConsole();

describe('checks that list everything', () => {
  it('reports every missing fact in one run, each where it is written, a generic text\'s with the file that includes it', async () => {
    const root = tempProject('mini');
    put(root, 'templates/acr/text/en/rounds.md', 'The programme ran in {{fact "rounds"}} rounds\nacross {{fact "regions"}} regions, {{score "1"}} overall.\n');
    edit(root, 'data/countries/testland/narrative/en/acr/findings.md', '# Findings\n', '# Findings\n\nBefore: {{fact "before"}}.\n\n{{> rounds}}\n\nAfter: {{fact "after"}}.\n');
    expect(await main(['check'], root)).toBe(2);
    const err = printed.err.join('\n');
    const narrative = 'data/countries/testland/narrative/en/acr/findings.md';
    expect(err).toContain(`${narrative}:3:9: error: there is no fact "before"`);
    expect(err).toContain('templates/acr/text/en/rounds.md:1:22: error: there is no fact "rounds"');
    expect(err).toContain('templates/acr/text/en/rounds.md:2:8: error: there is no fact "regions"');
    expect(err).toContain(`(This generic text is included from ${narrative}:5.)`);
    expect(err).toContain(`${narrative}:7:8: error: there is no fact "after"`);
    expect(err).toContain('Define it in data/countries/testland/facts/<topic>.yaml, with value and unit.');
    expect(err).toMatch(/^4 errors in the input/m);
  });

  it('names the people.yaml to write for a missing appendix list, and says when there are no lists yet', async () => {
    const root = tempProject('mini');
    edit(root, 'templates/acr/document.yaml', '  - indicator-matrix\n', '  - indicator-matrix\n  - people: implementation-team\n  - people: advisory-committee\n');
    expect(await main(['check'], root)).toBe(2);
    const err = printed.err.join('\n');
    expect(err).toContain('data/countries/testland/people.yaml: error: there is no people list "implementation-team", which the report prints as an appendix (templates/acr/document.yaml:');
    expect(err).toContain('data/countries/testland/people.yaml does not exist yet: create it with "lists:"');
    expect(err).toContain('there is no people list "advisory-committee"');
    expect(err).not.toContain('Use one of: .');
    put(root, 'data/countries/testland/people.yaml', 'lists:\n  - id: implementation-team\n    appendix: 2\n    title: {en: "Team"}\n    groups:\n      - people:\n          - name: {en: "A. Person"}\n');
    expect(await main(['check'], root)).toBe(2);
    expect(printed.err.join('\n')).toContain('Add a list with id "advisory-committee" to data/countries/testland/people.yaml; it has "implementation-team".');
  });

  it('warns of every section that would print empty, naming the input that fills it', async () => {
    const root = tempProject('repo');
    const kz = 'data/countries/kazakhstan';
    // Without its list of acronyms (the programme's works keep the bibliography from being empty).
    const countryFile = join(root, kz, 'country.yaml');
    const text = readFileSync(countryFile, 'utf8');
    writeFileSync(countryFile, text.slice(0, text.indexOf('# List of acronyms')));
    expect(await main(['check', '--locale', 'en'], root)).toBe(0);
    const err = printed.err.join('\n');
    expect(err).toContain(`${kz}/country.yaml: warning: the report's section "List of acronyms" has nothing to print and is left out`);
  }, 120_000);

  it('names each unwritten text of the brief once, at the file to write, with its translations', async () => {
    const root = tempProject('repo');
    const kz = 'data/countries/kazakhstan';
    for (const locale of ['en', 'ru', 'kk']) {
      rmSync(join(root, kz, `narrative/${locale}/brief/method.md`));
      rmSync(join(root, kz, `narrative/${locale}/brief/issue-2.4.md`));
    }
    expect(await main(['check'], root)).toBe(2);
    const err = printed.err.join('\n');
    for (const name of ['method', 'issue-2.4']) {
      // Once for the three editions, not once per language.
      expect(err.split(`${kz}/narrative/en/brief/${name}.md: error: the brief's text "${name}" is missing`)).toHaveLength(2);
      for (const locale of ['ru', 'kk']) expect(err).toContain(`${kz}/narrative/${locale}/brief/${name}.md: error: the ${locale} translation of "brief:${name}" is missing`);
    }
    expect(err).toMatch(/^6 errors in the input/m);
  }, 120_000);
});
