import { isMap, isScalar, isSeq, Scalar, YAMLMap, type Document, type Node, type Pair } from 'yaml';
import { FIELD_ORDER, type EntryFields } from './entries.ts';

/**
 * Writes entries into indicators.yaml through the yaml library's document, in place: a field
 * whose value did not change is not touched (its spelling, such as `40.0`, stays), changed
 * scalars keep their style and comments, new fields go where the file's order puts them, and
 * new entries follow the framework's order. Returns the ids whose entry changed.
 */
export function writeEntries(doc: Document, entries: ReadonlyMap<string, EntryFields>, order: readonly string[]): string[] {
  let values = doc.get('values', true);
  if (!isMap(values)) {
    values = new YAMLMap();
    doc.set('values', values);
  }
  const map = values as YAMLMap;
  // A new file's `values: {}` becomes a block map once it holds entries.
  if (map.flow && map.items.length === 0) map.flow = false;
  const changed: string[] = [];
  for (const [id, fields] of entries) {
    const entry = map.get(id, true);
    if (isMap(entry)) {
      if (updateEntry(doc, entry, fields)) changed.push(id);
    } else {
      insertEntry(doc, map, id, fields, order);
      changed.push(id);
    }
  }
  return changed;
}

/** Edits one entry's fields; true when anything changed. */
function updateEntry(doc: Document, entry: YAMLMap, fields: EntryFields): boolean {
  let changed = false;
  for (const field of FIELD_ORDER) {
    const wanted = fields[field];
    // The unit of parts is written on each part; an entry-level unit beside them is left as it is.
    if (field === 'unit' && fields.components) continue;
    const current = entry.get(field, true) as Node | undefined;
    if (wanted === undefined) {
      if (current !== undefined) {
        entry.delete(field);
        changed = true;
      }
      continue;
    }
    if (current !== undefined && sameValue(current.toJSON(), wanted)) continue;
    changed = true;
    if (isScalar(current) && typeof wanted !== 'object') {
      current.value = wanted;
    } else if (field === 'components' && isMap(current)) {
      setComponents(doc, current, wanted as NonNullable<EntryFields['components']>);
    } else if (current !== undefined) {
      entry.set(field, node(doc, field, wanted));
    } else {
      insertPair(entry, doc.createPair(field, node(doc, field, wanted)));
    }
  }
  return changed;
}

/** Edits parts in place, so a part written `{value: 96360, unit: usd-million}` keeps that form. */
function setComponents(doc: Document, map: YAMLMap, parts: NonNullable<EntryFields['components']>): void {
  for (const key of map.items.map((pair) => String((pair.key as Scalar).value))) if (!(key in parts)) map.delete(key);
  for (const [name, part] of Object.entries(parts)) {
    const current = map.get(name, true);
    if (!isMap(current)) {
      map.set(name, node(doc, 'part', part));
      continue;
    }
    for (const key of ['value', 'unit'] as const) {
      const scalar = current.get(key, true);
      if (isScalar(scalar)) {
        if (scalar.value !== part[key]) scalar.value = part[key];
      } else current.set(key, part[key]);
    }
  }
}

function insertEntry(doc: Document, map: YAMLMap, id: string, fields: EntryFields, order: readonly string[]): void {
  const entry = new YAMLMap();
  for (const field of FIELD_ORDER) {
    const value = fields[field];
    if (value !== undefined) entry.items.push(doc.createPair(field, node(doc, field, value)) as Pair<unknown, unknown>);
  }
  // Ids are written in quotes, as the file's own are: "1.10" must stay a text, not a number.
  const key = new Scalar(id);
  key.type = 'QUOTE_DOUBLE';
  const pair = doc.createPair(key, entry) as Pair<unknown, unknown>;
  const position = order.indexOf(id);
  const before = map.items.findIndex((item) => order.indexOf(String((item.key as Scalar).value)) > position);
  if (before < 0) map.items.push(pair);
  else map.items.splice(before, 0, pair);
}

/** Puts a new field before the first field that follows it in the file's order. */
function insertPair(entry: YAMLMap, pair: Pair<unknown, unknown>): void {
  const rank = (key: unknown) => FIELD_ORDER.indexOf(String(isScalar(key) ? key.value : key) as (typeof FIELD_ORDER)[number]);
  const mine = rank(pair.key);
  const before = entry.items.findIndex((item) => rank(item.key) > mine);
  if (before < 0) entry.items.push(pair);
  else entry.items.splice(before, 0, pair);
}

/** A ratio and the parts are written in flow style, as the file writes them. */
function node(doc: Document, field: string, value: unknown): Node {
  const created = doc.createNode(value) as Node;
  // Notes are written in quotes, as the file's own are: a note may start with any character.
  if (field === 'note' && isScalar(created)) created.type = 'QUOTE_DOUBLE';
  if (field === 'ratio' || field === 'part') (created as YAMLMap).flow = true;
  if (field === 'components' && isMap(created)) for (const item of created.items) if (isMap(item.value)) item.value.flow = true;
  if (isSeq(created) && field === 'ratio') created.flow = true;
  return created;
}

function sameValue(current: unknown, wanted: unknown): boolean {
  return canonical(current) === canonical(wanted);
}

/** JSON with object keys sorted: parts given in another order are the same parts. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  return JSON.stringify(value);
}
