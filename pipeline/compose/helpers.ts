import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { formatCount, formatDecimal, formatNumber, formatPercent, formatYear } from '../format/number.ts';
import { displayed, pickRank, rankGroup } from '../score/rank.ts';
import { findNode } from '../ingest/framework-tree.ts';
import { ACTORS, type Fact, type LocalisedText, type RawValue } from '../ingest/types.ts';
import { nameForm, type NameOwner } from './name-cases.ts';
import type { SourcePlace } from '../errors/errors.ts';
import type { AnyScore } from '../score/index.ts';
import { localised, type ComposeState } from './context.ts';
import { citableWork, narrativeCitation, parentheticalCitation, type CitedWork } from './citations.ts';

/** A place in the text being rendered, as Handlebars gives it to helpers. */
interface Loc { start: { line: number; column: number } }

/** Raised by a helper; the renderer turns it into an issue at the helper's line. */
export class HelperError extends Error {
  constructor(message: string, readonly hint: string, readonly loc?: Loc) {
    super(message);
  }
}

/** The files being rendered, innermost last: a narrative text, then the generic texts it includes. */
export interface RenderTrail {
  /**
   * Each file with the place of the `{{> name}}` that included it (absent for the outermost),
   * and the file's line where the text starts when it is part of a larger file (a list item).
   */
  files: { path: string; includedFrom?: SourcePlace; firstLine?: number }[];
}

/**
 * What a helper gives back after reporting a problem: it prints as nothing, and a helper
 * given it as an argument (`{{score (highest "x")}}` after a bad "x") returns it again without
 * a second report, so every problem is reported once and the rendering goes on to find the rest.
 */
const FAILED = Object.freeze({ toString: () => '' });

/** The list id of `{{recommendations "actor"}}`: the recommendations of recommendations.yaml, not a list of lists.yaml. */
export const recommendationMarker = 'recommendations/';

/** Marks where a figure, table or list goes; the Markdown reader turns it into a block. */
export const placeMarker = (kind: 'figure' | 'table' | 'list', id: string) => `\n\n@@${kind}:${id}@@\n\n`;

/**
 * Creates a Handlebars environment whose helpers read the data of one edition. Every number
 * goes through the one formatter; every id is checked, and an unknown one is an error at the
 * helper's line.
 */
