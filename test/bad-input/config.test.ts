import { describe, it } from 'vitest';
import { runCase } from './harness.ts';
import { configCases, outputCases } from './cases/config.ts';

describe('bad config input: a located error with a hint, no trace, nothing changed', () => {
  it.each([...configCases, ...outputCases].map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    await runCase(testCase);
  });
});
