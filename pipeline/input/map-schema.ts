import { Type, type Static, type TSchema, type TUnsafe } from 'typebox';

/** A key pattern of a map, with the words an error message quotes when a key does not match it. */
export interface KeyPattern {
  /** The regular expression every key must match. */
  pattern: string;
  /** What such a key looks like, e.g. `a locale code like "en"`. */
  description: string;
}

/** How a map's keys and size are checked. */
export interface MapOptions {
  /** What the map holds, quoted by error messages. */
  description?: string;
  /** The pattern of its keys; any key when absent. */
  propertyNames?: KeyPattern;
  /** The fewest entries it may have. */
  minProperties?: number;
}

/**
 * A map whose keys are data (ids, locale codes, category keys) rather than field names: its
 * keys are checked by pattern, its values by `value`. The one kind of object a file may hold
 * without `additionalProperties: false`, since no list of keys could be complete.
 */
export function map<V extends TSchema>(value: V, options: MapOptions = {}): TUnsafe<Record<string, Static<V>>> {
  return Type.Unsafe<Record<string, Static<V>>>({ type: 'object', ...options, additionalProperties: value });
}
