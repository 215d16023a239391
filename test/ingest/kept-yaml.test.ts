import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { Memos } from '../../pipeline/cache/memo.ts';
import { fileCache } from '../../pipeline/cache/store.ts';
import { ParsedYaml } from '../../pipeline/input/parsed-yaml.ts';
import { parseKept, parseYamlFile, type YamlFile } from '../../pipeline/input/yaml-file.ts';
import { repoRoot } from '../helpers/project.ts';

type Path = (string | number)[];

/** Every path into a value, with each array index also as text (as a schema error's path gives it), and paths that lead nowhere. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix, [...prefix, 'no such key'], [...prefix, 999], [...prefix, '']];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.push(...pathsOf(item, [...prefix, index]));
      out.push([...prefix, String(index)]);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(...pathsOf(item, [...prefix, key]));
      if (/^\d+$/.test(key)) out.push([...prefix, Number(key)]);
    }
  }
  return out;
}

/** What a reader learns from a parsed file: its value and the place of every path's value and key. */
function answers(yaml: YamlFile, paths: readonly Path[]) {
  return { value: yaml.value, places: paths.map((path) => [yaml.placeOf(path), yaml.placeOfKey(path)]) };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : name.endsWith('.yaml') ? [path] : [];
  });
}

/**
 * Parses each text afresh, keeps what was parsed in a cache folder as a build does, forgets
 * it, loads it back as the next process would, and parses the texts again from what was kept.
 */
async function freshAndKept(texts: readonly (readonly [string, string])[]) {
  const first = new ParsedYaml();
  const fresh = texts.map(([file, text]) => {
    const yaml = parseKept(first, file, text, []);
    expect(answers(yaml, pathsOf(yaml.value))).toEqual(answers(parseYamlFile(file, text, []), pathsOf(yaml.value)));
    return answers(yaml, pathsOf(yaml.value));
  });
  const dir = mkdtempSync(join(tmpdir(), 'csi-kept-yaml-'));
  const cache = fileCache(dir);
  new Memos([first]).save(cache, 'test');
  await cache.flush();
  // Read from the folder by another store, as the next process reads it.
  const next = new ParsedYaml();
  new Memos([next]).load(fileCache(dir), 'test');
  expect(next.size()).toBe(first.size());
  const kept = texts.map(([file, text], i) => answers(parseKept(next, file, text, []), pathsOf(fresh[i]!.value)));
  return { fresh, kept };
}

const samples = [
  'a: 1\nb:\n  - x\n  - { y: 2, z: [3, 4] }\n',
  '2009: nine\n10: ten\ntrue: yes\nnull: nothing\n"11": quoted\n',
  'empty:\nlist:\n  -\n  - ""\nnested:\n  deeper:\n    deepest: 1\n',
  'base: &b { k: 1 }\nref: *b\nlist: [*b, 2]\n',
  'flow: [a: 1, b]\n? [complex, key]\n: value\nplain: after\n',
  '- 1\n- [2, [3, [4]]]\n- { "": empty key }\n',
  '# only a comment\n',
  '',
  'scalar at the top',
  'text: |\n  two\n  lines\nfolded: >\n  one\n  line\n',
];

describe('YAML files kept between builds', () => {
  it('give every data and template file\'s value, and the place of every value and key, as parsing it does', async () => {
    const files = [...yamlFiles(join(repoRoot, 'data')), ...yamlFiles(join(repoRoot, 'templates')), join(repoRoot, 'pipeline.config.yaml')];
    expect(files.length).toBeGreaterThan(40);
    const texts = files.map((path) => [relative(repoRoot, path), readFileSync(path, 'utf8')] as const);
    const { fresh, kept } = await freshAndKept(texts);
    texts.forEach(([file], i) => expect(kept[i], file).toEqual(fresh[i]));
  });

  it('answer as parsing does for numbers, booleans and null as keys, aliases, flow pairs, complex keys, empty values and documents', async () => {
    const { fresh, kept } = await freshAndKept(samples.map((text, i) => [`sample-${i}.yaml`, text] as const));
    samples.forEach((text, i) => expect(kept[i], text).toEqual(fresh[i]));
  });

  it('answer as parsing does for any document of JSON values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 4 }), { minLength: 1, maxLength: 3 }), fc.boolean(), async (values, flow) => {
        const texts = values.map((value, i) => [`random-${i}.yaml`, stringify(value, { collectionStyle: flow ? 'flow' : 'any' })] as const);
        const { fresh, kept } = await freshAndKept(texts);
        texts.forEach(([, text], i) => expect(kept[i], text).toEqual(fresh[i]));
      }),
      { numRuns: 40 },
    );
  });

  it('give each reader its own copy of the value', () => {
    const kept = new ParsedYaml();
    const first = parseKept(kept, 'copy.yaml', 'list: [1, 2]\n', []);
    (first.value as { list: number[] }).list.push(3);
    expect(parseKept(kept, 'copy.yaml', 'list: [1, 2]\n', []).value).toEqual({ list: [1, 2] });
  });

  it('report a broken file again at every read, with its line', () => {
    const kept = new ParsedYaml();
    for (let i = 0; i < 2; i++) {
      const issues: Parameters<typeof parseYamlFile>[2] = [];
      parseKept(kept, 'broken.yaml', 'a: 1\na: 2\n', issues);
      expect(issues).toMatchObject([{ place: { file: 'broken.yaml', line: 2 } }]);
    }
  });
});
