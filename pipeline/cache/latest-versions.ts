/**
 * Entries of a memo table (memo.ts) that each stand for one version of something that changes
 * from build to build — a file's text, a part of a document — kept by a key of their content,
 * one version per thing: the version a build reads or makes replaces the one before. So a
 * watcher's table does not grow with every correction, and what is saved are the versions this
 * process used, not every one it ever saw.
 *
 *   const kept = new LatestVersions<KeptYaml>((entry) => entry.file);
 *   kept.get(key) ?? kept.keep(key, parse());
 */
export class LatestVersions<T> {
  private readonly entries = new Map<string, T>();
  /** The entries this process asked for or kept: what is saved. */
  private readonly used = new Set<string>();
  /** The key of each thing's latest version. */
  private readonly latest = new Map<string, string>();

  /** `thingOf`: what an entry is a version of. */
  constructor(private readonly thingOf: (entry: T) => string) {}

  /** The entry kept under `key`, which becomes the latest version of its thing. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) this.keep(key, entry);
    return entry;
  }

  /** Keeps `entry` under `key` as the latest version of its thing, dropping the version before. */
  keep(key: string, entry: T): void {
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
  load(entries: Readonly<Record<string, T>>): void {
    for (const [key, entry] of Object.entries(entries)) {
      const thing = this.thingOf(entry);
      if (this.entries.has(key) || this.latest.has(thing)) continue;
      this.entries.set(key, entry);
      this.latest.set(thing, key);
    }
  }
}
