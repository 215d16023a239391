import { describe, it } from 'vitest';
import { runCase } from './harness.ts';
import { dataCases } from './cases/data.ts';

describe('bad data input: a located error with a hint, no trace, nothing changed', () => {
  it.each(dataCases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    await runCase(testCase);
  });
});
