import type { MemoTable } from './memo.ts';

/**
 * A memo table (memo.ts) whose entries each stand for one version of something that changes
 * from build to build — a file's text, a part of a document — kept by a key of their content,
 * one version per thing: the version a build reads or makes replaces the one before. So a
 * watcher's table does not grow with every correction, and what is saved are the versions this
 * process used, not every one it ever saw. A table of this kind extends it with its name and
 * how to tell the thing an entry is a version of.
 *
 *   class ParsedYaml extends LatestVersions<KeptYaml> {
 *     readonly name = PARSED_YAML;
 *     protected thingOf(kept: KeptYaml) { return kept.file; }
 *   }
 */
export abstract class LatestVersions<T> implements MemoTable {
  abstract readonly name: string;
  private readonly entries = new Map<string, T>();
  /** The entries this process asked for or kept: what is saved. */
  private readonly used = new Set<string>();
  /** The key of each thing's latest version. */
  private readonly latest = new Map<string, string>();

  /** What `entry` is a version of. */
  protected abstract thingOf(entry: T): string;

  /** The entry kept under `key`, which becomes the latest version of its thing. */
  protected version(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) this.keepVersion(key, entry);
    return entry;
  }

  /** Keeps `entry` under `key` as the latest version of its thing, dropping the version before. */
  protected keepVersion(key: string, entry: T): void {
    const thing = this.thingOf(entry);
    const before = this.latest.get(thing);
    if (before !== undefined && before !== key) {
      this.entries.delete(before);
      this.used.delete(before);
    }
    this.latest.set(thing, key);
    this.entries.set(key, entry);
    this.used.add(key);
  }

  /** Whether a version of `thing` is here (it may not be the latest). */
  holds(thing: string): boolean {
    return this.latest.has(thing);
  }

  size(): number {
    return this.entries.size;
  }

  /** The entries used or kept in this process, by key. */
  save(): Record<string, T> {
    return Object.fromEntries([...this.used].map((key) => [key, this.entries.get(key)!]));
  }

  clear(): void {
    this.entries.clear();
    this.used.clear();
    this.latest.clear();
  }

  /** Adds saved entries, but none of a thing of which a version is already here. */
  load(entries: unknown): void {
    for (const [key, entry] of Object.entries(entries as Record<string, T>)) {
      const thing = this.thingOf(entry);
      if (this.entries.has(key) || this.latest.has(thing)) continue;
      this.entries.set(key, entry);
      this.latest.set(thing, key);
    }
  }
}
