import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { asEnvironmentError, type InputIssue } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import { decodeText } from './decode.ts';
import type { ParsedYaml } from './parsed-yaml.ts';
import { ValidInputs } from './valid-inputs.ts';
import { issueAt, parseKept, parseYamlFile, type YamlFile } from './yaml-file.ts';

/** What readers of one build remember of their inputs (the build's memory holds it). */
export interface InputMemory {
  /** YAML files parsed before, by path and text. */
  yaml: ParsedYaml;
  /** Inputs known valid, and the compiled schemas. */
  valid: ValidInputs;
}

/** Reads input files below a project root and remembers every file it read. */
export class InputReader {
  readonly root: string;
  readonly issues: InputIssue[] = [];
  private readonly read = new Set<string>();
  /** Parsed YAML files by path, shared by the build's readers (`parsed`). */
  private readonly parsed?: Map<string, YamlFile | undefined>;
  /** YAML files parsed by earlier readers or builds, when the build's memory is given. */
  private readonly kept?: ParsedYaml;
  /** Inputs known valid and compiled schemas: the build's, or this reader's own. */
  readonly valid: ValidInputs;

  /**
   * `parsed`: a table of parsed files shared by the readers of one build (the ingest and the
   * translation policy, which goes over the same data files once per language): a YAML file
   * asked for again is the one parsed the first time. `memory`: what the build remembers of its
   * inputs, from this process and earlier builds (with the parses another thread makes for the
   * build under way, `ParsedYaml.find`).
   */
  constructor(root: string, options: { parsed?: Map<string, YamlFile | undefined>; memory?: InputMemory } = {}) {
    this.root = root;
    this.kept = options.memory?.yaml;
    this.valid = options.memory?.valid ?? new ValidInputs();
    this.parsed = options.parsed;
  }

  /** Project-relative path with forward slashes, as messages show it. */
  rel(path: string): string {
    return relative(this.root, join(this.root, path)).split(sep).join('/');
  }

  exists(path: string): boolean {
    return existsSync(join(this.root, path));
  }

  /**
   * Reads a text file as UTF-8 (a byte order mark is dropped). A missing file, a folder in its
   * place or another encoding is an issue, and undefined is returned; a file the system will
   * not let us read is an `EnvironmentError`.
   */
  text(path: string, what: string): string | undefined {
    const file = this.rel(path);
    if (!this.exists(file)) {
      this.issues.push(issueAt({ file }, msg.fileMissing(what)));
      return undefined;
    }
    const full = join(this.root, file);
    if (statSync(full).isDirectory()) {
      this.issues.push(issueAt({ file }, msg.folderNotFile(what)));
      return undefined;
    }
    this.read.add(file);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(full);
    } catch (error) {
      throw asEnvironmentError(error);
    }
    const decoded = decodeText(bytes);
    if ('problem' in decoded) {
      this.issues.push(issueAt({ file, line: decoded.line }, decoded.problem));
      return undefined;
    }
    return decoded.text;
  }

  /** Reads and parses a YAML file with positions. */
  yaml(path: string, what: string): YamlFile | undefined {
    const file = this.rel(path);
    if (this.parsed?.has(file)) {
      this.read.add(file);
      return this.parsed.get(file);
    }
    const text = this.text(path, what);
    const yaml = text === undefined ? undefined : this.kept ? parseKept(this.kept, file, text, this.issues) : parseYamlFile(file, text, this.issues);
    this.parsed?.set(file, yaml);
    return yaml;
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
