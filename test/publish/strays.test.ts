import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipeline/run.ts';
import { put, repoRoot, tempProject } from '../helpers/project.ts';

const build = (root: string) => runPipeline({ root, configPath: 'pipeline.config.yaml' });

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

/** Everything in output/ and .cache/ that is not the published edition, its lock state or a kept entry. */
function strays(root: string): string[] {
  const output = join(root, 'output');
  const current = readlinkSync(join(output, 'testland')).replace(/^\.versions\//, '');
  return [
    ...readdirSync(join(output, '.versions')).filter((name) => name !== current).map((name) => `.versions/${name}`),
    ...readdirSync(output).filter((name) => !['testland', '.versions', '.published-testland.json', '.csi-report-output'].includes(name)),
    ...readdirSync(join(root, '.cache')).filter((name) => name.startsWith('.')),
  ];
}

describe('a build removes what a killed build left', () => {
  it('after a kill at each moment of publishing, the next build leaves only the edition', async () => {
    const root = tempProject('mini');
    await build(root);
    const output = join(root, 'output');
    const current = readlinkSync(join(output, 'testland'));
    const pid = deadPid();
    // Killed while writing the new version: a partial folder.
    mkdirSync(join(output, '.versions/testland-0123456789abcdef/en'), { recursive: true });
    writeFileSync(join(output, '.versions/testland-0123456789abcdef/en/acr.pdf'), '%PDF-1.7\n');
    // Killed just after the link was swapped: the whole old edition.
    cpSync(join(output, current), join(output, '.versions/testland-fedcba9876543210'), { recursive: true });
    // Killed between making the new link and renaming it into place.
    symlinkSync(current, join(output, `testland.swap-${pid}`));
    // Killed while taking the lock, and while taking over a stale one.
    writeFileSync(join(output, `.build-testland.lock.${pid}.0.1a2b3c4d.tmp`), '{}');
    writeFileSync(join(output, `.build-testland.lock.${pid}.0.5e6f7a8b.stale`), '{}');
    // Killed while keeping a cache entry.
    writeFileSync(join(root, `.cache/.layout-0123.${pid}.0.7`), 'half');
    expect(strays(root)).toHaveLength(6);
    // The next build — here one with nothing to rebuild — clears them all.
    const notices: string[] = [];
    const again = await runPipeline({ root, configPath: 'pipeline.config.yaml', onNotice: (m) => notices.push(m) });
    expect(again.written).toEqual([]);
    expect(strays(root)).toEqual([]);
    expect(notices.join('\n')).toContain('.versions/testland-fedcba9876543210');
    expect(readlinkSync(join(output, 'testland'))).toBe(current);
  });

  it('leaves the strays of a build that still runs, and other countries\' editions', async () => {
    const root = tempProject('mini');
    await build(root);
    const output = join(root, 'output');
    // The parent process runs: its temporary link is not a stray.
    symlinkSync('.versions/x', join(output, `testland.swap-${process.ppid}`));
    mkdirSync(join(output, '.versions/otherland-0123456789abcdef'), { recursive: true });
    mkdirSync(join(output, '.versions/testland-north-0123456789abcdef'), { recursive: true });
    put(root, 'data/countries/testland/indicators.yaml', `${(await import('node:fs')).readFileSync(join(root, 'data/countries/testland/indicators.yaml'), 'utf8')}\n`);
    await build(root);
    expect(readdirSync(output)).toContain(`testland.swap-${process.ppid}`);
    expect(existsSync(join(output, '.versions/otherland-0123456789abcdef'))).toBe(true);
    expect(existsSync(join(output, '.versions/testland-north-0123456789abcdef'))).toBe(true);
  });

  it('a first build killed midway leaves a folder the next build removes', async () => {
    const root = tempProject('mini');
    mkdirSync(join(root, 'output/.versions/testland-00000000000000ff'), { recursive: true });
    await build(root);
    expect(strays(root)).toEqual([]);
  });

  it('the csi-report command removes bundle folders a killed start left', () => {
    const stray = join(repoRoot, 'node_modules/.cache/csi-report', `0123456789abcdef.${deadPid()}.tmp`);
    mkdirSync(stray, { recursive: true });
    writeFileSync(join(stray, 'cli.mjs'), '');
    const result = spawnSync(process.execPath, [join(repoRoot, 'bin/csi-report.js'), '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(existsSync(stray)).toBe(false);
  });
});
