/** See stamps.mjs. */
export function sha256(bytes: Uint8Array | string): string;

/** See stamps.mjs. */
export class FileStamps {
  constructor(recordFile: string | undefined);
  /** The sha256 (hex) of the file at `path`, or undefined when there is no such file; from its bytes unless its stamp is the one recorded. */
  digest(path: string): string | undefined;
  /** Writes the stamps when any changed. */
  save(): void;
}
