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
  /** Its entries as bytes, for a table kept in a form of its own rather than as JSON (with `loadBytes`). */
  saveBytes?(): Uint8Array;
  /** Adds entries saved by `saveBytes`; throws on bytes that are not such a table. */
  loadBytes?(bytes: Uint8Array): void;
  /**
   * Forgets the entries this process made that no build has used since the last sweep, keeping
   * what was loaded (a table that grows with every correction a watcher builds).
   */
  sweep?(): void;
  /**
   * The entries this process made, as another thread's table adds them (`merge`); without it,
   * a thread sends its whole table (`save`) and the other `load`s it.
   */
  made?(): unknown;
  /** Adds the entries another thread made in this build (its `made`), as if made here. */
  merge?(entries: unknown): void;
}

/** What a table of one thread learned, sent to the thread that keeps the tables (`Memos.merge`). */
export interface MemoEntries {
  name: string;
  entries: unknown;
}

/**
 * The tables of remembered work of one process (or one thread), as its build memory holds
 * them, and what was loaded of each.
 */
export class Memos {
  private readonly loaded = new Map<string, number>();

  constructor(private readonly tables: readonly MemoTable[]) {}

  /**
   * Loads every table's saved entries for this pipeline version (those named in `only`, or all
   * but those it names `except`, when given), once. The store verifies each table against the
   * digest it was saved with before it is read (compiled templates among them are code); a
   * table it still cannot read is forgotten whole, as a partly loaded table could serve a
   * wrong entry.
   */
  load(cache: StageCache, version: string, notice: (message: string) => void = () => undefined, only?: readonly string[] | { except: readonly string[] }): void {
    for (const table of this.tables) {
      if (only && ('except' in only ? only.except.includes(table.name) : !only.includes(table.name))) continue;
      const key = keyOf(version, table);
      if (this.loaded.has(key)) continue;
      const bytes = cache.get(key);
      if (bytes) {
        try {
          // Read in place: a copy of a few megabytes first costs its time and its garbage.
          if (table.loadBytes) table.loadBytes(bytes);
          else table.load(JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')));
        } catch {
          table.clear();
          notice(`.cache/${key}: the kept ${table.name} could not be read; made again`);
        }
      }
      this.loaded.set(key, table.size());
    }
  }

  /**
   * Saves the tables that grew by a twentieth since they were loaded or last saved. A build
   * after a small correction adds a few words (its new numbers); writing megabytes for them
   * would cost more than shaping them again next time.
   */
  save(cache: StageCache, version: string, which = this.toSave(version)): void {
    for (const table of which) {
      cache.set(keyOf(version, table), table.saveBytes ? table.saveBytes() : JSON.stringify(table.save()));
      this.loaded.set(keyOf(version, table), table.size());
    }
  }

  /** The tables `save` would write now. */
  toSave(version: string): MemoTable[] {
    return this.tables.filter((table) => {
      const size = table.size();
      const before = this.loaded.get(keyOf(version, table)) ?? 0;
      return size !== before && (before === 0 || size - before >= before / 20);
    });
  }

  /**
   * The entries of every table that grew since it was loaded: what a layout thread worked out,
   * for the main thread to add to its own tables and keep.
   */
  grown(version: string): MemoEntries[] {
    return this.tables.filter((table) => table.size() !== (this.loaded.get(keyOf(version, table)) ?? 0)).map((table) => ({ name: table.name, entries: table.made ? table.made() : table.save() }));
  }

  /** Ends a build for every table that forgets what the builds stopped using (`MemoTable.sweep`). */
  sweep(): void {
    for (const table of this.tables) table.sweep?.();
  }

  /** Adds what another thread's tables learned (`grown`) to the tables of the same name here. */
  merge(grown: readonly MemoEntries[]): void {
    for (const { name, entries } of grown) {
      const table = this.tables.find((candidate) => candidate.name === name);
      if (table?.merge) table.merge(entries);
      else table?.load(entries);
    }
  }
}

function keyOf(version: string, table: MemoTable): string {
  return cacheKey('memo', version, table.name);
}

/** A two-level table — numbers by a key such as a face, then by text — kept under `name`. */
export function numberTable(name: string, table: Map<string, Map<string, number>>): MemoTable {
  return {
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
  };
}
