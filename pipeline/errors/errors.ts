/** Where in an input file something was found. Lines and columns count from 1. */
export interface SourcePlace {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line, absent when the whole file is meant. */
  line?: number;
  /** 1-based column, absent when the whole line is meant. */
  column?: number;
}

/** One problem found in the user's input. */
export interface InputIssue {
  /** Where the problem is. */
  place: SourcePlace;
  /** What is wrong, in one sentence. */
  message: string;
  /** What to do about it. */
  hint: string;
  /** Problems that only deserve attention do not stop the build. */
  severity: 'error' | 'warning';
}

/** Process exit codes the CLI uses; scripts may rely on them. */
export const ExitCode = {
  ok: 0,
  internal: 1,
  input: 2,
  render: 3,
  /** The machine refused: disk full, permission denied, read-only file system, too many open files. */
  environment: 74,
  busy: 75,
  usage: 64,
} as const;

/** The base of every error the pipeline raises on purpose. */
export class CsiError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = ExitCode.internal, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** The user's input is wrong: carries every issue found in the run, not just the first. */
export class InputError extends CsiError {
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[]) {
    super(formatIssues(issues), ExitCode.input);
    this.issues = issues;
  }
}

/** The command line was not understood. */
export class UsageError extends CsiError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/**
 * Drawing failed where the input was found valid: Vega refused a chart, resvg a picture, pdfkit
 * a page. Says what was being drawn; the published edition is left as it was.
 */
export class RenderError extends CsiError {
  constructor(what: string, cause: unknown) {
    super(`${what} could not be drawn: ${cause instanceof Error ? cause.message : String(cause)}. Nothing was published; run again with --debug to see where it failed, and report it with the input that caused it.`, ExitCode.render, { cause });
  }
}

/**
 * Runs one drawing step; a failure that is neither the input's nor the machine's (those keep
 * their own codes) becomes a `RenderError` naming `what`.
 */
export async function whileDrawing<T>(what: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const known = asEnvironmentError(error);
    throw known instanceof CsiError ? known : new RenderError(what, error);
  }
}

/** Error codes of the operating system that describe the user's environment, not a bug. */
const environmentCodes: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full: free some space and build again',
  EDQUOT: 'the disk quota is used up: free some space and build again',
  EACCES: 'permission was denied: make the path readable (and, for output, writable) by this user',
  EPERM: 'the operation is not permitted: check the path\'s owner and permissions',
  EROFS: 'the file system is read-only: choose an output folder on a writable disk',
  EMFILE: 'too many files are open: raise the limit (ulimit -n) or close other programs',
  ENFILE: 'the system has too many open files: close other programs and build again',
};

/** The operating system refused a file operation for a reason outside the pipeline. */
export class EnvironmentError extends CsiError {
  /** The system's error code, such as ENOSPC. */
  readonly code: string;
  /** The file or folder the operation was on, when the system named it. */
  readonly path: string | undefined;
  constructor(code: string, path: string | undefined, cause: unknown, note?: string) {
    super(`${path ? `${path}: ` : ''}${code}: ${environmentCodes[code] ?? 'the system refused the operation'}.${note ? ` ${note}` : ''}`, ExitCode.environment, { cause });
    this.code = code;
    this.path = path;
  }
}

/** What a caller knows about a failed operation that the system error may not say. */
export interface EnvironmentContext {
  /** What the failure left as it was, said after the advice. */
  note?: string;
  /** The file or folder being written, named when the system error names none (a failed write does not). */
  path?: string;
}

/**
 * Turns a system error about the environment into an `EnvironmentError`; anything else is
 * returned as it is.
 */
export function asEnvironmentError(error: unknown, context: EnvironmentContext = {}): unknown {
  if (error instanceof EnvironmentError) {
    const path = error.path ?? context.path;
    return (context.note && !error.message.endsWith(context.note)) || path !== error.path ? new EnvironmentError(error.code, path, error.cause, context.note) : error;
  }
  if (!(error instanceof Error) || !('code' in error)) return error;
  const code = String((error as { code: unknown }).code);
  if (!(code in environmentCodes)) return error;
  const path = 'path' in error && typeof (error as { path: unknown }).path === 'string' ? (error as { path: string }).path : context.path;
  return new EnvironmentError(code, path, error, context.note);
}

/** Formats a place the way editors and terminals link it: `file:line:column`. */
export function formatPlace(place: SourcePlace): string {
  if (place.line === undefined) return place.file;
  if (place.column === undefined) return `${place.file}:${place.line}`;
  return `${place.file}:${place.line}:${place.column}`;
}

/** Formats one issue as two lines: the place and message, then the hint. */
export function formatIssue(issue: InputIssue): string {
  const label = issue.severity === 'warning' ? 'warning' : 'error';
  return `${formatPlace(issue.place)}: ${label}: ${issue.message}\n  ${issue.hint}`;
}

/** Formats all issues of a run, errors first, in file and line order. */
export function formatIssues(issues: readonly InputIssue[]): string {
  const sorted = [...issues].sort(compareIssues);
  const errors = sorted.filter((issue) => issue.severity === 'error').length;
  const body = sorted.map(formatIssue).join('\n');
  return `${body}\n${errors} error${errors === 1 ? '' : 's'} in the input; nothing was written.`;
}

function compareIssues(a: InputIssue, b: InputIssue): number {
  return (
    a.place.file.localeCompare(b.place.file) ||
    (a.place.line ?? 0) - (b.place.line ?? 0) ||
    (a.place.column ?? 0) - (b.place.column ?? 0)
  );
}
