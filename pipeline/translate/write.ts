import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file of the project to write: its path below the root and its new content. */
export interface ProjectFile {
  /** Project-relative path, forward slashes. */
  path: string;
  /** The whole new content. */
  text: string;
}

/**
 * Writes project files that changed, and only those, so an import that changes nothing
 * leaves every timestamp alone. Each file is written beside its target first and renamed
 * into place once all are written: a failure while writing leaves every file as it was.
 * Returns the paths written.
 */
export function writeProjectFiles(root: string, files: readonly ProjectFile[]): string[] {
  const changed = files.filter((file) => {
    const path = join(root, file.path);
    return !existsSync(path) || readFileSync(path, 'utf8') !== file.text;
  });
  const staged: { temp: string; path: string }[] = [];
  try {
    for (const file of changed) {
      const path = join(root, file.path);
      const temp = `${path}.${process.pid}.tmp`;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(temp, file.text);
      staged.push({ temp, path });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, path } of staged) renameSync(temp, path);
  return changed.map((file) => file.path);
}
