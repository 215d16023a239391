/**
 * The names of what builds write in the output folder beside the editions: a country's lock,
 * its published state, the temporary link of a swap, and the temporary files these are written
 * under (`<name>.<pid>.….tmp|stale`). One place, so the sweep of a killed build's strays and
 * the check that an output folder is the pipeline's own read them as they are written.
 */

/** The file that marks an output folder as made by this pipeline. */
export const outputMarker = '.csi-report-output';
/** The file that marks a version folder (`.versions/<country>-<digest>/`) as made by this pipeline. */
export const versionMarker = '.csi-report-version';

/** The build lock of a country. */
export function lockName(country: string): string {
  return `.build-${country}.lock`;
}

/** The state of a country's last publication (unlogged changes, warnings). */
export function publishedStateName(country: string): string {
  return `.published-${country}.json`;
}

/** The link made beside a country's link, then renamed over it. */
export function swapName(country: string, pid: number): string {
  return `${country}.swap-${pid}`;
}

/** A file of a write in progress, named after the file it becomes and the writing process. */
export function temporaryName(final: string, pid: number, tag?: string, kind: 'tmp' | 'stale' = 'tmp'): string {
  return `${final}.${pid}${tag ? `.${tag}` : ''}.${kind}`;
}

/** What a build-written name says: whose country, and for a temporary one the process writing it. */
export interface BuildFile {
  /** The country it belongs to. */
  country: string;
  /** The process that wrote it, for a temporary name (its writer may have been killed). */
  pid?: number;
}

const temporary = '(?:\\.(\\d+)(?:\\.[^.]+)*\\.(?:tmp|stale))?';
const patterns: readonly RegExp[] = [
  new RegExp(`^\\.build-(.+?)\\.lock${temporary}$`),
  new RegExp(`^\\.published-(.+?)\\.json${temporary}$`),
  /^(.+)\.swap-(\d+)$/,
];

/** Reads a name of the output folder as one a build writes, or undefined when it is not. */
export function parseBuildFile(name: string): BuildFile | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(name);
    if (match) return match[2] === undefined ? { country: match[1]! } : { country: match[1]!, pid: Number(match[2]) };
  }
  return undefined;
}
