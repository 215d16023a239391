import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The pipeline's folders in the order data flows through them, lowest first. A module may
 * import modules of its own folder and of folders earlier in this list, never of a later one:
 *
 *   util, errors, format, cache (the stage cache, memo tables, digests, the version) ─ below everything
 *   input ─ reading YAML and text files with their places; theme ─ fonts, colours, page styles
 *   hyphenate, document (the composed document model), typeset (paragraphs into lines)
 *   ingest ─► score ─► chart ─► compose ─► layout ─► publish      the build's stages
 *   translate, data-io, scaffold ─ commands beside the build; build ─ the steps run.ts draws
 *   the pipeline from; run, cli, watch, batch ─ the top
 */
const layers: readonly (readonly string[])[] = [
  ['util'],
  ['errors'],
  ['format'],
  ['cache'],
  ['input'],
  ['theme'],
  ['hyphenate'],
  ['document'],
  ['typeset'],
  ['ingest'],
  ['score'],
  ['chart'],
  ['compose'],
  ['layout'],
  ['publish'],
  ['translate'],
  ['data-io'],
  ['scaffold'],
  ['build'],
  ['run.ts', 'watch.ts', 'batch.ts', 'batch-worker.ts', 'batch-thread.mjs', 'cli.ts'],
];

const root = 'pipeline';

/** The layer of a file of pipeline/: its top folder, or the file itself at the top. */
function layerOf(file: string): number {
  const top = relative(root, file).split('/')[0]!;
  const index = layers.findIndex((layer) => layer.includes(top));
  if (index < 0) throw new Error(`${file} is in no layer: add "${top}" to the layers of test/architecture/imports.test.ts`);
  return index;
}

/** Every module of pipeline/ with the pipeline modules it imports (type-only imports included). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|mjs)$/.test(f) && !f.endsWith('.d.ts'));
  for (const file of files.map((f) => join(root, f))) {
    const source = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const match of source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      targets.push(normalize(join(dirname(file), (match[1] ?? match[2] ?? match[3])!)));
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The circles of the graph: its strongly connected parts of more than one module (Tarjan). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const part: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        part.push(member);
      } while (member !== node);
      if (part.length > 1) found.push(part.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the import graph of pipeline/', () => {
  const graph = importGraph();

  it('runs one way: no module imports a later stage', () => {
    const against: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (target.startsWith(`${root}/`) && layerOf(target) > layerOf(file)) against.push(`${file} imports ${target}`);
      }
    }
    expect(against).toEqual([]);
  });

  it('has no circle of modules', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('finds what it looks for', () => {
    // The checks themselves, on a made-up graph: a later stage imported, and a circle of two.
    const made = new Map([
      ['pipeline/ingest/a.ts', ['pipeline/layout/b.ts']],
      ['pipeline/layout/b.ts', ['pipeline/ingest/a.ts']],
    ]);
    expect(layerOf('pipeline/ingest/a.ts')).toBeLessThan(layerOf('pipeline/layout/b.ts'));
    expect(circles(made)).toEqual([['pipeline/ingest/a.ts', 'pipeline/layout/b.ts']]);
  });
});
