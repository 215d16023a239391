import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runPipeline } from '../../pipeline/run.ts';
import { repoRoot } from './project.ts';

/**
 * Builds the default editions once, into a temporary copy of the project, for every test
 * that reads the PDFs. The repository's own output/ is never touched by tests.
 *
 * Every temporary folder of the run (the tests' project copies, the processes they start)
 * is made in one folder of its own, which is removed when the run ends: the test workers and
 * their child processes inherit TMPDIR.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const runDir = mkdtempSync(join(tmpdir(), 'csi-tests-'));
  // Open to every user, as the system's temporary folder is: some tests run the command as another user.
  chmodSync(runDir, 0o755);
  process.env.TMPDIR = runDir;
  const root = mkdtempSync(join(tmpdir(), 'csi-build-'));
  for (const entry of ['data', 'templates', 'pipeline.config.yaml']) cpSync(join(repoRoot, entry), join(root, entry), { recursive: true });
  await runPipeline({ root, configPath: 'pipeline.config.yaml' });
  project.provide('builtOutput', join(root, 'output'));
  return () => rmSync(runDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    builtOutput: string;
  }
}
