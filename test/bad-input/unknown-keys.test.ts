import { describe, it } from 'vitest';
import { runCase } from './harness.ts';
import { unknownKeyCases } from './cases/unknown-keys.ts';

describe('a misspelt key in any input file: "did you mean" at its line, nothing changed', () => {
  it.each(unknownKeyCases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    await runCase(testCase);
  });
});
