import { afterEach, beforeEach, vi } from 'vitest';

/** What a test's code printed, line by line. */
export interface Printed {
  out: string[];
  err: string[];
}

/**
 * Captures console.log and console.error for every test of the file, as a user would see them
 * on stdout and stderr. The returned object is refilled before each test.
 */
export function captureConsole(): Printed {
  const printed: Printed = { out: [], err: [] };
  beforeEach(() => {
    printed.out = [];
    printed.err = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.out.push(args.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.err.push(args.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());
  return printed;
}
