import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseProject, copyProject, runCli, type CaseProject } from './harness.ts';

/** Every YAML and Markdown file of a project's data and templates, and the configuration. */
function textFiles(root: string): string[] {
  const found: string[] = ['pipeline.config.yaml'];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel))) {
      const path = `${rel}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.(ya?ml|md)$/.test(name)) found.push(path);
    }
  };
  walk('data');
  walk('templates');
  return found;
}

function rewriteAll(p: CaseProject, change: (text: string, path: string) => string): void {
  for (const path of textFiles(p.root)) writeFileSync(join(p.root, path), change(readFileSync(join(p.root, path), 'utf8'), path));
}

/** Builds a copy of the small project after `change` and returns its PDF. */
async function pdfAfter(change: (p: CaseProject) => void): Promise<Buffer> {
  const project = copyProject(await baseProject('mini'));
  change(project);
  const run = await runCli(['build', '--no-cache'], project.root);
  expect(run.exit, run.err).toBe(0);
  expect(run.err).toBe('');
  return readFileSync(join(project.root, 'output', 'testland', 'en', 'acr.pdf'));
}

/**
 * Input that is unusual but valid gives exactly the PDF of the usual input: line ends, a
 * byte order mark, comments, the order of keys and how a number is written are not content.
 */
describe('valid but unusual input gives the same PDF', () => {
  let usual: Buffer;
  beforeAll(async () => {
    usual = await pdfAfter(() => undefined);
  });

  it('Windows line ends (CRLF) in every file', async () => {
    expect((await pdfAfter((p) => rewriteAll(p, (text) => text.replace(/\r?\n/g, '\r\n')))).equals(usual)).toBe(true);
  });

  it('a UTF-8 byte order mark at the start of every file', async () => {
    expect((await pdfAfter((p) => rewriteAll(p, (text) => `\ufeff${text}`))).equals(usual)).toBe(true);
  });

  it('comments above and after every entry of the YAML files', async () => {
    const commented = (text: string, path: string) => (path.endsWith('.md') ? text : `# A comment first.\n${text.replace(/\n(?=\S)/g, '\n# A comment between entries.\n')}\n# A comment last.\n`);
    expect((await pdfAfter((p) => rewriteAll(p, commented))).equals(usual)).toBe(true);
  });

  it('keys in another order', async () => {
    const pdf = await pdfAfter((p) => {
      p.edit('data/countries/testland/country.yaml', /^id: testland\nframework: mini\n([\s\S]*)$/, '$1framework: mini\nid: testland\n');
      p.edit('data/countries/testland/indicators.yaml', '    value: 40\n    unit: percent\n    year: 2019\n    source: survey\n', '    source: survey\n    year: 2019\n    unit: percent\n    value: 40\n');
      p.edit('pipeline.config.yaml', /^countries: \[testland\]\n([\s\S]*)$/, '$1countries: [testland]\n');
    });
    expect(pdf.equals(usual)).toBe(true);
  });

  it('a number written with trailing zeros, quoted keys and flow style', async () => {
    const pdf = await pdfAfter((p) => {
      p.edit('data/countries/testland/indicators.yaml', 'value: 40', 'value: 40.00');
      p.edit('data/countries/testland/indicators.yaml', 'value: 3.5', 'value: 3.50');
      p.edit('data/countries/testland/sources.yaml', 'survey:\n  kind: population-survey\n  title: {en: Testland population survey}\n  year: 2019\n', '"survey": {kind: "population-survey", title: {"en": "Testland population survey"}, year: 2019}\n');
    });
    expect(pdf.equals(usual)).toBe(true);
  });

  it('a byte order mark before a first heading keeps the heading in the contents', async () => {
    const pdf = await pdfAfter((p) => p.put('data/countries/testland/narrative/en/acr/findings.md', `\ufeff${p.read('data/countries/testland/narrative/en/acr/findings.md')}`));
    expect(pdf.equals(usual)).toBe(true);
  });
});
