import { formsMissing, pluralCategories } from '../format/plurals.ts';
import Handlebars from 'handlebars';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Message } from '../errors/messages.ts';
import { codesOf } from './codes.ts';
import { tmsg } from './messages.ts';
import type { UnitSyntax } from './types.ts';

/** A problem of a translation; placeholder problems name the code, so a caller can find where it is. */
export interface CheckProblem extends Message {
  /** The code that is missing from the translation, or was added to it. */
  code?: string;
}

/**
 * Checks a translation against its English source: every code of the source is kept, none is
 * added or changed, and the result still parses. Returns one message per problem.
 */
export function checkTranslation(unit: string, source: string, target: string, syntax: UnitSyntax, locale: string): CheckProblem[] {
  if (syntax === 'plain') return [];
  return syntax === 'markdown' ? checkMarkdown(unit, source, target) : checkIcu(unit, source, target, locale);
}

/** Markdown: the same Handlebars expressions (but the names) and footnote labels, as many times each. */
function checkMarkdown(unit: string, source: string, target: string): CheckProblem[] {
  const want = countCodes(source);
  const have = countCodes(target);
  const missing: string[] = [];
  const added: string[] = [];
  for (const [code, count] of want) for (let n = have.get(code) ?? 0; n < count; n += 1) missing.push(code);
  for (const [code, count] of have) for (let n = want.get(code) ?? 0; n < count; n += 1) added.push(code);
  const problems = codeChanges(unit, missing, added);
  if (problems.length > 0) return problems;
  try {
    Handlebars.parse(target);
  } catch (error) {
    return [tmsg.badHandlebars(unit, firstLine(error))];
  }
  return [];
}

function countCodes(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const code of codesOf(text, 'markdown')) if (!nameExpression.test(code.text)) counts.set(code.text, (counts.get(code.text) ?? 0) + 1);
  return counts;
}

/**
 * The name of the country or the organisation (`{{country}}`, `{{organisation case="genitive"}}`)
 * is a word of the sentence: a translation puts it where its language needs it, in the case it
 * needs (Russian "в {{country case="prepositional"}}" for English "in Kazakhstan"), or leaves
 * it out for a pronoun. It is kept as a placeholder, but not counted against the source.
 */
const nameExpression = /^\{\{~?\s*(?:country|organisation)(?:\s+case=(?:"[a-z]+"|'[a-z]+'))?\s*~?\}\}$/;

