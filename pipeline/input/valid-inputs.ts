/**
 * The table of inputs known valid (memo.ts). Its own module, without the schema compiler
 * (validate.ts), so that a build with nothing changed, which validates nothing, does not load
 * the compiler to make its memory.
 */
import type { SchemaObject } from 'ajv';
import type { MemoTable } from '../cache/memo.ts';
import { digest } from '../util/digest.ts';

/** The name of the table of inputs known valid. */
export const VALID_INPUTS = 'valid-inputs';

/**
 * The digests of check and value of every file found valid, kept between builds too (memo.ts):
 * an unchanged file is not validated again, and its schema need not even be compiled. A check
 * is a schema, by its digest, or one the code makes itself, by its name (`checkKey`).
 */
export class ValidInputs implements MemoTable {
  readonly name = VALID_INPUTS;
  private readonly valid = new Set<string>();
  /** The digest of each schema asked about, worked out once for the schema object. */
  private readonly schemaDigests = new WeakMap<SchemaObject, string>();

  /** The key under which `value` is known valid against `schema`. */
  keyOf(schema: SchemaObject, value: unknown): string {
    let check = this.schemaDigests.get(schema);
    if (check === undefined) {
      check = digest(JSON.stringify(schema));
      this.schemaDigests.set(schema, check);
    }
    return this.checkKey(check, value);
  }

  /** The key under which `value` is known to pass the check `check` names (a schema's digest, or a check of the code's own). */
  checkKey(check: string, value: unknown): string {
    return `${check}|${digest(JSON.stringify(value))}`;
  }

  has(key: string): boolean {
    return this.valid.has(key);
  }

  add(key: string): void {
    this.valid.add(key);
  }

  size(): number {
    return this.valid.size;
  }

  save(): unknown {
    return [...this.valid];
  }

  clear(): void {
    this.valid.clear();
  }

  load(entries: unknown): void {
    for (const entry of entries as string[]) this.valid.add(entry);
  }
}

