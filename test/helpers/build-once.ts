import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runPipeline } from '../../pipeline/run.ts';
import { repoRoot } from './project.ts';

/**
 * Builds the default editions once, into a temporary copy of the project, for every test
 * that reads the PDFs. The repository's own output/ is never touched by tests.
 */
export default async function setup(project: TestProject): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'csi-build-'));
  for (const entry of ['data', 'templates', 'pipeline.config.yaml']) cpSync(join(repoRoot, entry), join(root, entry), { recursive: true });
  await runPipeline({ root, configPath: 'pipeline.config.yaml' });
  project.provide('builtOutput', join(root, 'output'));
}

declare module 'vitest' {
  export interface ProvidedContext {
    builtOutput: string;
  }
}
