import { Ajv, type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import type { Static, TSchema } from 'typebox';
import type { MemoTable } from '../cache/memo.ts';
import { ValidInputs } from './valid-inputs.ts';
import type { InputIssue } from '../errors/errors.ts';
import { msg, type Message } from '../errors/messages.ts';
import { closest } from '../util/text.ts';
import { issueAt, type YamlFile } from './yaml-file.ts';
import { calendarProblem } from './dates.ts';

/**
 * The schemas compiled to code. Each schema is a constant of the code, so
 * what is compiled from it is code too: made once per process, at the first file checked
 * against the schema, and the compiler itself at the first schema — a build whose every input
 * is known valid (a rebuild with nothing changed) never makes it. Not build state: no input
 * changes it.
 */
const compiledSchemas = new (class CompiledSchemas {
  private readonly compiled = new WeakMap<SchemaObject, ValidateFunction>();
  private compiler: Ajv | undefined;

  validator(schema: SchemaObject): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      if (!this.compiler) {
        // No optimising passes over the generated code: they cost 40% of compiling the schemas
        // (270 → 160 ms) and save nothing measurable on files this small; the checks and their
        // errors are the same.
        this.compiler = new Ajv({ allErrors: true, verbose: true, strict: false, code: { optimize: false } });
        // A date that has the shape YYYY-MM-DD is checked against the calendar; a wrong shape is the pattern's to report.
        this.compiler.addFormat('date', { type: 'string', validate: (text: string) => !/^\d{4}-\d{2}-\d{2}$/.test(text) || calendarProblem(text) === undefined });
      }
      validate = this.compiler.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
})();

/**
 * Checks a parsed YAML file against a JSON Schema and turns every violation into an issue
 * at the exact line and column. Returns true when the file is valid; given a TypeBox schema,
 * the file's value then has the schema's static type, so readers need no cast.
 */
export function validateYaml<T extends TSchema>(yaml: YamlFile, schema: T, issues: InputIssue[], known?: ValidInputs): yaml is YamlFile<Static<T>>;
/** The same check against a schema written as a plain JSON Schema object, whose value stays `unknown`. */
export function validateYaml(yaml: YamlFile, schema: SchemaObject, issues: InputIssue[], known?: ValidInputs): boolean;
export function validateYaml(yaml: YamlFile, typed: TSchema | SchemaObject, issues: InputIssue[], known: ValidInputs = new ValidInputs()): boolean {
  const schema = typed as SchemaObject;
  if (yaml.value === undefined) return false;
  if (yaml.value === null && schema.type === 'object') {
    issues.push(issueAt({ file: yaml.file }, msg.emptyFile((schema.required as string[] | undefined) ?? [])));
    return false;
  }
  // JSON Schema knows no NaN or infinity, and ajv lets them pass as numbers.
  const notFinite = nonFiniteNumbers(yaml.value);
  for (const path of notFinite) issues.push(issueAt(yaml.placeOf(path), msg.notFinite(numberName(yaml, path))));
  if (notFinite.length > 0) return false;
  // Validation only reads the value, so a value once found valid under a schema is valid again.
  const key = known.keyOf(schema, yaml.value);
  if (known.has(key)) return true;
  const validate = compiledSchemas.validator(schema);
  if (validate(yaml.value)) {
    known.add(key);
    return true;
  }
  for (const error of pruneErrors(validate.errors ?? [])) {
    const path = pointerToPath(error.instancePath);
    const key = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : error.propertyName;
    const place = key !== undefined ? yaml.placeOfKey([...path, key]) : yaml.placeOf(path);
    issues.push(issueAt(place, describe(error)));
  }
  return false;
}

/** Drops the noise ajv adds around `oneOf`/`anyOf` so a user sees the one real problem. */
function pruneErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const kept: ErrorObject[] = [];
  // The alternatives of an `anyOf` each report a wrong type at the same place: one message
  // names them all ("expected a text per locale or a number").
  const types = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword !== 'type') continue;
    const known = types.get(error.instancePath);
    if (known) known.params = { type: `${String(known.params.type)},${String(error.params.type)}` };
    else types.set(error.instancePath, { ...error, params: { ...error.params } });
  }
  for (const error of errors) {
    if (error.keyword === 'type') {
      const merged = types.get(error.instancePath);
      if (!merged) continue;
      types.delete(error.instancePath);
      kept.push(merged);
      continue;
    }
    if (['oneOf', 'anyOf', 'if', 'propertyNames'].includes(error.keyword)) continue;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(error);
  }
  return kept;
}

function describe(error: ErrorObject): Message {
  const parent = (error.parentSchema ?? {}) as SchemaObject;
  switch (error.keyword) {
    case 'required':
      return msg.required(String(error.params.missingProperty));
    case 'additionalProperties':
      return msg.unknownKey(String(error.params.additionalProperty), Object.keys(parent.properties ?? {}), closest(String(error.params.additionalProperty), Object.keys(parent.properties ?? {})));
    case 'type':
      return msg.wrongType(typeName(String(error.params.type)), shown(error.data));
    case 'enum':
      return msg.notOneOf((error.params.allowedValues as unknown[]).map(String), shown(error.data));
    case 'const':
      return msg.notOneOf([String(error.params.allowedValue)], shown(error.data));
    case 'pattern':
      if (error.propertyName !== undefined) return msg.badKey(error.propertyName, String(parent.description ?? `a key matching ${error.params.pattern}`));
      return msg.badPattern(shown(error.data), String(parent.description ?? `a text matching ${error.params.pattern}`));
    case 'format':
      return msg.badDate(String(error.data), calendarProblem(String(error.data)) ?? 'there is no such day');
    case 'minItems':
      return msg.tooFew(String(parent.description ?? 'this list'), Number(error.params.limit));
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return {
        message: `${shown(error.data)} is out of range (${error.message ?? ''})`,
        hint: String(parent.description ?? 'Check the number against its source.'),
      };
    default:
      return { message: error.message ?? 'invalid value', hint: String(parent.description ?? 'Check this entry against docs/data-format.md.') };
  }
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    number: 'a number',
    integer: 'a whole number',
    string: 'a text',
    object: 'a map of keys and values',
    array: 'a list',
    boolean: 'true or false',
    null: 'null (an empty cell)',
  };
  return type.split(',').map((t) => names[t] ?? t).join(' or ');
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return String(value);
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Paths of every NaN or infinite number in a value, in the order of the file. */
function nonFiniteNumbers(value: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  // One path, grown and shrunk on the way down and up: copied only for a number found.
  const path: (string | number)[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) found.push([...path]);
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i += 1) {
        path.push(i);
        visit(node[i]);
        path.pop();
      }
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        path.push(key);
        visit(child);
        path.pop();
      }
    }
  };
  visit(value);
  return found;
}

function numberName(yaml: YamlFile, path: readonly (string | number)[]): string {
  let node: unknown = yaml.value;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return Number.isNaN(node) ? 'NaN (.nan, "not a number")' : `${String(node)} (.inf)`;
}
