import type { InputReader } from '../input/read.ts';
import { issueAt } from '../input/yaml-file.ts';

/** One spelling of a name to use, and the variants of it that must not appear. */
export interface Spelling {
  /** The spelling to use. */
  use: string;
  /** Variants found before, each an error wherever it appears. */
  not: readonly string[];
}

/**
 * Finds the recorded variants of organisation names (`spellings:` in country.yaml) in every
 * text of the country and in the generic texts: each is an error at its line and column, so a
 * name is spelled one way in every part of an edition. A name broken across two lines of a
 * Markdown file is found too, as the reader sees it. `country.yaml`, which lists the variants, is
 * not searched.
 */
export function checkSpellings(reader: InputReader, files: readonly string[], spellings: readonly Spelling[], except: string): void {
  if (spellings.length === 0) return;
  // Each variant's words with any run of white space between them (line breaks too), made once
  // for every file.
  const variants = spellings.flatMap((spelling) => spelling.not.map((variant) => ({
    spelling,
    variant,
    pattern: new RegExp(variant.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g'),
  })));
  for (const file of files) {
    if (file === except || !/\.(md|ya?ml)$/.test(file)) continue;
    const text = reader.text(file, 'text');
    if (text === undefined) continue;
    // Where each line starts, worked out at the first variant found: most files have none.
    let lineStarts: number[] | undefined;
    for (const { spelling, variant, pattern } of variants) {
      for (const match of text.matchAll(pattern)) {
        lineStarts ??= [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
        let line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= match.index!) line += 1;
        reader.issues.push(issueAt({ file, line: line + 1, column: match.index! - lineStarts[line]! + 1 }, {
          message: `"${variant}" is another spelling of "${spelling.use}"`,
          hint: `Write "${spelling.use}": one spelling per name in every text (spellings: in country.yaml).`,
        }));
      }
    }
  }
}
