import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocaleStrings } from '../../pipeline/ingest/strings.ts';
import { ParsedYaml } from '../../pipeline/input/parsed-yaml.ts';
import { InputReader, type InputMemory } from '../../pipeline/input/read.ts';
import { ValidInputs } from '../../pipeline/input/valid-inputs.ts';

/** A project with one locale file, `templates/locales/<locale>/chart.yaml`, holding `text`. */
function project(locale: string, text: string): { root: string; write: (text: string) => void } {
  const root = mkdtempSync(join(tmpdir(), 'csi-strings-'));
  const folder = join(root, 'templates', 'locales', locale);
  mkdirSync(folder, { recursive: true });
  const write = (yaml: string) => writeFileSync(join(folder, 'chart.yaml'), yaml);
  write(text);
  return { root, write };
}

/** Reads the locale's strings as a build does, with the build's memory of its inputs. */
function read(root: string, locale: string, memory: InputMemory) {
  const reader = new InputReader(root, { memory });
  const strings = readLocaleStrings(reader, 'templates', locale);
  return { entries: Object.fromEntries([...strings.entries].map(([key, entry]) => [key, [entry.text, entry.place.line]])), issues: reader.issues.map((issue) => issue.message) };
}

describe('locale strings read again with the memory of an earlier build', () => {
  it('give the same strings, and every error of a file changed since', () => {
    const valid = "title: Scores by dimension\ncount: '{n, plural, one {# indicator} other {# indicators}}'\n";
    const { root, write } = project('en', valid);
    const memory: InputMemory = { yaml: new ParsedYaml(), valid: new ValidInputs() };
    const first = read(root, 'en', memory);
    expect(first.issues).toEqual([]);
    expect(first.entries).toEqual({ 'chart.title': ['Scores by dimension', 1], 'chart.count': ['{n, plural, one {# indicator} other {# indicators}}', 2] });
    // The same file again: known valid, the same strings at the same lines.
    expect(read(root, 'en', memory)).toEqual(first);
    // Broken after a good build: the error is reported, with the memory of the good build.
    write("title: Scores by dimension\ncount: '{n, plural, one {# indicator}'\n");
    const broken = read(root, 'en', memory);
    expect(broken.issues).toEqual([expect.stringMatching(/the string "chart.count" is not valid ICU MessageFormat/)]);
    expect(Object.keys(broken.entries)).toEqual(['chart.title']);
    // Mended: as the first time.
    write(valid);
    expect(read(root, 'en', memory)).toEqual(first);
  });

  it('report a missing plural form at every build, never taking the file as checked', () => {
    const { root } = project('ru', "count: '{n, plural, one {# показатель} other {# показателя}}'\n");
    const memory: InputMemory = { yaml: new ParsedYaml(), valid: new ValidInputs() };
    for (let build = 0; build < 2; build++) {
      const { issues } = read(root, 'ru', memory);
      expect(issues).toEqual([expect.stringMatching(/the plural of \{n\} in "chart.count" has no "few", "many" form/)]);
    }
  });
});
