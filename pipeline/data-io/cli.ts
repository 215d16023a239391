import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { asEnvironmentError, ExitCode, InputError, UsageError } from '../errors/errors.ts';
import { InputReader } from '../input/read.ts';
import { entryFromYaml, type EntryFields } from './entries.ts';
import { exportCsv, exportXlsx } from './export.ts';
import { importWorkbook } from './import.ts';
import { readDataInputs, type DataInputs } from './inputs.ts';

export const dataUsage = `Usage: csi-report data export [--country ID] [--locale L] [--format xlsx|csv] [--out FILE]
       csi-report data import FILE [--country ID]

export   writes the data-entry workbook of a country: one row per indicator with its name,
         rule, allowed values and its current value, unit, year, source, decimals and note
         (an Excel workbook with a Sources sheet, or the same columns as CSV)
import   checks a filled workbook (.xlsx or .csv) as the build checks indicators.yaml and,
         when every cell is right, writes the country's indicators.yaml (comments and order
         kept); otherwise lists every problem by sheet and cell and writes nothing

Options:
  --country ID     the country (default: the first configured country)
  --locale L       language of the headings, names and source titles (default: the source language)
  --format F       xlsx or csv (default: from --out, else xlsx)
  --out FILE       where to write the workbook (default: <country>-data.<format>)
  --config FILE    configuration file (default: pipeline.config.yaml)`;

/** `csi-report data export|import`: returns the exit code; throws usage and input errors. */
export function runDataCommand(argv: readonly string[], cwd: string): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      country: { type: 'string' },
      locale: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string', default: 'pipeline.config.yaml' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(dataUsage);
    return ExitCode.ok;
  }
  const [command, ...rest] = positionals;
  if (values.country !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.country)) throw new UsageError(`--country: "${values.country}" is not a country id (lower-case letters, digits and dashes)`);
  const configFile = resolve(cwd, values.config!);
  if (command === 'export' && rest.length === 0) {
    const inputs = readDataInputs(dirname(configFile), basename(configFile), values.country);
    const format = values.format ?? (values.out && extname(values.out).toLowerCase() === '.csv' ? 'csv' : 'xlsx');
    if (format !== 'xlsx' && format !== 'csv') throw new UsageError(`--format: "${format}" is not a format; use xlsx or csv`);
    const locale = values.locale ?? inputs.config.sourceLocale;
    if (!inputs.locales.includes(locale)) throw new UsageError(`--locale: ${inputs.country} is published in ${inputs.locales.join(', ')}, not "${locale}"`);
    const out = resolve(cwd, values.out ?? `${inputs.country}-data.${format}`);
    const request = { inputs, entries: currentEntries(inputs), locale };
    writeWhole(out, format === 'xlsx' ? exportXlsx(request) : exportCsv(request));
    console.log(`wrote ${relative(cwd, out) || out}: ${inputs.framework.dimensions.flatMap((d) => d.subdimensions).flatMap((s) => s.indicators).length} indicators of ${inputs.country} (${locale}); fill it in, then: csi-report data import ${relative(cwd, out) || out}${values.country ? ` --country ${values.country}` : ''}`);
    return ExitCode.ok;
  }
  if (command === 'import' && rest.length === 1) {
    const file = rest[0]!;
    const path = resolve(cwd, file);
    if (!existsSync(path)) throw new UsageError(`${file}: there is no such file`);
    if (!/\.(xlsx|csv)$/i.test(file)) throw new UsageError(`${file}: give an Excel workbook (.xlsx) or a CSV file (.csv)`);
    const inputs = readDataInputs(dirname(configFile), basename(configFile), values.country);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw asEnvironmentError(error, { path: file });
    }
    const result = importWorkbook(inputs, { name: file, bytes });
    if (!result.written) console.log(`${inputs.indicatorsFile}: no value changed.`);
    else console.log(`wrote ${result.written}: ${result.changed.length} ${result.changed.length === 1 ? 'entry' : 'entries'} changed (${result.changed.join(', ')}). Next: csi-report check --country ${inputs.country}`);
    return ExitCode.ok;
  }
  throw new UsageError(`say "data export" or "data import FILE"\n\n${dataUsage}`);
}

/** The entries indicators.yaml holds now (none for a new country); a file that cannot be read is an input error. */
function currentEntries(inputs: DataInputs): Map<string, EntryFields> {
  const reader = new InputReader(inputs.root);
  if (!reader.exists(inputs.indicatorsFile)) return new Map();
  const yaml = reader.yaml(inputs.indicatorsFile, 'indicator values');
  if (!yaml || yaml.value === undefined) throw new InputError(reader.issues);
  const values = (yaml.value as { values?: unknown } | null)?.values;
  return new Map(values && typeof values === 'object' ? Object.entries(values).map(([id, raw]) => [id, entryFromYaml(raw)]) : []);
}

/** Writes a file whole: beside its place first, then renamed, so a failure never leaves half a workbook. */
function writeWhole(path: string, content: Uint8Array | string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw asEnvironmentError(error, { path });
  }
}
