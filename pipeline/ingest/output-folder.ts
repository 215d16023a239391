import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { InputIssue, SourcePlace } from '../errors/errors.ts';
import type { PipelineConfig } from './types.ts';
import { insideFolder } from '../util/paths.ts';
import { outputMarker, parseBuildFile, versionMarker } from '../util/output-names.ts';

/** The output folder as an absolute path: an absolute `outputDir` as written, a relative one in the project. */
export function outputPath(root: string, config: Pick<PipelineConfig, 'outputDir'>): string {
  return isAbsolute(config.outputDir) ? config.outputDir : join(root, config.outputDir);
}

/**
 * Why the configured output folder must not be written to, if it must not: the build writes
 * only where it cannot touch an input (the output neither contains nor lies inside the data,
 * the templates or the project itself) and only into a folder it made, or an empty one.
 */
export function outputFolderIssues(root: string, config: PipelineConfig, place: SourcePlace): InputIssue[] {
  const issue = (message: string, hint: string): InputIssue[] => [{ place, message: `the output folder "${config.outputDir}" ${message}`, hint, severity: 'error' }];
  const out = outputPath(root, config);
  if (!isAbsolute(config.outputDir) && !insideFolder(root, out)) {
    return issue('lies outside the project', 'Name a folder inside the project, such as "output", or an absolute path (e.g. /srv/reports) to build elsewhere.');
  }
  const inputs: [string, string][] = [[join(root, config.dataDir), 'the data folder'], [join(root, config.templatesDir), 'the templates folder'], [root, 'the project folder (where the configuration is)']];
  // Compared as written and with symbolic links followed, so a link cannot lead the output into an input.
  const ways = (path: string) => [path, real(path)];
  for (const [folder, name] of inputs.slice(0, 2)) {
    if (ways(folder).some((f) => ways(out).some((o) => insideFolder(f, o)))) return issue(`lies inside ${name}`, 'Choose a folder outside data/ and templates/, such as "output": publishing replaces what is in it.');
  }
  for (const [folder, name] of inputs) {
    if (ways(folder).some((f) => ways(out).some((o) => insideFolder(o, f)))) return issue(`contains ${name}`, 'Give the output a folder of its own, such as "output": publishing replaces what is in it.');
  }
  if (!existsSync(out)) return [];
  if (!statSync(out).isDirectory()) return issue('is a file', 'Name a folder for the output (it is made when missing), not a file.');
  if (existsSync(join(out, outputMarker))) return [];
  const foreign = readdirSync(out).filter((name) => !ownEntry(out, name)).sort();
  if (foreign.length === 0) return [];
  const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, and ${foreign.length - 5} more` : '');
  return issue(`holds files this pipeline did not write (${shown})`, 'Name a new or empty folder for the output: the build writes only into a folder it made (marked by a .csi-report-output file) or an empty one.');
}

/** Why a country's folder in the output may not be replaced: it is not one this pipeline made. */
export function countryFolderIssues(root: string, config: PipelineConfig, country: string, place: SourcePlace): InputIssue[] {
  const folder = join(outputPath(root, config), country);
  if (!lstatOrUndefined(folder) || ownEntry(outputPath(root, config), country)) return [];
  return [{
    place,
    message: `the output folder "${config.outputDir}" holds "${country}", a folder this pipeline did not make`,
    hint: `Move it away (the build publishes ${country}/ as a link to its own version folder), then build again.`,
    severity: 'error',
  }];
}

/** An entry an earlier build left: its link, lock, version store, marker, or the benchmark's folder. */
function ownEntry(out: string, name: string): boolean {
  const stat = lstatOrUndefined(join(out, name));
  if (!stat) return false;
  if (stat.isSymbolicLink()) return readlinkSync(join(out, name)).startsWith('.versions/');
  if (stat.isDirectory()) return name === '.versions' || name === 'bench' || existsSync(join(out, name, versionMarker));
  // Also what builds write beside the editions (locks, published state, swaps and their
  // temporary names), so a folder an older build made without the marker is still its own.
  return name === outputMarker || name === '.gitkeep' || parseBuildFile(name) !== undefined;
}

/** The path with every symbolic link of its existing part followed. */
function real(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  return join(realpathSync(existing), ...rest);
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
