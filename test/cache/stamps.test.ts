import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileStamps } from '../../pipeline/cache/stamps.mjs';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The kept record, to look into and to tamper with. */
const recordOf = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { format: number; entries: Record<string, string[]> };

describe('file digests remembered with their stamps', () => {
  it('answers from the record only while the file is untouched, and reads any file written since', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-stamps-'));
    const record = join(dir, '.stamps.json');
    const file = join(dir, 'indicators.yaml');
    writeFileSync(file, 'value: 40\n');
    await sleep(250);
    const first = new FileStamps(record);
    expect(first.digest(file)).toBe(sha256('value: 40\n'));
    first.save();
    // A digest the file could not have: served from the record, so the file was not read.
    const kept = recordOf(record);
    kept.entries[file]![4] = 'f'.repeat(64);
    writeFileSync(record, JSON.stringify(kept));
    expect(new FileStamps(record).digest(file)).toBe('f'.repeat(64));
    // The same number of bytes, written right away: its change time moved, so it is read.
    writeFileSync(file, 'value: 41\n');
    const changed = statSync(file).ctimeMs;
    const after = new FileStamps(record);
    const before = Date.now();
    expect(after.digest(file)).toBe(sha256('value: 41\n'));
    const read = Date.now();
    after.save();
    // Read within 200 ms of its last change, it is too fresh to be trusted next time: its digest
    // is not recorded, and the old one is gone. (A machine that stalled past that records it.)
    if (read - changed < 200) expect(recordOf(record).entries[file]).toBeUndefined();
    else if (before - changed >= 200) expect(recordOf(record).entries[file]?.[4]).toBe(sha256('value: 41\n'));
    rmSync(file);
    expect(new FileStamps(record).digest(file)).toBeUndefined();
  });

  it('gives the digest of the bytes in the file now, whatever was written, read and kept before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-stamps-'));
    const record = join(dir, '.stamps.json');
    const file = join(dir, 'data.yaml');
    const step = fc.oneof(
      fc.record({ kind: fc.constant('write' as const), text: fc.string({ minLength: 4, maxLength: 4 }).map((s) => s.padEnd(4, 'x').slice(0, 4)) }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(0, 5, 220) }),
      fc.record({ kind: fc.constant('reopen' as const) }),
    );
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 7 }), async (steps) => {
      rmSync(record, { force: true });
      writeFileSync(file, 'init');
      let stamps = new FileStamps(record);
      for (const s of steps) {
        if (s.kind === 'write') writeFileSync(file, s.text);
        else if (s.kind === 'wait') await sleep(s.ms);
        else {
          stamps.save();
          stamps = new FileStamps(record);
        }
        expect(stamps.digest(file)).toBe(sha256(readFileSync(file)));
      }
    }), { numRuns: 12 });
  }, 60_000);

  it('keeps the stamps of the files asked about, and digests from the bytes when the record is unreadable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-stamps-'));
    const record = join(dir, '.stamps.json');
    const [a, b] = [join(dir, 'a.md'), join(dir, 'b.md')];
    writeFileSync(a, 'a');
    writeFileSync(b, 'b');
    await sleep(250);
    const both = new FileStamps(record);
    both.digest(a);
    both.digest(b);
    both.save();
    expect(Object.keys(recordOf(record).entries).sort()).toEqual([a, b]);
    const one = new FileStamps(record);
    one.digest(b);
    one.save();
    expect(Object.keys(recordOf(record).entries)).toEqual([b]);
    writeFileSync(record, '{"format": 1, "entries": ');
    expect(new FileStamps(record).digest(a)).toBe(sha256('a'));
    // Nothing kept at all without a record file.
    const none = new FileStamps(undefined);
    expect(none.digest(a)).toBe(sha256('a'));
    none.save();
  });
});
