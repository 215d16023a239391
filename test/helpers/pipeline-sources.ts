import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './project.ts';

/** Every TypeScript and JavaScript module of pipeline/, declarations apart, sorted. */
export function pipelineSources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(m?[jt]s)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  walk(join(repoRoot, 'pipeline'));
  return files.sort();
}
