import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LatestVersions } from '../../pipeline/cache/latest-versions.ts';

interface Version {
  thing: string;
  text: string;
}

const versions = fc.array(fc.record({ thing: fc.constantFrom('a.yaml', 'b.yaml', 'c.md'), text: fc.string({ maxLength: 3 }) }), { maxLength: 30 });
const keyOf = ({ thing, text }: Version) => `${thing}|${text}`;

/** A table of versions of named things, as the YAML and Markdown tables are. */
class Versions extends LatestVersions<Version> {
  readonly name = 'versions';
  get(key: string): Version | undefined {
    return this.version(key);
  }
  keep(key: string, version: Version): void {
    this.keepVersion(key, version);
  }
  protected thingOf(version: Version): string {
    return version.thing;
  }
}

describe('latest versions of things that change between builds', () => {
  it('hold one version per thing, the last kept, and save only those', () => {
    fc.assert(
      fc.property(versions, (kept) => {
        const table = new Versions();
        for (const version of kept) table.keep(keyOf(version), version);
        const last = new Map(kept.map((version) => [version.thing, version]));
        expect(table.size()).toBe(last.size);
        for (const version of last.values()) expect(table.get(keyOf(version))).toEqual(version);
        for (const version of kept) if (last.get(version.thing) !== version && keyOf(version) !== keyOf(last.get(version.thing)!)) expect(table.get(keyOf(version))).toBeUndefined();
        expect(table.save()).toEqual(Object.fromEntries([...last.values()].map((version) => [keyOf(version), version])));
      }),
    );
  });

  it('take a saved version only of a thing they hold none of, and save only what was used', () => {
    const saved = { 'a.yaml|1': { thing: 'a.yaml', text: '1' }, 'b.yaml|1': { thing: 'b.yaml', text: '1' } };
    const table = new Versions();
    table.keep('a.yaml|2', { thing: 'a.yaml', text: '2' });
    table.load(saved);
    expect(table.get('a.yaml|1')).toBeUndefined();
    expect(table.size()).toBe(2);
    // b.yaml was loaded but not asked for: it is not saved again.
    expect(Object.keys(table.save())).toEqual(['a.yaml|2']);
    expect(table.get('b.yaml|1')).toEqual({ thing: 'b.yaml', text: '1' });
    expect(Object.keys(table.save()).sort()).toEqual(['a.yaml|2', 'b.yaml|1']);
  });
});
