/**
 * The layout thread's side of parsing YAML files ahead (yaml-prefetch.ts): it loads the YAML
 * parser, which the main thread's side does not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { decodeText } from './decode.ts';
import { yamlKey } from './parsed-yaml.ts';
import { keptParse } from './yaml-file.ts';
import { FREE, PARSING, SENT, type AheadParse } from './yaml-prefetch.ts';

/**
 * Parses the files of `files` (relative to `root`) that the main thread has not taken, from the
 * last, and sends each parse on `port` before it marks the file sent (`cells`, shared with the
 * main thread's `PrefetchedYaml`). Returns how many files it parsed.
 */
export function parseYamlAhead(root: string, files: readonly string[], cells: SharedArrayBuffer, port: MessagePort): number {
  const states = new Int32Array(cells);
  let parsed = 0;
  for (let at = files.length - 1; at >= 0; at--) {
    if (Atomics.compareExchange(states, at, FREE, PARSING) !== FREE) continue;
    const file = files[at]!;
    let parse: AheadParse = { file };
    try {
      const decoded = decodeText(readFileSync(join(root, file)));
      if ('text' in decoded) parse = { file, key: yamlKey(file, decoded.text), kept: keptParse(file, decoded.text) };
    } catch {
      // Unreadable here: the main thread reads it and says why.
    }
    port.postMessage(parse);
    Atomics.store(states, at, SENT);
    Atomics.notify(states, at);
    parsed += 1;
  }
  port.close();
  return parsed;
}
