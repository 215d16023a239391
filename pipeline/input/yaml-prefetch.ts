/**
 * YAML files parsed ahead on another thread while the main thread reads the inputs.
 *
 * A cold build reads about fifty YAML files, one after another, on the main thread, while the
 * layout thread has loaded and waits for the first document: parsing is most of reading them.
 * The build hands the layout thread the YAML files among those its input digest read
 * (`BuildInputs.files`, `isYamlInput`); the thread parses them from the end of the list, the
 * main thread reads them from where its ingest goes, and each file is parsed by one of the two: one 32-bit cell per file in memory
 * both share says which, set once with a compare-and-swap (as `Claims` does for documents).
 * The thread sends each file's parse as a parsed file is kept between builds (`KeptYaml`,
 * parsed-yaml.ts), keyed by its path and text, and the main thread takes it when a reader
 * comes to that file and the build's table of parsed files does not hold it (`ParsedYaml.find`
 * asks `PrefetchedYaml.take`; the build sets it with `parseAheadWith`), waiting only while the
 * thread is in the middle of it.
 *
 * What the main thread gets is exactly what parsing the text there would give, or nothing: a
 * parse is used only for the same path and the same text (a file changed in between is parsed
 * again), and a file with a problem is not sent, so the main thread parses it and reports the
 * problem with its place, as without the thread.
 *
 *   const prefetched = new PrefetchedYaml(files, port);            // main thread
 *   parseYamlAhead(root, files, prefetched.cells, port2);          // layout thread (yaml-ahead.ts)
 *   memory.input.yaml.parseAheadWith(prefetched);                  // main thread: its readers take the parses
 *
 * This module is the main thread's side and loads no YAML parser; yaml-ahead.ts, the thread's.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { KeptYaml } from './parsed-yaml.ts';

/** What the thread sends for each file it parsed: the parse to keep, none when the file has a problem or cannot be read. */
export interface AheadParse {
  file: string;
  key?: string;
  kept?: KeptYaml;
}

/** A cell's states: nobody took the file, the main thread did, the thread is parsing it, the thread has sent it. */
export const FREE = 0;
const MAIN = 1;
export const PARSING = 2;
export const SENT = 3;

/** The longest the main thread waits for a file the thread is parsing before it parses the file itself, ms. */
const WAIT_MS = 2000;

/** The main thread's side: which file the thread may parse, and the parses it sent. */
export class PrefetchedYaml {
  /** The shared cells, one per file, sent to the thread with the list. */
  readonly cells: SharedArrayBuffer;
  private readonly states: Int32Array;
  private readonly index: Map<string, number>;
  private readonly received = new Map<string, AheadParse>();

  /** `files`: project-relative paths, in the order the thread is given them; `port`: where its parses come. */
  constructor(
    files: readonly string[],
    private readonly port: MessagePort,
  ) {
    this.cells = new SharedArrayBuffer(Math.max(1, files.length) * Int32Array.BYTES_PER_ELEMENT);
    this.states = new Int32Array(this.cells);
    this.index = new Map(files.map((file, i) => [file, i]));
  }

  /**
   * The parse of `file` whose text has the key `key` (`yamlKey`), when the thread made it;
   * undefined when this thread is to parse the file itself (it was not on the list, the thread
   * had not come to it, the text differs, or the file has a problem). A file the thread has not
   * come to is the main thread's from then on.
   */
  take(file: string, key: string): KeptYaml | undefined {
    const at = this.index.get(file);
    if (at === undefined) return undefined;
    const state = Atomics.compareExchange(this.states, at, FREE, MAIN);
    if (state === FREE || state === MAIN) return undefined;
    if (state === PARSING && Atomics.wait(this.states, at, PARSING, WAIT_MS) === 'timed-out') return undefined;
    for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
      const parse = message.message as AheadParse;
      this.received.set(parse.file, parse);
    }
    const parse = this.received.get(file);
    return parse?.key === key ? parse.kept : undefined;
  }

  /** Ends taking: the port closes, and the thread parses no more of the files. */
  close(): void {
    for (let at = 0; at < this.states.length; at++) Atomics.compareExchange(this.states, at, FREE, MAIN);
    this.port.close();
  }
}

/** Whether `file` is one a build parses as YAML: a YAML file, or JSON, which is YAML too. */
export function isYamlInput(file: string): boolean {
  return /\.(ya?ml|json)$/.test(file);
}
