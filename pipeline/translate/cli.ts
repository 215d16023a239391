import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CsiError, ExitCode, InputError, UsageError, formatIssue } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import { readConfig } from '../ingest/config.ts';
import { InputReader } from '../input/read.ts';
import type { PipelineConfig } from '../ingest/types.ts';
import { issueAt } from '../input/yaml-file.ts';
import { tmsg } from './messages.ts';
import { renderStatus } from './render-status.ts';
import { stampTranslations } from './stamp.ts';
import { needsWork, statusReport } from './status.ts';
import { exportXliff } from './xliff-export.ts';
import { importXliff } from './xliff-import.ts';

const usage = `Usage: csi-report translations <command> [options]

Commands:
  status [--locale L]                what is missing, stale or unrecorded, per locale
  export --locale L [--out FILE]     write the units of a locale as XLIFF 2.0 (to stdout without --out)
         [--pending]                    only the units that are missing, stale or unrecorded
  import FILE [--locale L]           check a translated XLIFF 2.0 file and write it into the project
  stamp --locale L [--unit ID]...    record that translations match the current English text

Options:
  --config FILE    configuration file (default: pipeline.config.yaml)
  --country ID     the country (default: the first configured country)
  -h, --help       show this help

Exit codes: 0 success, 1 status found missing or stale translations, 2 input error,
64 usage error.`;

/** Exit codes of `csi-report translations`; 1 lets CI fail on missing or stale translations. */
export const TranslationExit = { ok: 0, needsWork: 1, input: ExitCode.input, usage: ExitCode.usage } as const;

/** What every subcommand needs: the project root (the configuration's folder), the configuration, the country. */
interface Project {
  /** The configuration's folder; data paths are relative to it. */
  root: string;
  /** The configuration file, relative to the root. */
  configPath: string;
  /** The configuration. */
  config: PipelineConfig;
  /** The country worked on. */
  country: string;
}

/**
 * Runs `csi-report translations …` and returns its exit code. `cwd` is the working folder:
 * the configuration and the XLIFF files named on the command line are relative to it, the
 * data to the configuration's folder (as for `csi-report build`).
 */
export async function runTranslationsCommand(args: string[], cwd: string): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        config: { type: 'string', default: 'pipeline.config.yaml' },
        country: { type: 'string' },
        locale: { type: 'string' },
        out: { type: 'string' },
        pending: { type: 'boolean', default: false },
        unit: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      console.log(usage);
      return TranslationExit.ok;
    }
    const [command, ...rest] = positionals;
    if (!command || !['status', 'export', 'import', 'stamp'].includes(command)) throw new UsageError(`unknown command "${positionals.join(' ')}"\n\n${usage}`);
    if (rest.length !== (command === 'import' ? 1 : 0)) throw new UsageError(command === 'import' ? `import needs one XLIFF file\n\n${usage}` : `unexpected "${rest.join(' ')}"\n\n${usage}`);
    if ((command === 'export' || command === 'stamp') && !values.locale) throw new UsageError(`${command} needs --locale\n\n${usage}`);
    const project = openProject(cwd, values.config!, values.country);
    const locale = values.locale === undefined ? undefined : checkLocale(project, values.locale);
    switch (command) {
      case 'status': {
        const status = statusReport(project.root, project.config, project.country, locale ? [locale] : undefined);
        console.log(renderStatus(status));
        return needsWork(status) ? TranslationExit.needsWork : TranslationExit.ok;
      }
      case 'export':
        return runExport(project, locale!, values.out === undefined ? undefined : resolve(cwd, values.out), values.out, values.pending ?? false);
      case 'import':
        return runImport(project, cwd, rest[0]!, locale);
      default:
        return runStamp(project, locale!, values.unit);
    }
  } catch (error) {
    return report(error);
  }
}

function openProject(cwd: string, configPath: string, country: string | undefined): Project {
  // Paths in the configuration are relative to its own folder.
  const configFile = resolve(cwd, configPath);
  const root = dirname(configFile);
  const reader = new InputReader(root);
  const config = readConfig(reader, basename(configFile));
  if (!config) throw new InputError(reader.issues);
  const id = country ?? config.countries[0]!;
  // The languages of this country (its country.yaml), not every configured one.
  const own = reader.exists(`${config.dataDir}/countries/${id}/country.yaml`) ? reader.yaml(`${config.dataDir}/countries/${id}/country.yaml`, 'country')?.value : undefined;
  const locales = own && typeof own === 'object' && Array.isArray((own as { locales?: unknown }).locales) ? ((own as { locales: string[] }).locales) : config.locales;
  return { root, configPath: basename(configFile), config: { ...config, locales }, country: id };
}

function checkLocale(project: Project, locale: string): string {
  const { config, configPath } = project;
  if (locale === config.sourceLocale) throw new InputError([issueAt({ file: configPath }, tmsg.sourceIsNotTranslated(locale))]);
  if (!config.locales.includes(locale)) throw new InputError([issueAt({ file: configPath }, msg.unknownLocale(locale, config.locales))]);
  return locale;
}

function runExport(project: Project, locale: string, out: string | undefined, shown: string | undefined, pending: boolean): number {
  const result = exportXliff(project.root, project.config, project.country, locale, { pending });
  if (out === undefined) {
    process.stdout.write(result.xml);
    return TranslationExit.ok;
  }
  writeFileSync(out, result.xml);
  console.log(`wrote ${shown}: ${result.units} units of ${result.files} files, ${project.config.sourceLocale} → ${locale}`);
  return TranslationExit.ok;
}

function runImport(project: Project, cwd: string, file: string, locale: string | undefined): number {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new InputError([issueAt({ file }, tmsg.xliffMissing())]);
  const result = importXliff(project.root, project.config, project.country, readFileSync(path, 'utf8'), { file, locale });
  for (const notice of result.notices) console.error(formatIssue(notice));
  console.log(`${file}: ${result.imported.length} translations into ${result.locale}, ${result.recorded.length} recorded as current`);
  for (const written of result.written) console.log(`  wrote ${written}`);
  return TranslationExit.ok;
}

function runStamp(project: Project, locale: string, units: readonly string[] | undefined): number {
  const result = stampTranslations(project.root, project.config, project.country, locale, units);
  console.log(`${locale}: recorded the ${project.config.sourceLocale} source of ${result.stamped.length} translations`);
  if (result.refreshed.length > 0) console.log(`  ${result.refreshed.length} of them were stale and now count as current: ${result.refreshed.join(', ')}`);
  if (result.untranslated.length > 0) console.log(`  ${result.untranslated.length} units have no translation yet and were left out`);
  for (const written of result.written) console.log(`  wrote ${written}`);
  return TranslationExit.ok;
}

function report(error: unknown): number {
  if (error instanceof InputError) {
    console.error(error.message);
    return TranslationExit.input;
  }
  if (error instanceof CsiError) {
    console.error(`csi-report translations: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`csi-report translations: ${error.message}\n\n${usage}`);
    return TranslationExit.usage;
  }
  // Anything else is a bug: the main command line reports it with its stack under --debug.
  throw error;
}
