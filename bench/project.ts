import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

/** What a build reads from the project: everything else (pipeline/, node_modules/) is shared. */
const projectInputs = ['data', 'templates', 'pipeline.config.yaml'];

/** A fresh temporary copy of the project's inputs: no output/, no build cache. */
export function copyProject(repoRoot: string): string {
  const root = mkdtempSync(join(tmpdir(), 'csi-bench-'));
  for (const entry of projectInputs) cpSync(join(repoRoot, entry), join(root, entry), { recursive: true });
  return root;
}

/** Deletes a copy made by `copyProject`. */
export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** One raw value changed in a copy, as a data correction after the national workshop would. */
export interface Correction {
  /** The file, relative to the project root. */
  file: string;
  /** Indicator id. */
  indicator: string;
  /** Value before. */
  from: number;
  /** Value after. */
  to: number;
}

/**
 * Corrects one indicator's raw value in a copy of the project by editing that one line of
 * its indicators.yaml, so comments, order and every other line (and the file:line places the
 * pipeline records) stay as they were. The new value is the old one plus `delta`.
 */
export function correctIndicator(root: string, country: string, indicator: string, delta: number): Correction {
  const file = join('data', 'countries', country, 'indicators.yaml');
  const path = join(root, file);
  const lines = readFileSync(path, 'utf8').split('\n');
  const start = lines.findIndex((line) => new RegExp(`^\\s*["']?${indicator.replace(/\./g, '\\.')}["']?:\\s*$`).test(line));
  if (start < 0) throw new Error(`${file}: indicator "${indicator}" not found; the benchmark corrects it, so pick another one in bench/run.ts`);
  const indent = lines[start]!.search(/\S/);
  for (let i = start + 1; i < lines.length && (lines[i]!.trim() === '' || lines[i]!.search(/\S/) > indent); i += 1) {
    const match = /^(\s*value:\s*)(-?[0-9.]+)(\s*(#.*)?)$/.exec(lines[i]!);
    if (!match) continue;
    const from = Number(match[2]);
    const decimals = match[2]!.split('.')[1]?.length ?? 0;
    const to = Number((from + delta).toFixed(Math.max(1, decimals)));
    lines[i] = `${match[1]}${to.toFixed(Math.max(1, decimals))}${match[3]}`;
    writeFileSync(path, lines.join('\n'));
    const parsed = parse(lines.join('\n')) as { values: Record<string, { value?: number }> };
    if (parsed.values[indicator]?.value !== to) throw new Error(`${file}: the correction of "${indicator}" did not read back as ${to}`);
    return { file, indicator, from, to };
  }
  throw new Error(`${file}: indicator "${indicator}" has no single "value:" line to correct`);
}

/** The id of the first configured country, as the build will pick it. */
export function defaultCountry(root: string): string {
  const config = parse(readFileSync(join(root, 'pipeline.config.yaml'), 'utf8')) as { countries?: string[] };
  const country = config.countries?.[0];
  if (!country) throw new Error('pipeline.config.yaml names no country');
  return country;
}
