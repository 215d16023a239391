import { describe, it } from 'vitest';
import { runCase } from './harness.ts';
import { environmentCases } from './cases/environment.ts';

describe('what the machine refuses: exit 74 with the path, nothing changed', () => {
  it.each(environmentCases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    await runCase(testCase);
  });
});
