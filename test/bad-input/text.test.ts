import { describe, it } from 'vitest';
import { runCase } from './harness.ts';
import { narrativeCases } from './cases/text.ts';

describe('bad narrative input: a located error with a hint, no trace, nothing changed', () => {
  it.each(narrativeCases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    await runCase(testCase);
  });
});
