import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BrokenLines } from '../../pipeline/layout/broken-lines.ts';
import type { Line } from '../../pipeline/typeset/types.ts';

/** Lines that name the paragraph and the build they were broken in. */
const linesOf = (key: string, build: number) => [{ width: build, runs: [{ text: key }] }] as unknown as Line[];

describe('the table of broken lines a watcher keeps', () => {
  it('holds, after each build, what was loaded and what that build used — however many builds ran', () => {
    const keys = fc.constantFrom<string>('p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8');
    // Each build asks for some paragraphs and breaks (sets) some new ones.
    const build = fc.record({ asked: fc.uniqueArray(keys), broken: fc.uniqueArray(keys) });
    fc.assert(
      fc.property(fc.uniqueArray(keys, { maxLength: 3 }), fc.array(build, { minLength: 1, maxLength: 12 }), (loaded, builds) => {
        const table = new BrokenLines();
        table.load(Object.fromEntries(loaded.map((key) => [key, linesOf(key, -1)])));
        // What the table should give for each key: the latest lines set, else the loaded ones.
        const latest = new Map(loaded.map((key) => [key, linesOf(key, -1)]));
        builds.forEach(({ asked, broken }, n) => {
          const used = new Set<string>();
          for (const key of asked) {
            expect(table.get(key)).toEqual(latest.get(key));
            if (latest.has(key)) used.add(key);
          }
          for (const key of broken) {
            table.set(key, linesOf(key, n));
            latest.set(key, linesOf(key, n));
            used.add(key);
          }
          table.sweep();
          // Kept: the loaded lines and those this build used; made in an earlier build and unused since: gone.
          const kept = new Set([...loaded, ...used]);
          expect(table.size()).toBe(kept.size);
          const saved = table.save() as Record<string, Line[]>;
          expect(Object.keys(saved).sort()).toEqual([...kept].sort());
          for (const key of kept) expect(saved[key]).toEqual(used.has(key) ? latest.get(key) : linesOf(key, -1));
          // What this build did not use falls back to what was loaded, or to nothing.
          for (const key of [...latest.keys()]) {
            if (used.has(key)) continue;
            if (loaded.includes(key)) latest.set(key, linesOf(key, -1));
            else latest.delete(key);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("gives the main thread exactly the lines a layout thread broke, which it then keeps as its own", () => {
    const saved = { p1: linesOf('p1', -1) };
    const thread = new BrokenLines();
    thread.load(saved);
    expect(thread.get('p1')).toEqual(linesOf('p1', -1));
    thread.set('p2', linesOf('p2', 1));
    expect(thread.made()).toEqual({ p2: linesOf('p2', 1) });
    const main = new BrokenLines();
    main.load(saved);
    main.set('p3', linesOf('p3', 1));
    main.merge(structuredClone(thread.made()));
    expect(main.get('p2')).toEqual(linesOf('p2', 1));
    expect(Object.keys(main.save() as object).sort()).toEqual(['p1', 'p2', 'p3']);
    // Merged lines are this build's: a sweep keeps them, the next one (unused) forgets them.
    main.sweep();
    expect(main.size()).toBe(3);
    main.sweep();
    expect(Object.keys(main.save() as object)).toEqual(['p1']);
  });
});
