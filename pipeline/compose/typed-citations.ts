import type { InputIssue } from '../errors/errors.ts';
import type { TextFile } from '../ingest/types.ts';
import { sourceAsWork, type CitedWork } from './citations.ts';
import type { ComposeState } from './context.ts';

/** A name a citation of a work could be typed with, and the helper that should have been used. */
interface Citable {
  pattern: RegExp;
  key: string;
  /** The name and the year as the pattern has them literally: a line without both cannot match. */
  name: string;
  year: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds citations typed into a narrative file instead of generated: "(UNDP, 2002)",
 * "Fukuyama (1995)", "[Ziegler, 2008]" for a work of the bibliography. A typed citation does not
 * follow the edition's style and can drift from its entry, so each is an error at its place.
 */
export function typedCitations(state: ComposeState, file: TextFile): InputIssue[] {
  const citables = collectCitables(state);
  const issues: InputIssue[] = [];
  file.text.split('\n').forEach((line, index) => {
    const prose = line.replace(/\{\{[^}]*\}\}/g, (m) => ' '.repeat(m.length));
    for (const { pattern, key, name, year } of citables) {
      if (!prose.includes(year) || !prose.includes(name)) continue;
      for (const match of prose.matchAll(pattern)) {
        issues.push({
          place: { file: file.path, line: index + 1, column: (match.index ?? 0) + 1 },
          message: `the citation "${match[0]}" is typed`,
          hint: `Write {{cite "${key}"}} (or {{citet "${key}"}} where the name is part of the sentence), so it follows the edition's style and its entry.`,
          severity: 'error',
        });
      }
    }
  });
  return issues;
}

function collectCitables(state: ComposeState): Citable[] {
  const { dataset } = state.input;
  const works: CitedWork[] = [...dataset.bibliography, ...[...dataset.sources.values()].map((source) => sourceAsWork(state, source))];
  const out: Citable[] = [];
  for (const work of works) {
    if (work.year === undefined) continue;
    const names = [work.authors?.[0]?.split(',')[0], work.organisation, work.short].filter((name): name is string => !!name && name.length > 1);
    for (const name of names) {
      // The name, an optional "et al." in any of the edition languages, then the year after a comma or an opening bracket.
      out.push({ key: work.key, name, year: String(work.year), pattern: new RegExp(`(?<![\\p{L}])${escape(name)}(?: et al\\.| и др\\.| және т\\.б\\.)?(?:, ?| ?[([])${work.year}(?!\\d)`, 'gu') });
    }
  }
  return out;
}
