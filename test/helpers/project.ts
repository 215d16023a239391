import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(repoRoot, 'test', 'fixtures');

/**
 * Copies a fixture project of test/fixtures/projects/ (`mini`, `brief`), or the repository's
 * own data (`repo`), into a fresh temporary folder.
 */
export function tempProject(from: 'mini' | 'brief' | 'repo' = 'mini'): string {
  const target = mkdtempSync(join(tmpdir(), 'csi-test-'));
  if (from !== 'repo') {
    // The generic templates are the repository's own; the fixture may override some of them.
    cpSync(join(repoRoot, 'templates'), join(target, 'templates'), { recursive: true });
    cpSync(join(fixtures, 'projects', from), target, { recursive: true, filter: (src) => !src.includes(`${join(from, 'output')}`) });
  } else {
    for (const entry of ['data', 'templates', 'pipeline.config.yaml']) cpSync(join(repoRoot, entry), join(target, entry), { recursive: true });
  }
  return target;
}

/** Writes (or overwrites) a file inside a project. */
export function put(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Reads a file of a project. */
export function read(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** Replaces one exact piece of a project file, failing loudly when it is not there. */
export function edit(root: string, path: string, from: string, to: string): void {
  const text = read(root, path);
  if (!text.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
  writeFileSync(join(root, path), text.replace(from, to));
}

/**
 * Every file under a project's output/ with its bytes, by path from the project root, to
 * compare two builds; `skip` leaves out files by name.
 */
export function outputFiles(root: string, skip: (name: string) => boolean = () => false): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!skip(name)) out.set(relative(root, path), readFileSync(path));
    }
  };
  walk(join(root, 'output'));
  return out;
}
