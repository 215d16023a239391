import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CsiError, ExitCode, InputError, UsageError, formatIssue } from './errors/errors.ts';
import { runPipeline } from './run.ts';

const usage = `Usage: csi-report [command] [options]

Commands:
  build            build the configured editions into output/ (default)
  check            validate the input only; write nothing

Options:
  --config FILE    configuration file (default: pipeline.config.yaml)
  --country ID     build one country (default: every configured country)
  --debug          show stack traces of internal errors
  -h, --help       show this help

Exit codes: 0 success, 2 input error, 3 render error, 64 usage error, 75 another build is running, 1 internal error.`;

/** Runs the command line; returns the exit code. */
export function main(argv: readonly string[], root = process.cwd()): number {
  let debug = argv.includes('--debug');
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        config: { type: 'string', default: 'pipeline.config.yaml' },
        country: { type: 'string' },
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
    if (positionals.length > 1 || !['build', 'check'].includes(command)) throw new UsageError(`unknown command "${positionals.join(' ')}"\n\n${usage}`);
    // Paths in the configuration are relative to its own folder.
    const configFile = resolve(root, values.config!);
    const result = runPipeline({ root: dirname(configFile), configPath: basename(configFile), country: values.country, checkOnly: command === 'check' });
    if (command === 'check') console.log(`${result.country}: input is valid (${result.scores.byId.size} scores).`);
    else for (const file of result.written) console.log(`wrote output/${file}`);
    return ExitCode.ok;
  } catch (error) {
    return report(error, debug);
  }
}

function report(error: unknown, debug: boolean): number {
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
  if (error instanceof Error && 'code' in error && typeof (error as { code: unknown }).code === 'string' && String((error as { code: string }).code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`csi-report: ${error.message}\n\n${usage}`);
    return ExitCode.usage;
  }
  console.error(`csi-report: internal error: ${error instanceof Error ? error.message : String(error)}`);
  console.error(debug && error instanceof Error ? error.stack : 'Run again with --debug to see where it happened, and report it with the input that caused it.');
  return ExitCode.internal;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
