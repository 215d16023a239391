import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/project.ts';
import type { BadCase } from '../harness.ts';

const country = 'data/countries/kazakhstan';
const programme = 'data/frameworks/csi-2008-2010';
const corrections = `${country}/corrections.yaml`;

/** A key written at the start of a line, after `indent` (spaces and an optional list dash). */
function keyPattern(indent: string, key: string): RegExp {
  return new RegExp(`^${indent.replace(/-/g, '\\-')}${key}:`, 'm');
}

/**
 * The case of a misspelt key: the first `key` written after `indent` in a repository file
 * becomes `wrong`; the error must name `wrong` at that line and suggest `key`.
 */
function misspelt(name: string, path: string, indent: string, key: string, wrong: string): BadCase {
  const text = readFileSync(join(repoRoot, path), 'utf8');
  const found = keyPattern(indent, key).exec(text);
  if (!found) throw new Error(`${path} has no key "${key}" after "${indent}"`);
  const line = text.slice(0, found.index).split('\n').length;
  return {
    name,
    project: 'repo',
    argv: ['check', '--locale', 'en'],
    setup: (p) => p.edit(path, keyPattern(indent, key), `${indent}${wrong}:`),
    at: `${path}:${line}`,
    message: new RegExp(`unknown key "${wrong}"`),
    hint: new RegExp(`Did you mean "${key}"\\?`),
  };
}

/**
 * A misspelt key at the top and one level down of every kind of input file read with a schema
 * (the cases of country.yaml, pipeline.config.yaml, bibliography.yaml, theme.yaml and page.yaml
 * are with their files' other cases). Maps keyed by ids (sources, facts, indicator values,
 * lists) have no fixed keys at the top: their entries are the first level with fixed keys.
 */
export const unknownKeyCases: BadCase[] = [
  misspelt('misspelt top-level key in the framework', `data/frameworks/csi-2008-2010.yaml`, '', 'sourceKinds', 'sourcekinds'),
  misspelt('misspelt key of a dimension in the framework', `data/frameworks/csi-2008-2010.yaml`, '  - ', 'id', 'idd'),
  misspelt('misspelt key of a sub-dimension in the framework', `data/frameworks/csi-2008-2010.yaml`, '      - ', 'id', 'ids'),
  misspelt('misspelt top-level key in indicators.yaml', `${country}/indicators.yaml`, '', 'values', 'valeus'),
  misspelt('misspelt key of an indicator value', `${country}/indicators.yaml`, '    ', 'year', 'yaer'),
  misspelt('misspelt key of a source in sources.yaml', `${country}/sources.yaml`, '  ', 'year', 'yeer'),
  misspelt('misspelt key of a source of the programme', `${programme}/sources.yaml`, '  ', 'title', 'titel'),
  misspelt('misspelt top-level key in programme.yaml', `${programme}/programme.yaml`, '', 'partners', 'partner'),
  misspelt('misspelt key of a partner in programme.yaml', `${programme}/programme.yaml`, '    ', 'short', 'shrot'),
  misspelt('misspelt key of a fact', `${country}/facts/civic-engagement.yaml`, '  ', 'unit', 'units'),
  misspelt('misspelt key of a fact of the programme', `${programme}/facts/programme.yaml`, '  ', 'value', 'valeu'),
  misspelt('misspelt top-level key in figures.yaml', `${country}/figures.yaml`, '', 'figures', 'figuers'),
  misspelt('misspelt key of a figure', `${country}/figures.yaml`, '    ', 'caption', 'captoin'),
  misspelt('misspelt top-level key in tables.yaml', `${country}/tables.yaml`, '', 'tables', 'tabels'),
  misspelt('misspelt key of a table', `${country}/tables.yaml`, '    ', 'notes', 'note'),
  misspelt('misspelt top-level key in people.yaml', `${country}/people.yaml`, '', 'lists', 'lsits'),
  misspelt('misspelt key of a people list', `${country}/people.yaml`, '    ', 'appendix', 'appendx'),
  misspelt('misspelt top-level key in recommendations.yaml', `${country}/recommendations.yaml`, '', 'recommendations', 'recomendations'),
  misspelt('misspelt key of a recommendation', `${country}/recommendations.yaml`, '    ', 'timeframe', 'timeframes'),
  misspelt('misspelt top-level key in brief.yaml', `${country}/brief.yaml`, '', 'priorities', 'priorites'),
  misspelt('misspelt key of a priority in brief.yaml', `${country}/brief.yaml`, '    ', 'evidence', 'evidences'),
  misspelt('misspelt top-level key in conflicts.yaml', `${country}/conflicts.yaml`, '', 'conflicts', 'conflict'),
  misspelt('misspelt key of a conflict', `${country}/conflicts.yaml`, '    ', 'used', 'use'),
  misspelt('misspelt key of a list item in lists.yaml', `${country}/narrative/en/lists.yaml`, '    ', 'text', 'txet'),
  misspelt('misspelt top-level key in a document plan', 'templates/acr/document.yaml', '', 'parts', 'prats'),
  misspelt('misspelt key of a part in a document plan', 'templates/acr/document.yaml', '  - ', 'snippet', 'snipet'),
  misspelt('misspelt key of a font in the theme', 'templates/theme.yaml', '  ', 'family', 'familly'),
  misspelt('misspelt key of a face in the theme', 'templates/theme.yaml', '    regular: {', 'file', 'fiel'),
  {
    name: 'misspelt top-level key in corrections.yaml',
    project: 'repo',
    argv: ['check', '--locale', 'en'],
    setup: (p) => p.put(corrections, 'corections:\n  - date: "2020-02-03"\n    indicator: "1.1.1"\n    old: 38\n    new: 40\n    reason: {en: Recount}\n'),
    at: `${corrections}:1`,
    message: /unknown key "corections"/,
    hint: /Did you mean "corrections"\?/,
  },
  {
    name: 'misspelt key of a correction',
    project: 'repo',
    argv: ['check', '--locale', 'en'],
    setup: (p) => p.put(corrections, 'corrections:\n  - date: "2020-02-03"\n    indicator: "1.1.1"\n    old: 38\n    new: 40\n    reasons: {en: Recount}\n'),
    at: `${corrections}:6`,
    message: /unknown key "reasons"/,
    hint: /Did you mean "reason"\?/,
  },
];
