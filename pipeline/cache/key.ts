import { createHash } from 'node:crypto';

/**
 * A store of stage results keyed by a digest of exactly their inputs. A stage asks before it
 * works and stores what it made; as the key covers every input (and the pipeline's own
 * version), a stale result can never be served.
 */
export interface StageCache {
  get(key: string): Uint8Array | undefined;
  /** Stores `value` under `key`; it may be stored after this returns, and is not to be changed meanwhile. */
  set(key: string, value: string | Uint8Array): void;
  /** Resolves when every value set so far is stored (or refused and reported); rejects with an error that is not the machine refusing. */
  flush(): Promise<void>;
}

/** A cache that remembers nothing: for tests and `--no-cache`. */
export const noCache: StageCache = { get: () => undefined, set: () => undefined, flush: async () => undefined };

/** The key of a stage result: a digest of everything it depends on. Maps are keyed in order. */
export function cacheKey(stage: string, ...inputs: unknown[]): string {
  const hash = createHash('sha256').update(stage);
  for (const input of inputs) {
    hash.update('\u0000');
    if (typeof input === 'string') hash.update(input);
    else if (input instanceof Uint8Array) hash.update(input);
    else hash.update(JSON.stringify(input, (_key, value: unknown) => (value instanceof Map ? [...value] : value)) ?? 'undefined');
  }
  return `${stage}-${hash.digest('hex').slice(0, 32)}`;
}
