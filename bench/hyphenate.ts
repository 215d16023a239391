import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createHyphenator } from '../pipeline/hyphenate/index.ts';

/**
 * What hyphenation costs: for each locale, over the whitespace-separated tokens of every
 * country's narrative and the templates' text in that locale,
 *
 *   setup   making the hyphenator and its first word (loads the TeX patterns for en and ru)
 *   cold    each distinct token once, on a fresh hyphenator: the work of the first edition
 *   warm    every token of the running text again, answered from the hyphenator's cache
 *
 * Usage: npm run bench:hyphenate [-- --runs N]   (default 5)
 *
 * Times are the median of the runs and, for the per-word columns, also the best run: on a
 * busy machine the best run is the one least disturbed by other work. Setup is the first run's,
 * the only one that loads the patterns.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const locales = ['en', 'ru', 'kk'];
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 5;

/** Text files under `dir` inside a folder named `locale`. */
function localeFiles(dir: string, locale: string, inLocale = false): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...localeFiles(path, locale, inLocale || entry.name === locale));
    else if (inLocale && /\.(md|ya?ml)$/.test(entry.name)) files.push(path);
  }
  return files;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const both = (values: number[], digits: number) => `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)})`;

console.log('| locale | tokens | distinct | setup ms | cold µs/word, median (best) | warm µs/token, median (best) | pieces/word |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const locale of locales) {
  const files = [...localeFiles(join(root, 'data', 'countries'), locale), ...localeFiles(join(root, 'templates'), locale)];
  const tokens = files.flatMap((file) => readFileSync(file, 'utf8').split(/\s+/u)).filter((token) => /\p{L}/u.test(token));
  const distinct = [...new Set(tokens)];
  const setup: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  let pieces = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const hyphenator = createHyphenator(locale);
    hyphenator.split(distinct[0]!);
    const made = performance.now();
    pieces = 0;
    for (const word of distinct) pieces += hyphenator.split(word).length;
    const coldDone = performance.now();
    for (const word of tokens) hyphenator.split(word);
    const warmDone = performance.now();
    setup.push(made - start);
    cold.push(((coldDone - made) * 1000) / distinct.length);
    warm.push(((warmDone - coldDone) * 1000) / tokens.length);
  }
  const row = [locale, tokens.length, distinct.length, setup[0]!.toFixed(1), both(cold, 1), both(warm, 2), (pieces / distinct.length).toFixed(2)];
  console.log(`| ${row.join(' | ')} |`);
}
