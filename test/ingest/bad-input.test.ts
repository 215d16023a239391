import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors/errors.ts';
import { ingestDataset } from '../../pipeline/ingest/index.ts';
import { fixtures, tempProject } from '../helpers/project.ts';

/**
 * Each folder of test/fixtures/bad-input/ holds the files that differ from the mini project
 * and `expected.txt`, the exact message a user must see. A mismatch writes
 * `expected-changed.txt` beside it for review.
 */
const cases = readdirSync(join(fixtures, 'bad-input')).sort();

describe('bad input is reported with file, line, column and a fix', () => {
  it.each(cases)('%s', (name) => {
    const caseDir = join(fixtures, 'bad-input', name);
    const root = tempProject('mini');
    cpSync(caseDir, root, { recursive: true, filter: (src) => !/expected(-changed)?\.txt$/.test(src) });
    let message = '';
    try {
      ingestDataset({ root, configPath: 'pipeline.config.yaml' });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      message = `${error.message}\n`;
    }
    expect(message, 'the input must be refused').not.toBe('');
    const expectedFile = join(caseDir, 'expected.txt');
    const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : '';
    if (message !== expected) writeFileSync(join(caseDir, 'expected-changed.txt'), message);
    expect(message).toBe(expected);
    expect(existsSync(join(root, 'output', 'testland'))).toBe(false);
  });
});
