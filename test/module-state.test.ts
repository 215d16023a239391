import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleState } from './helpers/module-state.ts';
import { pipelineSources } from './helpers/pipeline-sources.ts';
import { repoRoot } from './helpers/project.ts';

describe('the scan for state kept in a module', () => {
  it('finds top-level let and var, containers that can be filled, and objects made when the module loads', () => {
    const source = [
      'let count = 0;',
      'var seen;',
      'const cache = new Map<string, number>();',
      'const fonts = new WeakMap<object, string>() as WeakMap<object, string>;',
      'export const known = new Set();',
      'const memory = new BuildMemory();',
      'const compiled = new (class Compiled { private readonly all = new Map(); })();',
    ].join('\n');
    expect(moduleState(source).map(({ line, name, kind }) => `${line} ${kind} ${name}`)).toEqual(['1 let count', '2 var seen', '3 container cache', '4 container fonts', '5 container known', '6 object memory', '7 object compiled']);
  });

  it("leaves alone constants, read-only sets and maps, the runtime's unchanging objects, and what functions and classes keep", () => {
    const source = [
      'const LIMIT = 10;',
      "const LETTERS: ReadonlySet<string> = new Set(['a', 'b']);",
      'const NAMES: ReadonlyMap<string, number> = new Map([["a", 1]]);',
      'function memo() { let calls = 0; const seen = new Map(); return () => seen.size + calls++; }',
      'class Table { private readonly rows = new Map<string, number>(); }',
      'export const shape = { width: 1 };',
      "const pattern = new RegExp('^a');",
      "const utf8 = new TextDecoder('utf-8');",
      "const names = new Intl.DisplayNames(['en'], { type: 'language' });",
    ].join('\n');
    expect(moduleState(source)).toEqual([]);
  });
});

describe('pipeline/', () => {
  it('keeps no build state in a module: only the bindings docs/build-state.md lists', () => {
    const found = pipelineSources().flatMap((file) => moduleState(readFileSync(file, 'utf8'), file).map((binding) => `${relative(repoRoot, file)}: ${binding.kind} ${binding.name}`));
    // Each is explained in docs/build-state.md ("What is left in modules"): a thread's own
    // state in its entry, the one hook into Vega, or something made from the code's constants
    // alone. Any other fails this test, and so does removing one without taking it off the list.
    expect(found).toEqual([
      'pipeline/build/layout-thread-jobs.ts: object memory',
      'pipeline/build/layout-thread-jobs.ts: let setup',
      'pipeline/build/layout-thread-jobs.ts: let queue',
      'pipeline/cache/version.ts: let known',
      'pipeline/chart/png-worker.mjs: let draining',
      'pipeline/chart/png-worker.mjs: let rendered',
      'pipeline/compose/markdown.ts: container parsers',
      'pipeline/format/number.ts: container formatters',
      'pipeline/input/validate.ts: object compiledSchemas',
      'pipeline/theme/vega-metrics.ts: object rendering',
    ]);
  });
});
