import { describe, expect, it } from 'vitest';
import { runCase } from './harness.ts';
import { templateCases } from './cases/templates.ts';

describe('bad templates and translations: a located error with a hint, no trace, nothing changed', () => {
  it.each(templateCases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    await runCase(testCase);
  });

  it('reports an untranslated locale once, not once per text', async () => {
    const run = await runCase(templateCases.find((c) => c.name === 'a configured locale with no translation at all')!);
    expect(run.err.match(/error:/g)).toHaveLength(1);
  });
});
