import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipeline/run.ts';
import { edit, put, tempProject } from '../helpers/project.ts';

/** The mini project with one chart, so the cache holds every kind of entry. */
function project(): string {
  const root = tempProject('mini');
  put(root, 'data/countries/testland/figures.yaml', 'figures:\n  - id: "1"\n    kind: subdimensions\n    dimension: "1"\n    caption: {en: "Civic Engagement sub-dimensions"}\n');
  return root;
}

/** Every published file but the change report, which depends on what was published before. */
function edition(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (!['CHANGES.md', 'changes.json'].includes(path)) out.set(path, readFileSync(join(dir, entry.name)));
    }
  };
  walk(join(root, 'output/testland'), '');
  return out;
}

/** The kinds of kept entry, by the start of their name in `.cache/`. */
const kinds: [string, string][] = [
  ['a laid-out PDF', 'layout-.*\\.pdf$'],
  ['a layout record', 'layout-.*\\.json$'],
  ['a chart SVG', 'chart-'],
  ['a chart PNG', 'png-'],
  ['the memo tables (shaped words, widths, lines, compiled templates, valid inputs)', 'memo-'],
];

/** Ways a file can be damaged; each returns the damaged bytes. */
const damages: [string, (bytes: Buffer) => Buffer][] = [
  ['truncated to half', (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2))],
  ['zero-filled', (bytes) => Buffer.alloc(bytes.length)],
  ['garbled in the middle', (bytes) => {
    const copy = Buffer.from(bytes);
    for (let i = 0; i < 32 && i < copy.length; i += 1) copy[Math.floor(copy.length / 2) + i - 16] = (i * 97 + 13) & 0xff;
    return copy;
  }],
  ['one digit changed', (bytes) => {
    // The last digit of the content: a score, a width, a glyph id, a compiled template's number.
    const copy = Buffer.from(bytes);
    for (let i = copy.length - 1; i >= 0; i -= 1) {
      if (copy[i]! >= 0x30 && copy[i]! <= 0x39) {
        copy[i] = copy[i] === 0x39 ? 0x30 : copy[i]! + 1;
        return copy;
      }
    }
    throw new Error('no digit to change');
  }],
];

describe('a damaged cache entry is never published', () => {
  let reference: Map<string, Buffer>;
  beforeAll(async () => {
    // What a build from nothing of the input makes.
    const fresh = project();
    await runPipeline({ root: fresh, configPath: 'pipeline.config.yaml', noCache: true });
    reference = edition(fresh);
  });

  const cases = kinds.flatMap(([kind, pattern]) => damages.map(([damage, apply]) => [kind, damage, pattern, apply] as const));
  it.each(cases)('%s, %s: the bytes of a build from nothing, with a notice', async (_kind, _damage, pattern, apply) => {
    const root = project();
    const build = () => {
      // As a fresh process: a build without a memory given remembers nothing, and reads everything from .cache/.
      const notices: string[] = [];
      return runPipeline({ root, configPath: 'pipeline.config.yaml', onNotice: (m) => notices.push(m) }).then((result) => ({ result, notices }));
    };
    await build();
    // Another value, so that going back needs what the first build kept.
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 41');
    await build();
    const damaged = readdirSync(join(root, '.cache')).filter((name) => new RegExp(`^${pattern}`).test(name));
    expect(damaged.length).toBeGreaterThan(0);
    for (const name of damaged) writeFileSync(join(root, '.cache', name), apply(readFileSync(join(root, '.cache', name))));
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 41', 'value: 40');
    const { result, notices } = await build();
    expect(result.written.length).toBeGreaterThan(0);
    const published = edition(root);
    expect([...published.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [path, bytes] of reference) expect(published.get(path)!.equals(bytes), path).toBe(true);
    // Each damaged entry the build needed was named, on one line, and removed.
    expect(notices.length).toBeGreaterThan(0);
    for (const line of notices) expect(line).toMatch(/^\.cache\/\S+: .+; (removed, and made again|made again|laid out again)$/);
    // The next build finds the edition intact and nothing to do.
    const again = await build();
    expect(again.result.written).toEqual([]);
    expect(again.notices).toEqual([]);
  });

  it('does not run a compiled template that was changed in the cache', async () => {
    const root = project();
    await runPipeline({ root, configPath: 'pipeline.config.yaml' });
    // Rewrite the compiled templates as someone without the digest would: valid JSON, each
    // template's code made to leave a mark when run, the entry's header kept.
    const cache = join(root, '.cache');
    const table = readdirSync(cache).find((name) => name.startsWith('memo-') && readFileSync(join(cache, name), 'utf8').includes('compiler'))!;
    const file = readFileSync(join(cache, table), 'utf8');
    const header = file.slice(0, file.indexOf('\n') + 1);
    const sources = JSON.parse(file.slice(header.length)) as Record<string, string>;
    for (const key of Object.keys(sources)) sources[key] = `(globalThis.__csiRan = true, ${sources[key]})`;
    writeFileSync(join(cache, table), header + JSON.stringify(sources));
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 41');
    const notices: string[] = [];
    await runPipeline({ root, configPath: 'pipeline.config.yaml', onNotice: (m) => notices.push(m) });
    expect((globalThis as { __csiRan?: boolean }).__csiRan).toBeUndefined();
    expect(notices).toContainEqual(expect.stringContaining(`.cache/${table}:`));
  });
});
