import { createHash } from 'node:crypto';

/** A short digest of text or bytes: the first 16 hex digits of their SHA-256. */
export function digest(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}
