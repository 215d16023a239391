import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../pipeline/run.ts';
import { lockName } from '../../pipeline/util/output-names.ts';
import { watchAndBuild } from '../../pipeline/watch.ts';
import { tempProject } from '../helpers/project.ts';

async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 6000 && !test(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!test()) throw new Error(`timed out waiting for ${what}`);
}

describe('stopping a watcher', () => {
  it('while it rebuilds lets that build publish before it returns, and starts no other', async () => {
    const root = tempProject('mini');
    const built: RunResult[] = [];
    const errors: unknown[] = [];
    const stop = new AbortController();
    const watching = watchAndBuild({ root, configPath: 'pipeline.config.yaml' }, (result) => built.push(result), (error) => errors.push(error), stop.signal);
    await until(() => built.length === 1, 'the first build');
    const file = join(root, 'data/countries/testland/indicators.yaml');
    const lock = join(root, 'output', lockName('testland'));
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 40', 'value: 52'));
    // The rebuild holds the country's lock while it runs: stop the watcher then.
    await until(() => existsSync(lock), 'the rebuild to start');
    stop.abort();
    // A change made now is not built: the watcher is stopping.
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 52', 'value: 53'));
    await expect(watching).resolves.toBe(0);
    expect(errors).toEqual([]);
    expect(built).toHaveLength(2);
    expect(built[1]!.changes?.values.map((v) => [v.id, v.old, v.new])).toEqual([['1.1.1', '40.0', '52.0']]);
    expect(existsSync(lock)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(built).toHaveLength(2);
  }, 60_000);

  it('that was stopped before it started builds once and returns', async () => {
    const root = tempProject('mini');
    const built: RunResult[] = [];
    const stop = new AbortController();
    stop.abort();
    await expect(watchAndBuild({ root, configPath: 'pipeline.config.yaml' }, (result) => built.push(result), () => undefined, stop.signal)).resolves.toBe(0);
    expect(built).toHaveLength(1);
  }, 60_000);
});
