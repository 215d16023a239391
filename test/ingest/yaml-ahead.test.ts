import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ParsedYaml, yamlKey } from '../../pipeline/input/parsed-yaml.ts';
import { InputReader } from '../../pipeline/input/read.ts';
import { ValidInputs } from '../../pipeline/input/valid-inputs.ts';
import { parseYamlAhead } from '../../pipeline/input/yaml-ahead.ts';
import { keptParse, parseYamlFile, type YamlFile } from '../../pipeline/input/yaml-file.ts';
import { isYamlInput, PrefetchedYaml } from '../../pipeline/input/yaml-prefetch.ts';
import type { InputIssue } from '../../pipeline/errors/errors.ts';
import { buildInputs } from '../../pipeline/build/unchanged.ts';
import { repoRoot } from '../helpers/project.ts';

const framework = 'data/frameworks/framework.yaml';
const texts: Record<string, string> = {
  'pipeline.config.yaml': 'dataDir: data\n',
  [framework]: 'dimensions:\n  - id: "1"\n    name: {en: Structure}\n    weight: 1\n',
  'data/countries/x/country.yaml': 'id: x\nname: {en: Xland}\nlocales: [en, ru]\n',
  'data/countries/x/broken.yaml': 'id: x\n  name: [unclosed\n',
  'templates/charts/bar.json': '{"mark": "bar", "width": 300}',
  'templates/notes.md': '# not YAML\n',
};

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'csi-yaml-ahead-'));
  for (const [file, text] of Object.entries(texts)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

/** What a reader learns of a parsed file: its value and where its values and keys are. */
function answers(yaml: YamlFile | undefined) {
  const paths = [[], ['dimensions'], ['dimensions', 0, 'name', 'en'], ['dimensions', '0', 'weight'], ['nothing'], ['id'], ['name', 'en'], ['mark']];
  return yaml && { value: yaml.value, places: paths.map((path) => [yaml.placeOf(path), yaml.placeOfKey(path)]) };
}

/** The YAML files a build of `country` hands the layout thread: those of its inputs' digest. */
function yamlInputs(root: string, country: string): string[] {
  return buildInputs({ root, configPath: 'pipeline.config.yaml' }, { country, outputDir: 'output', dataDir: 'data', templatesDir: 'templates' }, 'test')!.files.filter(isYamlInput);
}

/** The main thread's side and the other thread's, joined by a channel (the "thread" runs when `ahead` is called). */
function split(root: string, files: string[]) {
  const { port1, port2 } = new MessageChannel();
  const prefetched = new PrefetchedYaml(files, port1);
  return { prefetched, ahead: () => parseYamlAhead(root, files, prefetched.cells, port2) };
}

/**
 * A reader whose table of parsed files takes the parses `prefetched` receives, as a build's
 * readers do, and the files it took a parse of from the other thread.
 */
function readerTaking(root: string, prefetched: PrefetchedYaml): { reader: InputReader; taken: string[] } {
  const yaml = new ParsedYaml();
  const taken: string[] = [];
  yaml.parseAheadWith({
    take: (file, key) => {
      const kept = prefetched.take(file, key);
      if (kept) taken.push(file);
      return kept;
    },
  });
  return { reader: new InputReader(root, { memory: { yaml, valid: new ValidInputs() } }), taken };
}

describe('YAML files parsed ahead on another thread', () => {
  it('hands over the YAML and JSON files among those the input digest reads, in order, as the reader names them', () => {
    const root = project();
    expect(yamlInputs(root, 'x')).toEqual([
      'pipeline.config.yaml',
      framework,
      'data/countries/x/broken.yaml',
      'data/countries/x/country.yaml',
      'templates/charts/bar.json',
    ]);
  });

  it('gives the reader what parsing the file itself gives, value and places', () => {
    const root = project();
    const files = yamlInputs(root, 'x');
    const { prefetched, ahead } = split(root, files);
    expect(ahead()).toBe(files.length);
    const { reader, taken } = readerTaking(root, prefetched);
    const read = [framework, 'data/countries/x/country.yaml', 'templates/charts/bar.json'];
    for (const file of read) {
      expect(answers(reader.yaml(file, 'test'))).toEqual(answers(parseYamlFile(file, texts[file]!, [])));
      expect(prefetched.take(file, yamlKey(file, texts[file]!))).toEqual(keptParse(file, texts[file]!));
    }
    // Each answer came from the other thread's parse, not from parsing here.
    expect(taken).toEqual(read);
    expect(reader.issues).toEqual([]);
  });

  it('sends nothing for a file with a problem: the reader parses it and reports the problem at its place', () => {
    const root = project();
    const file = 'data/countries/x/broken.yaml';
    const { prefetched, ahead } = split(root, [file]);
    ahead();
    expect(prefetched.take(file, yamlKey(file, texts[file]!))).toBeUndefined();
    const { reader, taken } = readerTaking(root, prefetched);
    expect(reader.yaml(file, 'test')?.value).toBeUndefined();
    expect(taken).toEqual([]);
    const alone: InputIssue[] = [];
    parseYamlFile(file, texts[file]!, alone);
    expect(alone).toHaveLength(1);
    expect(alone[0]).toMatchObject({ place: { file, line: 1 }, severity: 'error' });
    expect(reader.issues).toEqual(alone);
  });

  it('uses no parse of another text of the file: one changed since the thread read it is parsed again', () => {
    const root = project();
    const { prefetched, ahead } = split(root, [framework]);
    ahead();
    const changed = texts[framework]!.replace('Structure', 'Structures');
    expect(prefetched.take(framework, yamlKey(framework, changed))).toBeUndefined();
  });

  it('parses each file on one thread: the thread leaves the files this thread came to first, and this thread takes no more once closed', () => {
    const root = project();
    const files = yamlInputs(root, 'x');
    const { prefetched, ahead } = split(root, files);
    // This thread reads the first file before the thread starts: the thread leaves it.
    expect(prefetched.take(files[0]!, yamlKey(files[0]!, texts[files[0]!]!))).toBeUndefined();
    prefetched.close();
    // Closed: every file not yet parsed is this thread's.
    expect(ahead()).toBe(0);
    expect(prefetched.take(framework, yamlKey(framework, texts[framework]!))).toBeUndefined();
  });

  it('answers for every input of the default build as the file parsed here does', () => {
    const files = yamlInputs(repoRoot, 'kazakhstan');
    expect(files.length).toBeGreaterThan(40);
    const { prefetched, ahead } = split(repoRoot, files);
    expect(ahead()).toBe(files.length);
    const { reader: withAhead, taken } = readerTaking(repoRoot, prefetched);
    const alone = new InputReader(repoRoot, { memory: { yaml: new ParsedYaml(), valid: new ValidInputs() } });
    for (const file of files) {
      const yaml = alone.yaml(file, 'test');
      expect(answers(withAhead.yaml(file, 'test')), file).toEqual(answers(yaml));
    }
    expect(withAhead.issues).toEqual(alone.issues);
    expect(taken).toEqual(files);
  });
});
