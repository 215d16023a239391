import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { InputIssue } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import { issueAt, parseYamlFile, type YamlFile } from './yaml-file.ts';

/** Reads input files below a project root and remembers every file it read. */
export class InputReader {
  readonly root: string;
  readonly issues: InputIssue[] = [];
  private readonly read = new Set<string>();

  constructor(root: string) {
    this.root = root;
  }

  /** Project-relative path with forward slashes, as messages show it. */
  rel(path: string): string {
    return relative(this.root, join(this.root, path)).split(sep).join('/');
  }

  exists(path: string): boolean {
    return existsSync(join(this.root, path));
  }

  /** Reads a text file; a missing file is an issue, and undefined is returned. */
  text(path: string, what: string): string | undefined {
    const file = this.rel(path);
    if (!this.exists(file)) {
      this.issues.push(issueAt({ file }, msg.fileMissing(what)));
      return undefined;
    }
    this.read.add(file);
    return readFileSync(join(this.root, file), 'utf8');
  }

  /** Reads and parses a YAML file with positions. */
  yaml(path: string, what: string): YamlFile | undefined {
    const text = this.text(path, what);
    if (text === undefined) return undefined;
    return parseYamlFile(this.rel(path), text, this.issues);
  }

  /** Lists the files of a folder (sorted, so every build sees the same order). */
  list(path: string, extension: string): string[] {
    if (!this.exists(path)) return [];
    return readdirSync(join(this.root, path))
      .filter((name) => name.endsWith(extension))
      .sort()
      .map((name) => this.rel(`${path}/${name}`));
  }

  /** Every file read so far, sorted. */
  files(): string[] {
    return [...this.read].sort();
  }

  hasErrors(): boolean {
    return this.issues.some((issue) => issue.severity === 'error');
  }
}