export function createHelpers(state: ComposeState, trail?: RenderTrail): typeof Handlebars {
  const hb = Handlebars.create();
  const { dataset, scores, locale, messages } = state.input;
  // A problem is reported where it is written — in a generic text, at its own line — and the
  // rendering goes on, so one run lists every missing fact, list and id.
  const report = (error: HelperError) => {
    const here = trail?.files.at(-1);
    if (!here) throw error;
    const from = here.includedFrom;
    state.issues.push({
      // Inside a larger file only the line is the file's; the text's columns are not.
      place: here.firstLine !== undefined
        ? { file: here.path, line: error.loc ? here.firstLine + error.loc.start.line - 1 : here.firstLine }
        : { file: here.path, line: error.loc?.start.line, column: error.loc ? error.loc.start.column + 1 : undefined },
      message: error.message,
      hint: from ? `${error.hint} (This generic text is included from ${from.file}${from.line ? `:${from.line}` : ''}.)` : error.hint,
      severity: 'error',
    });
  };
  const fail = (options: HelperOptions | undefined, message: string, hint: string): never => {
    throw new HelperError(message, hint, (options as unknown as { loc?: Loc } | undefined)?.loc);
  };
  const scoreOf = (id: unknown, options: HelperOptions): AnyScore => {
    const score = typeof id === 'string' ? scores.byId.get(id) : undefined;
    if (!score) return fail(options, `"${String(id)}" is not a dimension, sub-dimension or indicator id`, 'Use an id of the framework, e.g. "1", "1.4" or "1.4.2".');
    return score;
  };
  const nameOf = (id: string): string | undefined => {
    const node = findNode(dataset.framework, id);
    return node && localised(state, node.name);
  };
  const group = (key: unknown, options: HelperOptions): AnyScore[] =>
    rankGroup(dataset.framework, scores, String(key)) ??
    fail(options, `"${String(key)}" is not a group to rank`, 'Use "dimensions", "all-dimensions", a dimension id ("3") or a sub-dimension id ("3.5").');
  const pick = pickRank;
  const formatFact = (fact: Fact): string => {
    switch (fact.unit) {
      case 'percent': return formatPercent(fact.value, locale, Number.isInteger(fact.value) ? 0 : 1);
      case 'count': return formatCount(fact.value, locale);
      case 'year': return formatYear(fact.value);
      case 'rank': return formatCount(fact.value, locale);
      case 'usd-million': return messages.t('units.usdMillion', { value: formatNumber(fact.value, locale) });
      case 'number': return formatNumber(fact.value, locale);
    }
  };
  const formatRaw = (raw: RawValue, component: string | undefined, options: HelperOptions): string => {
    if (component !== undefined) {
      const part = raw.components?.[component];
      if (!part) return fail(options, `indicator "${raw.id}" has no component "${component}"`, `Use one of: ${Object.keys(raw.components ?? {}).join(', ') || 'none'}.`);
      return part.unit === 'usd-million' ? formatCount(part.value, locale) : formatNumber(part.value, locale);
    }
    if (raw.value === undefined) return fail(options, `indicator "${raw.id}" has no single raw value`, 'Name a component: {{raw "5.1.4" "gni"}}.');
    return formatNumber(raw.value, locale);
  };
  // A cited work must be in the reference list with a year, or the citation cannot be followed.
  const work = (key: unknown, options: HelperOptions): CitedWork => {
    const found = typeof key === 'string' ? citableWork(state, key) : undefined;
    if (!found) return fail(options, `"${String(key)}" is not a work of the bibliography or a data source`, `Add it to data/countries/${dataset.country.id}/bibliography.yaml (author, year, title), or use the key of an entry there or in sources.yaml.`);
    if (found.year === undefined) return fail(options, `the work "${String(key)}" has no year to cite`, 'Add "year:" to its entry.');
    return found;
  };
  // The nominative is the name itself; another case is the form country.yaml gives for the
  // edition's language, and a language that inflects names without it is an error at this line.
  const inCase = (whose: NameOwner, name: LocalisedText, options: HelperOptions): string => {
    const requested = (options.hash as Record<string, unknown> | undefined)?.case;
    if (requested === undefined) return localised(state, name);
    const found = nameForm(state, whose, String(requested));
    return 'form' in found ? found.form : fail(options, found.problem.message, found.problem.hint);
  };
  const ref = (kind: 'figure' | 'table', id: unknown, options: HelperOptions) => {
    const known = kind === 'figure' ? state.input.figures.has(String(id)) : dataset.tables.some((t) => t.id === id);
    if (!known) fail(options, `there is no ${kind} "${String(id)}"`, `Use a ${kind} id of the country's ${kind}s.yaml.`);
    return `[${messages.t(kind === 'figure' ? 'document.figureRef' : 'document.tableRef', { id: String(id) })}](#${kind}-${String(id)})`;
  };

  const helpers: Record<string, (...args: never[]) => unknown> = {
    score: (id: unknown, options: HelperOptions) => {
      const score = scoreOf(id, options);
      return formatPercent(score.score, locale, score.decimals);
    },
    number: (id: unknown, options: HelperOptions) => {
      const score = scoreOf(id, options);
      return formatDecimal(score.score, locale, score.decimals);
    },
    name: (id: unknown, options: HelperOptions) => nameOf(String(id)) ?? fail(options, `"${String(id)}" is not a dimension, sub-dimension or indicator id`, 'Use an id of the framework.'),
    raw: (id: unknown, component: unknown, options?: HelperOptions) => {
      const opts = (options ?? component) as HelperOptions;
      const raw = dataset.values.get(String(id));
      if (!raw) return fail(opts, `"${String(id)}" is not an indicator id`, 'Use an indicator id such as "5.1.2".');
      return formatRaw(raw, options ? String(component) : undefined, opts);
    },
    fact: (key: unknown, options: HelperOptions) => {
      const fact = dataset.facts.get(String(key));
      if (!fact) return fail(options, `there is no fact "${String(key)}"`, `Define it in ${dataset.config.dataDir}/countries/${dataset.country.id}/facts/<topic>.yaml, with value and unit.`);
      return formatFact(fact);
    },
    highest: (key: unknown, options: HelperOptions) => pick(group(key, options), 1),
    lowest: (key: unknown, options: HelperOptions) => pick(group(key, options), -1),
    above: (a: unknown, b: unknown, options: HelperOptions) => displayed(scoreOf(a, options)) > displayed(scoreOf(b, options)),
    below: (a: unknown, b: unknown, options: HelperOptions) => displayed(scoreOf(a, options)) < displayed(scoreOf(b, options)),
    // `{{country case="genitive"}}`: the name in a grammatical case, where the language needs one.
    country: (options: HelperOptions) => inCase('country', dataset.country.name, options),
    organisation: (...args: unknown[]) => {
      const options = args.pop() as HelperOptions;
      if (args.length > 0) return fail(options, `{{organisation "${String(args[0])}"}} names a form without saying it is a case`, `Write {{organisation case="${String(args[0])}"}}.`);
      return inCase('organisation', dataset.country.organisation.name, options);
    },
    orgShort: () => localised(state, dataset.country.organisation.short ?? dataset.country.organisation.name),
    partner: (options: HelperOptions) => {
      const partner = dataset.country.partners[0];
      return localised(state, partner?.short ?? partner?.name) || fail(options, 'the country has no partner organisation', 'Add "partners: [{name: …, short: …}]" to country.yaml.');
    },
    period: () => dataset.country.study.label,
    year: (key: unknown, options: HelperOptions) => {
      const fact = dataset.facts.get(String(key));
      if (!fact) return fail(options, `there is no fact "${String(key)}"`, 'Define it in the country\'s facts/*.yaml, with value and unit.');
      if (fact.year === undefined) return fail(options, `the fact "${fact.key}" has no year`, `Add "year: …" to it in ${fact.place.file}.`);
      return formatYear(fact.year);
    },
    figure: (id: unknown, options: HelperOptions) => {
      if (!state.input.figures.has(String(id))) fail(options, `there is no figure "${String(id)}"`, 'Use a figure id of the country\'s figures.yaml.');
      return placeMarker('figure', String(id));
    },
    table: (id: unknown, options: HelperOptions) => {
      if (!dataset.tables.some((t) => t.id === id)) fail(options, `there is no table "${String(id)}"`, 'Use a table id of the country\'s tables.yaml.');
      return placeMarker('table', String(id));
    },
    cite: (...args: unknown[]) => {
      const options = args.pop() as HelperOptions;
      if (args.length === 0) fail(options, 'cite names no work', 'Write {{cite "key"}} or {{cite "key1" "key2"}}.');
      return parentheticalCitation(state, args.map((key) => work(key, options)));
    },
    citet: (key: unknown, options: HelperOptions) => narrativeCitation(state, work(key, options)),
    figref: (id: unknown, options: HelperOptions) => ref('figure', id, options),
    tableref: (id: unknown, options: HelperOptions) => ref('table', id, options),
    recommendations: (actor: unknown, options: HelperOptions) => {
      if (!(ACTORS as readonly unknown[]).includes(actor)) fail(options, `"${String(actor)}" is not an actor`, `Use one of: ${ACTORS.join(', ')}.`);
      if (!dataset.recommendations.some((r) => r.actor === actor)) fail(options, `recommendations.yaml has no recommendation for "${String(actor)}"`, `Add one with "actor: ${String(actor)}", or remove this list.`);
      return placeMarker('list', `${recommendationMarker}${String(actor)}`);
    },
    list: (key: unknown, options: HelperOptions) => {
      const content = dataset.content.get(locale);
      if (!content?.lists.has(String(key))) {
        const known = [...(content?.lists.keys() ?? [])];
        const file = `${dataset.config.dataDir}/countries/${dataset.country.id}/narrative/${dataset.config.sourceLocale}/lists.yaml`;
        fail(options, `there is no list "${String(key)}" in lists.yaml`, known.length > 0 ? `Use one of: ${known.join(', ')}, or add "${String(key)}" to ${file}.` : `There are no lists yet: write ${file} with a list "${String(key)}" (see docs/data-format.md).`);
      }
      return placeMarker('list', String(key));
    },
  };
  // `lookup` of a key the object does not hold itself (a prototype's, such as "__proto__" or
  // "constructor") renders nothing in Handlebars even in strict mode; here it is an error.
  helpers.lookup = (object: unknown, key: unknown, options: HelperOptions) => {
    if (object === null || typeof object !== 'object' || !Object.hasOwn(object, String(key))) {
      return fail(options, `"${String(key)}" is not a value the narrative knows`, 'Use the helpers listed in docs/narrative.md; lookup reads only values the data gives a text.');
    }
    return (object as Record<string, unknown>)[String(key)];
  };
  for (const [name, helper] of Object.entries(helpers)) {
    hb.registerHelper(name, ((...args: never[]) => {
      if (args.some((arg) => arg === FAILED)) return FAILED;
      try {
        return helper(...args);
      } catch (error) {
        if (!(error instanceof HelperError) || !trail) throw error;
        report(error);
        return FAILED;
      }
    }) as Handlebars.HelperDelegate);
  }
  return hb;
}
