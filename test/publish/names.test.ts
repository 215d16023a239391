import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lockName, parseBuildFile, publishedStateName, swapName, temporaryName } from '../../pipeline/util/output-names.ts';

// The stray sweep and the output-folder check read back the names builds write: every name
// written must read as the country's, with the writer's pid for a temporary one.

const country = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const pid = fc.integer({ min: 1, max: 4_194_304 });

describe('build file names', () => {
  it('reads back the country of each name and the writer of each temporary name', () => {
    fc.assert(
      fc.property(country, pid, fc.array(fc.stringMatching(/^[0-9a-f]{1,8}$/), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.')), (id, writer, tag) => {
        for (const name of [lockName(id), publishedStateName(id)]) {
          expect(parseBuildFile(name)).toEqual({ country: id });
          expect(parseBuildFile(temporaryName(name, writer))).toEqual({ country: id, pid: writer });
          expect(parseBuildFile(temporaryName(name, writer, tag, 'stale'))).toEqual({ country: id, pid: writer });
        }
        expect(parseBuildFile(swapName(id, writer))).toEqual({ country: id, pid: writer });
      }),
    );
  });

  it('does not take other files for a build’s', () => {
    for (const name of ['kazakhstan', 'notes.txt', '.build-kazakhstan', '.published-kazakhstan.yaml', 'report.swap']) expect(parseBuildFile(name)).toBeUndefined();
  });
});
