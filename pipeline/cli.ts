import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAll, listCountries, type BatchOutcome } from './batch.ts';
import { layoutThreadsFor, MAX_LAYOUT_THREADS } from './build/layout.ts';
import { CsiError, ExitCode, InputError, UsageError, asEnvironmentError, formatIssue } from './errors/errors.ts';
import { summariseChanges } from './publish/changes.ts';
import { runPipeline, type RunRequest, type RunResult } from './run.ts';
import { tuneEngine, tuneEngineForThreads } from './util/engine.ts';

const usage = `Usage: csi-report [command] [options]

Commands:
  build            build the configured editions into output/ (default)
  check            validate every input and compose every document; write nothing
  watch            rebuild on every change to data, templates or configuration
  translations     translation status, export and import (csi-report translations --help)
  new-country      write the commented skeleton of a new country's inputs (csi-report new-country --help)
  data             export a data-entry workbook, import a filled one (csi-report data --help)

Options:
  --config FILE    configuration file (default: pipeline.config.yaml)
  --country ID     build one country (default: the first configured country)
  --all            build every country found in data/, one at a time for every
                   two cores
  --locale CODE    build one locale (repeatable; default: every configured locale)
  --no-cache       build everything afresh (ignore .cache/ and the previous build)
  --no-wait        exit 75 at once when another build of the country is running,
                   instead of waiting for it to finish
  --threads N      lay out the editions on N threads, 1 or 2; build lays out on 2 where
                   the machine has two cores or more, watch and --all on 1
  --debug          show stack traces of internal errors
  -h, --help       show this help

Exit codes: 0 success, 1 internal error, 2 input error, 3 render error, 64 usage error,
74 the environment refused (disk full, permission denied, read-only), 75 another build of
the same country is running.`;

/**
 * Runs the command line; returns the exit code. `pipelineVersion` is the version the csi-report
 * command worked out for its bundle (the same `pipelineVersion()` gives), so it is not worked out twice.
 */
export async function main(argv: readonly string[], root = process.cwd(), options: { pipelineVersion?: string } = {}): Promise<number> {
  let debug = argv.includes('--debug');
  tuneEngine();
  try {
    if (argv[0] === 'translations') return await (await import('./translate/cli.ts')).runTranslationsCommand(argv.slice(1), root);
    if (argv[0] === 'new-country') return (await import('./scaffold/new-country.ts')).runNewCountry(argv.slice(1), root);
    if (argv[0] === 'data') return (await import('./data-io/cli.ts')).runDataCommand(argv.slice(1), root);
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        config: { type: 'string', default: 'pipeline.config.yaml' },
        country: { type: 'string' },
        all: { type: 'boolean', default: false },
        locale: { type: 'string', multiple: true },
        'no-cache': { type: 'boolean', default: false },
        'no-wait': { type: 'boolean', default: false },
        threads: { type: 'string' },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    debug = values.debug ?? false;
    if (values.help) {
      console.log(usage);
      return ExitCode.ok;
    }
    const command = positionals[0] ?? 'build';
    if (values.country !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.country)) {
      throw new UsageError(`--country: "${values.country}" is not a country id: give a folder name under data/countries/, such as --country kazakhstan (lower-case letters, digits and dashes).`);
    }
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > MAX_LAYOUT_THREADS)) throw new UsageError(`--threads: "${values.threads}" is not a number of threads to lay out on: give 1 or ${MAX_LAYOUT_THREADS}.`);
    if (positionals.length > 1 || !['build', 'check', 'watch'].includes(command)) throw new UsageError(`unknown command "${positionals.join(' ')}"\n\n${usage}`);
    // Paths in the configuration are relative to its own folder.
    const configFile = resolve(root, values.config!);
    const layoutThreads = layoutThreadsFor(command, values.all ?? false, threads);
    tuneEngineForThreads(layoutThreads);
    const request: RunRequest = { root: dirname(configFile), configPath: basename(configFile), country: values.country, locales: values.locale, checkOnly: command === 'check', noCache: values['no-cache'], wait: !values['no-wait'], layoutThreads, pipelineVersion: options.pipelineVersion, onNotice: (message) => console.error(`csi-report: ${message}`) };
    if (command === 'watch') return await (await import('./watch.ts')).watchAndBuild(request, (result) => printResult(result), (error) => report(error, debug));
    // Under --all, --locale picks among each country's own languages.
    if (values.all) return await batch({ ...request, lenientLocales: true });
    const result = await runPipeline(request);
    if (command === 'check') console.log(`${result.country}: input is valid (${result.scores?.byId.size ?? 0} scores).`);
    else printResult(result);
    for (const warning of result.warnings) console.error(formatIssue(warning));
    return ExitCode.ok;
  } catch (error) {
    return report(error, debug);
  }
}

