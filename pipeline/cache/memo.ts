import { cacheKey, type StageCache } from './key.ts';

/**
 * Work a process remembers between documents and builds — shaped words, measured widths,
 * compiled templates — kept in the stage cache between processes too, so that a fresh
 * `csi-report build` after a one-value correction starts with what the last build learned.
 * Each table is a pure function of its keys (a font's content, a text) and is stored under
 * the pipeline's version, so what is loaded is exactly what would be computed again.
 */
export interface MemoTable {
  /** Its name in the cache. */
  name: string;
  /** Entries it holds now: a table is saved only when it grew. */
  size(): number;
  /** Its entries, as JSON. */
  save(): unknown;
  /** Adds saved entries. */
  load(entries: unknown): void;
  /** Forgets every entry. */
  clear(): void;
}

const tables: MemoTable[] = [];
const loaded = new Map<string, number>();

/** Makes a table part of what is loaded and saved; done once by the module that owns it. */
export function registerMemo(table: MemoTable): void {
  if (!tables.some((t) => t.name === table.name)) tables.push(table);
}

function keyOf(version: string, table: MemoTable): string {
  return cacheKey('memo', version, table.name);
}

/**
 * Forgets everything the tables hold and that they were loaded, and runs `also` (other
 * caches of computed results): a benchmark's runs in one process then start from nothing.
 */
export function forgetMemos(): void {
  for (const table of tables) table.clear();
  loaded.clear();
  for (const forget of alsoForget) forget();
}

const alsoForget: (() => void)[] = [];

/** Registers a cache that is not saved but that `forgetMemos` must empty too. */
export function forgetWithMemos(forget: () => void): void {
  alsoForget.push(forget);
}

/**
 * Loads every table's saved entries for this pipeline version (those named in `only`, when
 * given), once per process. The store
 * verifies each table against the digest it was saved with before it is read (compiled
 * templates among them are code); a table it still cannot read is forgotten whole, as a
 * partly loaded table could serve a wrong entry.
 */
export function loadMemos(cache: StageCache, version: string, notice: (message: string) => void = () => undefined, only?: readonly string[]): void {
  for (const table of tables) {
    if (only && !only.includes(table.name)) continue;
    const key = keyOf(version, table);
    if (loaded.has(key)) continue;
    const bytes = cache.get(key);
    if (bytes) {
      try {
        table.load(JSON.parse(Buffer.from(bytes).toString('utf8')));
      } catch {
        table.clear();
        notice(`.cache/${key}: the kept ${table.name} could not be read; made again`);
      }
    }
    loaded.set(key, table.size());
  }
}

/**
 * Saves the tables that grew by a twentieth since they were loaded or last saved. A build
 * after a small correction adds a few words (its new numbers); writing megabytes for them
 * would cost more than shaping them again next time.
 */
export function saveMemos(cache: StageCache, version: string, which = memosToSave(version)): void {
  for (const table of which) {
    cache.set(keyOf(version, table), JSON.stringify(table.save()));
    loaded.set(keyOf(version, table), table.size());
  }
}

/** What a table of one thread learned, sent to the thread that keeps the tables (`mergeMemos`). */
export interface MemoEntries {
  name: string;
  entries: unknown;
}

/**
 * The entries of every table that grew since it was loaded: what a layout thread worked out,
 * for the main thread to add to its own tables and keep.
 */
export function grownMemos(version: string): MemoEntries[] {
  return tables.filter((table) => table.size() !== (loaded.get(keyOf(version, table)) ?? 0)).map((table) => ({ name: table.name, entries: table.save() }));
}

/** Adds what another thread's tables learned (`grownMemos`) to the tables of the same name here. */
export function mergeMemos(grown: readonly MemoEntries[]): void {
  for (const { name, entries } of grown) tables.find((table) => table.name === name)?.load(entries);
}

/** The tables `saveMemos` would write now. */
export function memosToSave(version: string): MemoTable[] {
  return tables.filter((table) => {
    const size = table.size();
    const before = loaded.get(keyOf(version, table)) ?? 0;
    return size !== before && (before === 0 || size - before >= before / 20);
  });
}

/** Registers a two-level table — numbers by a key such as a face, then by text — under `name`. */
export function registerNumberTable(name: string, table: Map<string, Map<string, number>>): void {
  registerMemo({
    name,
    size: () => [...table.values()].reduce((count, inner) => count + inner.size, 0),
    save: () => Object.fromEntries([...table].map(([key, inner]) => [key, Object.fromEntries(inner)])),
    load: (entries) => {
      for (const [key, saved] of Object.entries(entries as Record<string, Record<string, number>>)) {
        const inner = table.get(key) ?? new Map<string, number>();
        table.set(key, inner);
        for (const [text, value] of Object.entries(saved)) if (!inner.has(text)) inner.set(text, value);
      }
    },
    clear: () => table.clear(),
  });
}
