import { createHash } from 'node:crypto';

/** Hex digits kept of the SHA-256: enough to tell versions of a text apart, short to read. */
export const HASH_LENGTH = 16;

/** True for a string that looks like a recorded source hash. */
export function isSourceHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{16}$/.test(value);
}

/**
 * The hash of an English source text: SHA-256 of its UTF-8 bytes, first 16 hex digits.
 * Line endings are normalised first, so a checkout that turns `\n` into `\r\n` does not make
 * every translation stale.
 */
export function sourceHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('hex').slice(0, HASH_LENGTH);
}