function printResult(result: RunResult): void {
  for (const edition of result.editions) console.log(`${result.country} ${edition.locale} ${edition.document}: ${edition.pages} pages`);
  if (result.written.length > 0) console.log(`wrote ${result.written.length} files to output/${result.country}/`);
  for (const line of result.changes ? summariseChanges(result.changes) : []) console.log(`  ${line}`);
}

/** `build --all`: every country, side by side where there are cores enough (`batchLanes`), with progress and a summary table. */
async function batch(request: RunRequest): Promise<number> {
  // Loaded here: a single build reads its configuration only when it changed (build/unchanged.ts).
  const [{ readConfig }, { InputReader }] = await Promise.all([import('./ingest/config.ts'), import('./input/read.ts')]);
  const reader = new InputReader(request.root);
  const config = readConfig(reader, request.configPath);
  if (!config) throw new InputError(reader.issues);
  const countries = listCountries(request.root, config.dataDir);
  const tty = process.stdout.isTTY === true;
  const running = new Set<string>();
  const onProgress = (event: BatchOutcome | { country: string; started: true }) => {
    if ('started' in event) running.add(event.country);
    else running.delete(event.country);
    if (tty) {
      process.stdout.write(`\r\x1b[2K${'started' in event ? '' : `${event.country}: ${event.ok ? 'done' : 'FAILED'}\n`}building: ${[...running].join(', ') || '—'}`);
    } else if ('started' in event) console.log(`${event.country}: started`);
    else console.log(`${event.country}: ${event.ok ? `done in ${(event.ms / 1000).toFixed(1)} s` : 'FAILED'}`);
  };
  const outcomes = await buildAll(request, countries, onProgress);
  if (tty) process.stdout.write('\r\x1b[2K');
  console.log(summaryTable(outcomes));
  for (const failed of outcomes.filter((o) => !o.ok)) console.error(`\n${failed.country}:\n${failed.error}`);
  const failure = outcomes.find((o) => !o.ok);
  return failure ? failure.exitCode : ExitCode.ok;
}

function summaryTable(outcomes: readonly BatchOutcome[]): string {
  const rows = outcomes.map((o) => [o.country, o.ok ? 'ok' : `failed (exit ${o.exitCode})`, o.editions.join('; ') || '—', `${(o.ms / 1000).toFixed(1)} s`]);
  const header = ['country', 'result', 'editions', 'time'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const ok = outcomes.filter((o) => o.ok).length;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', `${ok} of ${outcomes.length} countries built.`].join('\n');
}

function report(thrown: unknown, debug: boolean): number {
  const error = asEnvironmentError(thrown);
  if (error instanceof InputError) {
    console.error(error.message);
    for (const warning of error.issues.filter((issue) => issue.severity === 'warning')) console.error(formatIssue(warning));
    return error.exitCode;
  }
  if (error instanceof CsiError) {
    console.error(`csi-report: ${error.message}`);
    if (debug && error.stack) console.error(error.stack);
    return error.exitCode;
  }
  if (error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`csi-report: ${error.message}\n\n${usage}`);
    return ExitCode.usage;
  }
  console.error(`csi-report: internal error: ${error instanceof Error ? error.message : String(error)}`);
  console.error(debug && error instanceof Error ? error.stack : 'Run again with --debug to see where it happened, and report it with the input that caused it.');
  return ExitCode.internal;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
