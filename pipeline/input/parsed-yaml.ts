/**
 * YAML files kept between builds (memo.ts): each file's value and where its nodes start, with
 * which a kept file answers `placeOf` and `placeOfKey` as its parsed document would. Its own
 * module, without the YAML parser (yaml-file.ts parses and fills it), so that a build with
 * nothing changed, which parses nothing, does not load the parser to make its memory.
 */
import { LatestVersions } from '../cache/latest-versions.ts';
import type { SourcePlace } from '../errors/errors.ts';
import { digest } from '../util/digest.ts';

/**
 * A parsed YAML file that can tell where any of its values came from. `T` is what its value
 * is known to be: `unknown` as parsed, the schema's static type once `validateYaml` passed it.
 */
export interface YamlFile<T = unknown> {
  /** Path relative to the project root. */
  file: string;
  /** The plain JavaScript value of the document (undefined when it could not be parsed). */
  value: T;
  /** Finds the place of the value at `path`, or of its nearest existing ancestor. */
  placeOf(path: readonly (string | number)[]): SourcePlace;
  /** Finds the place of the key (not the value) at `path`, for "unknown key" messages. */
  placeOfKey(path: readonly (string | number)[]): SourcePlace;
}

/**
 * Where the nodes of a parsed file start, beside its value: enough to answer `placeOf` and
 * `placeOfKey` exactly as the parsed document answers them, without the document. `a` is the
 * node's [line, column], or 0 for a node without a range; a mapping lists its pairs with a
 * scalar key as [key, where the key starts, the value's node or null when it has none]; a
 * sequence lists its items' nodes.
 */
export interface PlaceNode {
  a: Place;
  m?: [key: unknown, at: Place, value: PlaceNode | null][];
  s?: (PlaceNode | null)[];
}
export type Place = [line: number, column: number] | 0;

/**
 * A file parsed by an earlier build, kept (memo.ts) under a digest of its path and text. The
 * value and the places are kept as JSON text: a fraction of the memory of the objects, which a
 * watcher would otherwise hold for every file, and read back as a fresh copy for each reader.
 */
export interface KeptYaml {
  /** Its path, relative to the project root. */
  file: string;
  /** The document's plain value, as JSON. */
  value: string;
  /** Where its nodes start (`PlaceNode | null`), as JSON. */
  places: string;
}

/** Parses of a build's YAML files made on another thread, by path and the key of their text (`yamlKey`). */
export interface ParsesAhead {
  take(file: string, key: string): KeptYaml | undefined;
}

/** The name of the table of kept YAML files. */
export const PARSED_YAML = 'parsed-yaml';

/**
 * YAML files parsed in this process or kept by an earlier build, by a digest of path and
 * text: a fresh process after a one-value correction parses only the corrected file.
 */
export class ParsedYaml extends LatestVersions<KeptYaml> {
  readonly name = PARSED_YAML;
  /** Where the build under way takes the parses another thread makes for it (yaml-prefetch.ts), while it reads its inputs. */
  private ahead: ParsesAhead | undefined;

  /**
   * The file as `parseYamlFile` gives it, from what was kept when its text is one parsed
   * before, or from the parse another thread made of the same text for the build under way
   * (then kept); undefined otherwise.
   */
  find(file: string, text: string): YamlFile | undefined {
    const key = yamlKey(file, text);
    let known = this.version(key);
    const fetched = known ? undefined : this.ahead?.take(file, key);
    if (fetched) {
      this.keepVersion(key, fetched);
      known = fetched;
    }
    return known && keptFile(file, known);
  }

  /**
   * Takes the parses `ahead` makes while a build reads its inputs, until it is called again
   * without one (the build's own: a build sets it once its layout thread is started, and
   * takes it off when its inputs are read).
   */
  parseAheadWith(ahead: ParsesAhead | undefined): void {
    this.ahead = ahead;
  }

  /** Keeps what parsing `text` as `file` gave (a file that parsed without a problem). */
  remember(file: string, text: string, kept: KeptYaml): void {
    this.keepVersion(yamlKey(file, text), kept);
  }

  /** One version per file: a watcher that parses a corrected file drops the version before. */
  protected thingOf(kept: KeptYaml): string {
    return kept.file;
  }
}

/** A kept file as `parseYamlFile` gives it. */
function keptFile(file: string, kept: KeptYaml): YamlFile {
  const place = (at: Place): SourcePlace => (at === 0 ? { file, line: 1, column: 1 } : { file, line: at[0], column: at[1] });
  // Read at the first place asked for: a file whose values all pass never needs them.
  let places: PlaceNode | null | undefined;
  const root = () => (places === undefined ? (places = JSON.parse(kept.places) as PlaceNode | null) : places);
  return {
    file,
    // Parsed for each reader: a reader may change its value.
    value: JSON.parse(kept.value) as unknown,
    placeOf: (path) => place(nearestPlace(root(), path)),
    placeOfKey: (path) => {
      const key = keyPlace(root(), path);
      return key !== undefined && key !== 0 ? place(key) : place(nearestPlace(root(), path));
    },
  };
}

/** The node at `path`, as the document's `getIn(path, true)` finds it: undefined where it finds nothing, null where it finds no node. */
function placeNodeAt(root: PlaceNode | null, path: readonly (string | number)[]): PlaceNode | null | undefined {
  let node: PlaceNode | null | undefined = root;
  for (const key of path) {
    if (!node) return undefined;
    if (node.m) {
      // As the yaml library's findPair: the first pair whose scalar key is the same value.
      node = node.m.find((pair) => pair[0] === key)?.[2];
    } else if (node.s) {
      // As its asItemIndex: a whole number, or text that reads as one.
      const index = typeof key === 'string' && key ? Number(key) : key;
      node = typeof index === 'number' && Number.isInteger(index) && index >= 0 ? node.s[index] : undefined;
    } else return undefined;
  }
  return node;
}

/** `nearestNode`'s place: of the node at `path` or its nearest ancestor that is a node; 0 when it has no range. */
function nearestPlace(root: PlaceNode | null, path: readonly (string | number)[]): Place {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = length === 0 ? root : placeNodeAt(root, path.slice(0, length));
    if (node) return node.a;
  }
  return 0;
}

/** `keyNode`'s place: of the key of the last step of `path` in its mapping, undefined when there is none. */
function keyPlace(root: PlaceNode | null, path: readonly (string | number)[]): Place | undefined {
  if (path.length === 0) return undefined;
  const parent = path.length === 1 ? root : placeNodeAt(root, path.slice(0, -1));
  const last = String(path[path.length - 1]);
  return parent?.m?.find((pair) => String(pair[0]) === last)?.[1];
}


/** The key of a file's text in the table. */
export function yamlKey(file: string, text: string): string {
  return digest(`${file}\n${text}`);
}
