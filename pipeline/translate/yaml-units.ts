import type { SourcePlace } from '../errors/errors.ts';
import type { YamlFile } from '../input/yaml-file.ts';

/** An item of a list in `lists.yaml`, with the path of its list. */
export interface YamlListItem {
  /** YAML path of the list, e.g. `['recommendations', 'donors']`. */
  list: readonly string[];
  /** The item's id. */
  id: string;
  /** Its text. */
  text: string;
  /** Where the text is written. */
  place: SourcePlace;
}

/** A text leaf of a UI strings file. */
export interface YamlString {
  /** YAML path inside the file. */
  path: readonly string[];
  /** The ICU MessageFormat text. */
  text: string;
  /** Where it is written. */
  place: SourcePlace;
}

/**
 * The items of `lists.yaml`: maps nest lists by group, lists hold `{id, text}` items. Entries of
 * another shape are left out; ingest reports them when the documents are built.
 */
export function listItems(yaml: YamlFile): YamlListItem[] {
  const items: YamlListItem[] = [];
  const visit = (value: unknown, path: string[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => {
        if (!isRecord(item) || typeof item.id !== 'string' || typeof item.text !== 'string') return;
        items.push({ list: path, id: item.id, text: item.text, place: yaml.placeOf([...path, index, 'text']) });
      });
    } else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
    }
  };
  visit(yaml.value, []);
  return items;
}

/** The text leaves of a UI strings file, in file order. Leaves that are not text are left out. */
export function stringLeaves(yaml: YamlFile): YamlString[] {
  const leaves: YamlString[] = [];
  const visit = (value: unknown, path: string[]): void => {
    if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
    } else if (typeof value === 'string' && path.length > 0) {
      leaves.push({ path, text: value, place: yaml.placeOf(path) });
    }
  };
  visit(yaml.value, []);
  return leaves;
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
