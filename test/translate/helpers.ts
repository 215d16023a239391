import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { readConfig } from '../../pipeline/ingest/config.ts';
import { InputReader } from '../../pipeline/input/read.ts';
import type { PipelineConfig } from '../../pipeline/ingest/types.ts';
import { fixtures } from '../helpers/project.ts';

/** Copies the translation fixture project (test/fixtures/translate/project) into a fresh temporary folder. */
export function translateProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'csi-translate-'));
  cpSync(join(fixtures, 'translate', 'project'), root, { recursive: true });
  return root;
}

/** The configuration of a project copy. */
export function configOf(root: string): PipelineConfig {
  const reader = new InputReader(root);
  const config = readConfig(reader, 'pipeline.config.yaml');
  if (!config) throw new Error(reader.issues.map((issue) => issue.message).join('\n'));
  return config;
}

/** Every file below the given folders of a project, by project-relative path, with its bytes. */
export function snapshot(root: string, folders: readonly string[] = ['data', 'templates']): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'latin1'));
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return files;
}

/** Paths whose bytes differ between two snapshots, or that exist in only one. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}
