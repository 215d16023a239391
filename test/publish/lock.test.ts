import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireBuildLock } from '../../pipeline/publish/lock.ts';
import { runPipeline } from '../../pipeline/run.ts';
import { edit, put, repoRoot, tempProject } from '../helpers/project.ts';

const command = join(repoRoot, 'bin', 'csi-report.js');
const changesOf = (root: string) => JSON.parse(readFileSync(join(root, 'output/testland/changes.json'), 'utf8')) as { values: { id: string; old: string; new: string }[] };

/** Runs the csi-report command; resolves with its exit code and what it printed. */
function start(root: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', command, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the build lock spans the whole build of a country', () => {
  it('two builds started together in two processes publish one edition whose change report has the correction', async () => {
    const root = tempProject('mini');
    expect((await start(root, 'build')).status).toBe(0);
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 46');
    const [a, b] = await Promise.all([start(root, 'build'), start(root, 'build')]);
    expect([a.status, b.status]).toEqual([0, 0]);
    // One published the correction; the other, which waited for it (saying so) when they
    // overlapped, then found it published and had nothing to do.
    const published = [a, b].filter((run) => run.stdout.includes('value 1.1.1: 40.0 → 46.0'));
    const after = [a, b].filter((run) => run.stdout.includes('no change since the previous build'));
    expect([published.length, after.length]).toEqual([1, 1]);
    expect(published[0]!.stderr).not.toContain('waiting');
    for (const run of [a, b].filter((r) => r.stderr.includes('waiting'))) expect(run).toBe(after[0]);
    expect(changesOf(root).values).toEqual([expect.objectContaining({ id: '1.1.1', old: '40.0', new: '46.0' })]);
    expect(readFileSync(join(root, 'output/testland/CHANGES.md'), 'utf8')).toContain('| 1.1.1 | 40.0 | 46.0 |');
    expect(readdirSync(join(root, 'output')).filter((name) => name.includes('.lock'))).toEqual([]);
    expect(readdirSync(join(root, 'output/.versions'))).toHaveLength(1);
  });

  it('two builds of one process wait for each other too', async () => {
    const root = tempProject('mini');
    await runPipeline({ root, configPath: 'pipeline.config.yaml' });
    edit(root, 'data/countries/testland/indicators.yaml', 'value: 40', 'value: 46');
    const notices: string[] = [];
    const request = { root, configPath: 'pipeline.config.yaml', onNotice: (m: string) => notices.push(m) };
    const [first, second] = await Promise.all([runPipeline(request), runPipeline(request)]);
    expect(notices).toEqual(['waiting for another build of testland (this process) to finish… (--no-wait stops instead)']);
    expect(first.changes?.values).toEqual([expect.objectContaining({ id: '1.1.1', new: '46.0' })]);
    expect(second.written).toEqual([]);
    expect(changesOf(root).values).toEqual([expect.objectContaining({ id: '1.1.1', old: '40.0', new: '46.0' })]);
  });

  it('a build waits while the lock is held and goes on when it is given back', async () => {
    const root = tempProject('mini');
    const held = await acquireBuildLock(join(root, 'output'), 'testland');
    const notices: string[] = [];
    const build = runPipeline({ root, configPath: 'pipeline.config.yaml', onNotice: (m) => notices.push(m) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(join(root, 'output/testland'))).toBe(false);
    held.release();
    expect((await build).written.length).toBeGreaterThan(0);
    expect(notices[0]).toMatch(/^waiting for another build of testland/);
  });

  it('with wait off, a held lock is refused at once (exit 75), even when the holder is this process', async () => {
    const root = tempProject('mini');
    const held = await acquireBuildLock(join(root, 'output'), 'testland');
    await expect(runPipeline({ root, configPath: 'pipeline.config.yaml', wait: false })).rejects.toMatchObject({ exitCode: 75, message: expect.stringContaining('another build of testland (this process)') });
    held.release();
    expect(existsSync(held.file)).toBe(false);
  });

  it('takes over a lock whose process id now belongs to a process started at another time', async () => {
    const root = tempProject('mini');
    // This process's id, but another start time: the holder died and the id was reused.
    put(root, 'output/.build-testland.lock', JSON.stringify({ pid: process.pid, started: '1', thread: 0, token: 'gone' }));
    const result = await runPipeline({ root, configPath: 'pipeline.config.yaml', wait: false });
    expect(result.written.length).toBeGreaterThan(0);
    expect(existsSync(join(root, 'output/.build-testland.lock'))).toBe(false);
  });

  it('takes over an empty lock file, which no build of this version leaves', async () => {
    const root = tempProject('mini');
    put(root, 'output/.build-testland.lock', '');
    expect((await runPipeline({ root, configPath: 'pipeline.config.yaml', wait: false })).written.length).toBeGreaterThan(0);
  });

  it('release gives back only its own lock', async () => {
    const root = tempProject('mini');
    const first = await acquireBuildLock(join(root, 'output'), 'testland');
    // Someone removes it by hand and another build takes it: the first build's release must not remove theirs.
    put(root, 'output/.build-testland.lock', '');
    const { rmSync } = await import('node:fs');
    rmSync(first.file);
    const second = await acquireBuildLock(join(root, 'output'), 'testland', { wait: false });
    first.release();
    expect(existsSync(second.file)).toBe(true);
    second.release();
    expect(existsSync(second.file)).toBe(false);
  });
});
