import { readFileSync } from 'node:fs';
import { digest } from '../util/digest.ts';

/** The digest of a file's content: fonts enter cache keys by what they are, not where they lie. */
export function fileDigest(file: string): string {
  return digest(readFileSync(file));
}