/** A missing code next to an added one is most likely the same code edited: say so. */
function codeChanges(unit: string, missing: string[], added: string[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const pairs = Math.min(missing.length, added.length);
  for (let index = 0; index < pairs; index += 1) problems.push({ ...tmsg.placeholderChanged(unit, missing[index]!, added[index]!), code: missing[index]! });
  for (const code of missing.slice(pairs)) problems.push({ ...tmsg.placeholderMissing(unit, code), code });
  for (const code of added.slice(pairs)) problems.push({ ...tmsg.placeholderAdded(unit, code), code });
  return problems;
}

// Element types of intl-messageformat's AST (`TYPE` of @formatjs/icu-messageformat-parser).
const ICU = { argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, tag: 8 } as const;

/** The part of an ICU AST element this check reads. */
interface IcuElement {
  /** Element type, one of `ICU`. */
  type: number;
  /** Argument or tag name. */
  value?: string;
  /** Number, date or time style: a name or a parsed skeleton. */
  style?: unknown;
  /** Options of a plural or select, by keyword. */
  options?: Record<string, { value: IcuElement[] }>;
  /** A plural's offset. */
  offset?: number;
  /** Cardinal or ordinal plural. */
  pluralType?: 'cardinal' | 'ordinal';
  /** A tag's content. */
  children?: IcuElement[];
}

/** An ICU argument as a translation must keep it: how it is formatted, and a select's keys. */
interface IcuArgument {
  /** How it is written, e.g. `{count, plural, …}`, for messages. */
  shown: string;
  /** What must not change. */
  shape: string;
}

/**
 * ICU: the target parses, has the same arguments formatted the same way (plurals may move and
 * have other options), a select keeps its keys, and plural keywords exist in the language:
 * Russian has one/few/many/other, Kazakh one/other. A translation may use fewer keywords than
 * the language has when the forms coincide (Kazakh writes `other` only).
 */
function checkIcu(unit: string, source: string, target: string, locale: string): CheckProblem[] {
  let targetAst: IcuElement[];
  try {
    targetAst = new IntlMessageFormat(target, locale).getAst() as IcuElement[];
  } catch (error) {
    return [tmsg.badIcu(unit, firstLine(error))];
  }
  let sourceAst: IcuElement[];
  try {
    sourceAst = new IntlMessageFormat(source, 'en').getAst() as IcuElement[];
  } catch {
    // The English string itself is broken; ingest reports it, and there is nothing to compare with.
    return [];
  }
  const want = icuArguments(sourceAst);
  const have = icuArguments(targetAst);
  const missing: string[] = [];
  const added: string[] = [];
  for (const [name, argument] of want) {
    const found = have.get(name);
    if (!found) missing.push(argument.shown);
    else if (found.shape !== argument.shape) {
      missing.push(argument.shown);
      added.push(found.shown);
    }
  }
  for (const [name, argument] of have) if (!want.has(name)) added.push(argument.shown);
  return [...codeChanges(unit, missing, added), ...pluralKeywords(unit, targetAst, locale)];
}

function icuArguments(elements: readonly IcuElement[], into = new Map<string, IcuArgument>()): Map<string, IcuArgument> {
  for (const element of elements) {
    const name = element.value ?? '';
    const argument = describe(element);
    // A name used several times (once per plural option) must be formatted alike each time.
    if (argument && !into.has(name)) into.set(name, argument);
    for (const option of Object.values(element.options ?? {})) icuArguments(option.value, into);
    if (element.children) icuArguments(element.children, into);
  }
  return into;
}

function describe(element: IcuElement): IcuArgument | undefined {
  const name = element.value ?? '';
  const style = element.style === undefined || element.style === null ? '' : typeof element.style === 'string' ? element.style : JSON.stringify(element.style);
  switch (element.type) {
    case ICU.argument:
      return { shown: `{${name}}`, shape: 'argument' };
    case ICU.number:
    case ICU.date:
    case ICU.time: {
      const kind = element.type === ICU.number ? 'number' : element.type === ICU.date ? 'date' : 'time';
      return { shown: `{${name}, ${kind}${typeof element.style === 'string' ? `, ${style}` : style ? ', …' : ''}}`, shape: `${kind}:${style}` };
    }
    case ICU.select:
      return { shown: `{${name}, select, …}`, shape: `select:${Object.keys(element.options ?? {}).sort().join('|')}` };
    case ICU.plural: {
      const kind = element.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
      return { shown: `{${name}, ${kind}, …}`, shape: `${kind}:${element.offset ?? 0}` };
    }
    case ICU.tag:
      return { shown: `<${name}>`, shape: 'tag' };
    default:
      return undefined;
  }
}

function pluralKeywords(unit: string, elements: readonly IcuElement[], locale: string): Message[] {
  const problems: Message[] = [];
  for (const element of elements) {
    if (element.type === ICU.plural) {
      const type = element.pluralType === 'ordinal' ? 'ordinal' : 'cardinal';
      const allowed = pluralCategories(locale, type);
      for (const keyword of Object.keys(element.options ?? {})) {
        if (!/^=\d+(\.\d+)?$/.test(keyword) && !allowed.includes(keyword)) problems.push(tmsg.pluralKeyword(unit, keyword, locale, allowed));
      }
      const missing = formsMissing(element.options ?? {}, allowed);
      if (missing.length > 0) problems.push(tmsg.pluralMissing(unit, String(element.value), missing, locale, allowed));
    }
    for (const option of Object.values(element.options ?? {})) problems.push(...pluralKeywords(unit, option.value, locale));
    if (element.children) problems.push(...pluralKeywords(unit, element.children, locale));
  }
  return problems;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
