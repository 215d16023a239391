import type { InputIssue } from '../errors/errors.ts';
import { readIndicatorValues } from '../ingest/indicators.ts';
import { InputReader } from '../input/read.ts';
import { parseYamlFile } from '../input/yaml-file.ts';
import { columnOf, type ColumnKey } from './columns.ts';
import type { DataInputs } from './inputs.ts';
import type { SheetProblem } from './problems.ts';
import type { RowEntry } from './read-rows.ts';
import type { ReadSheet } from './table.ts';

/** An input reader that reads one file from memory: the build's own checks run on a file not yet written. */
class PendingFileReader extends InputReader {
  constructor(root: string, private readonly path: string, private readonly content: string) {
    super(root);
  }

  override text(path: string, what: string): string | undefined {
    return this.rel(path) === this.path ? this.content : super.text(path, what);
  }
}

/**
 * Checks the new indicators.yaml exactly as a build does (`readIndicatorValues`: the schema,
 * each value against its rule's range, the unit, the source key), and names each problem by
 * the workbook cell it came from. Problems no cell explains keep their place in the file.
 */
export function validateEntries(inputs: DataInputs, text: string, sheet: ReadSheet, rows: ReadonlyMap<string, RowEntry>): { problems: SheetProblem[]; others: InputIssue[]; complete: boolean } {
  const reader = new PendingFileReader(inputs.root, inputs.indicatorsFile, text);
  // Undefined when the file's shape is wrong: the values themselves were then not checked.
  const complete = readIndicatorValues(reader, inputs.indicatorsFile, inputs.framework, inputs.sources, inputs.sourcesFile) !== undefined;
  const cells = cellsByPlace(inputs.indicatorsFile, text, rows);
  const problems: SheetProblem[] = [];
  const others: InputIssue[] = [];
  for (const issue of reader.issues) {
    const { line, column } = issue.place;
    const cell = issue.place.file === inputs.indicatorsFile && line !== undefined ? cells.get(`${line}:${column}`) ?? cells.get(`${line}`) : undefined;
    if (cell) problems.push({ sheet, row: cell.row, column: cell.column, message: { message: issue.message, hint: issue.hint } });
    else others.push(issue);
  }
  return { problems, others, complete };
}

/** For every field written from the workbook, the cell it came from, by its place in the new file (`line:column`, and `line`). */
function cellsByPlace(file: string, text: string, rows: ReadonlyMap<string, RowEntry>): Map<string, { row: number; column: number }> {
  const yaml = parseYamlFile(file, text, []);
  const cells = new Map<string, { row: number; column: number }>();
  const add = (place: { line?: number; column?: number }, row: RowEntry, key: ColumnKey) => {
    const column = row.columns[key] ?? columnOf(key);
    if (place.line === undefined) return;
    cells.set(`${place.line}:${place.column}`, { row: row.row, column });
    if (!cells.has(`${place.line}`)) cells.set(`${place.line}`, { row: row.row, column });
  };
  for (const row of rows.values()) {
    const at = (path: (string | number)[]) => yaml.placeOf(['values', row.id, ...path]);
    add(yaml.placeOfKey(['values', row.id]), row, 'indicator');
    for (const key of ['value', 'unit', 'year', 'source', 'decimals', 'note'] as const) if (row.fields[key] !== undefined) add(at([key]), row, key);
    if (row.fields.ratio) {
      add(at(['ratio']), row, 'numerator');
      add(at(['ratio', 1]), row, 'denominator');
    }
    const parts = Object.keys(row.fields.components ?? {});
    if (parts.length > 0) {
      add(at(['components']), row, 'numerator');
      parts.forEach((name, index) => {
        const key = index === 0 ? 'numerator' : 'denominator';
        add(at(['components', name]), row, key);
        add(at(['components', name, 'value']), row, key);
        add(at(['components', name, 'unit']), row, 'unit');
      });
    }
  }
  return cells;
}
