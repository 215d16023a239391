import { InputError, type InputIssue } from '../errors/errors.ts';
import type { Message } from '../errors/messages.ts';
import type { PipelineConfig } from '../ingest/types.ts';
import { closest } from '../util/text.ts';
import { applyTranslations } from './apply.ts';
import { checkTranslation, type CheckProblem } from './check.ts';
import { codesOf } from './codes.ts';
import { collectUnits } from './collect.ts';
import { sourceHash } from './hash.ts';
import { tmsg } from './messages.ts';
import { updatedRecords } from './records.ts';
import type { TranslationUnit, UnitSet } from './types.ts';
import { writeProjectFiles } from './write.ts';
import { readXliff, type XliffDocument, type XliffInline, type XliffPart, type XliffUnit } from './xliff-read.ts';

/** How to import. */
export interface ImportOptions {
  /** The XLIFF file as messages name it (a path relative to the working folder). */
  file: string;
  /** The locale the file must translate into, when the caller knows it. */
  locale?: string;
}

/** What an import did. */
export interface ImportResult {
  /** The locale imported into. */
  locale: string;
  /** Units whose translation was taken from the file (written where it differed). */
  imported: string[];
  /** Units whose source hash was recorded: every segment was confirmed by the translator. */
  recorded: string[];
  /** Project-relative paths of the files written. */
  written: string[];
  /** Things worth knowing that did not stop the import (partly translated units, changed sources). */
  notices: InputIssue[];
}

/** What the file says about one unit, once read and checked. */
interface ImportedUnit {
  /** The unit of the project. */
  unit: TranslationUnit;
  /** The translation. */
  text: string;
  /** The hash to record, when the translator confirmed every segment. */
  hash?: string;
}

/**
 * Imports a translated XLIFF 2.0 file. Everything is checked first — XML, languages, unit
 * ids, placeholders, the syntax of every translation — and every problem is reported with
 * its line; if there is any, `InputError` is thrown and nothing is written. Otherwise each
 * translation is written into its file and, for units the translator confirmed, the hash of
 * the English text it was made from (the file's `<source>`) is recorded.
 */
export function importXliff(root: string, config: PipelineConfig, country: string, xml: string, options: ImportOptions): ImportResult {
  const issues: InputIssue[] = [];
  const at = (line: number, message: Message, severity: 'error' | 'warning' = 'error', column?: number) => issues.push({ place: { file: options.file, line, column }, ...message, severity });
  // 1. The file: well-formed XLIFF 2.0 from the source locale into a configured one.
  const { document, problems } = readXliff(xml);
  for (const problem of problems) at(problem.line, problem, 'error', problem.column);
  if (!document) throw new InputError(issues);
  const locale = checkLanguages(document, config, country, options.locale, (message) => at(document.line, message));
  if (!locale) throw new InputError(issues);
  // 2. Every unit: known, placeholders intact, valid syntax.
  const set = collectUnits(root, config, country, locale);
  const imported = readUnits(document, set, at);
  if (issues.some((issue) => issue.severity === 'error')) throw new InputError(issues);
  // 3. Write the translations and the hashes of the sources they were made from.
  const hashes = new Map(imported.filter((entry) => entry.hash !== undefined).map((entry) => [entry.unit.id, entry.hash!]));
  const files = [...applyTranslations(root, new Map(imported.map((entry) => [entry.unit, entry.text]))), ...updatedRecords(set, hashes)];
  const written = writeProjectFiles(root, files);
  return { locale, imported: imported.map((entry) => entry.unit.id), recorded: [...hashes.keys()], written, notices: issues };
}

function checkLanguages(document: XliffDocument, config: PipelineConfig, country: string, asked: string | undefined, problem: (message: Message) => void): string | undefined {
  let ok = true;
  const fail = (message: Message) => {
    ok = false;
    problem(message);
  };
  if (!sameLanguage(document.srcLang, config.sourceLocale)) fail(tmsg.sourceLanguage(document.srcLang, config.sourceLocale));
  if (document.country !== undefined && document.country !== country) fail(tmsg.countryMismatch(document.country, country));
  const targets = config.locales.filter((locale) => locale !== config.sourceLocale);
  const matches = targets.filter((locale) => sameLanguage(document.trgLang, locale));
  const locale = targets.includes(document.trgLang) ? document.trgLang : matches.length === 1 ? matches[0] : undefined;
  if (!locale) fail(tmsg.targetLanguage(document.trgLang, targets));
  else if (asked !== undefined && asked !== locale) fail(tmsg.localeMismatch(locale, asked));
  return ok ? locale : undefined;
}

/** `ru` and `ru-RU` are the same language for this check; translation tools add regions. */
function sameLanguage(code: string, locale: string): boolean {
  const a = code.toLowerCase();
  const b = locale.toLowerCase();
  return a === b || a.split('-')[0] === b.split('-')[0];
}

type Report = (line: number, message: Message, severity?: 'error' | 'warning') => void;

function readUnits(document: XliffDocument, set: UnitSet, report: Report): ImportedUnit[] {
  const byId = new Map(set.units.map((unit) => [unit.id, unit]));
  const seen = new Map<string, number>();
  const imported: ImportedUnit[] = [];
  for (const entry of document.units) {
    if (!entry.id) {
      report(entry.line, tmsg.unitWithoutId());
      continue;
    }
    const first = seen.get(entry.id);
    if (first !== undefined) {
      report(entry.line, tmsg.duplicateUnit(entry.id, first));
      continue;
    }
    seen.set(entry.id, entry.line);
    const unit = byId.get(entry.id);
    if (!unit) {
      report(entry.line, tmsg.unknownUnit(entry.id, closest(entry.id, [...byId.keys()], 4)));
      continue;
    }
    const result = readUnit(entry, unit, set.locale, report);
    if (result) imported.push(result);
  }
  return imported;
}

/**
 * Whether a segment has a translation. Some tools write an empty `<target/>` for a segment
 * nobody translated yet; that is no translation, not an empty one.
 */
function isTranslated(part: XliffPart): boolean {
  if (part.target === undefined) return false;
  const blank = (pieces: readonly XliffInline[]) => pieces.every((piece) => piece.kind === 'text' && piece.text.trim() === '');
  return !blank(part.target) || blank(part.source);
}

function readUnit(entry: XliffUnit, unit: TranslationUnit, locale: string, report: Report): ImportedUnit | undefined {
  const segments = entry.parts.filter((part) => part.kind === 'segment');
  const translated = segments.filter(isTranslated);
  if (translated.length === 0) return undefined;
  if (translated.length < segments.length) {
    report(translated[0]!.line, tmsg.partlyTranslated(unit.id), 'warning');
    return undefined;
  }
  let ok = true;
  const resolve = (pieces: readonly XliffInline[], line: number) => {
    let text = '';
    for (const piece of pieces) {
      if (piece.kind === 'text') text += piece.text;
      else if (piece.kind === 'unsupported') {
        ok = false;
        report(line, tmsg.unsupportedCode(unit.id, piece.element));
      } else {
        const code = codeOf(entry, piece);
        if (code === undefined) {
          ok = false;
          report(line, tmsg.unknownPlaceholder(unit.id, piece.id));
        } else text += code;
      }
    }
    return text;
  };
  const texts = entry.parts.map((part) => {
    const source = resolve(part.source, entry.line);
    const target = part.target === undefined || (part.kind === 'segment' && !isTranslated(part)) ? source : resolve(part.target, part.line);
    if (part.targetLang !== undefined && !sameLanguage(part.targetLang, locale)) {
      ok = false;
      report(part.line, tmsg.targetLangMismatch(part.targetLang, locale));
    }
    return { line: part.line, source, target };
  });
  if (!ok) return undefined;
  const source = texts.map((text) => text.source).join('');
  const target = texts.map((text) => text.target).join('');
  const problems = checkTranslation(unit.id, source, target, unit.syntax, locale);
  for (const problem of problems) report(lineOfProblem(problem, texts, unit.syntax) ?? translated[0]!.line, problem);
  if (problems.length > 0) return undefined;
  if (source !== unit.source.text) report(entry.line, tmsg.sourceChanged(unit.id), 'warning');
  const confirmed = segments.every((part) => part.state === 'translated' || part.state === 'reviewed' || part.state === 'final');
  return { unit, text: target, hash: confirmed ? sourceHash(source) : undefined };
}

/** The line of the first segment whose target has the problem's code a different number of times than its source. */
function lineOfProblem(problem: CheckProblem, texts: readonly { line: number; source: string; target: string }[], syntax: TranslationUnit['syntax']): number | undefined {
  if (problem.code === undefined) return undefined;
  const count = (text: string) => codesOf(text, syntax).filter((code) => code.text === problem.code).length;
  return texts.find((text) => count(text.source) !== count(text.target))?.line;
}

/**
 * The original code of a placeholder: through its own `dataRef`, else through the source
 * placeholder of the same id (or the one it copies), as tools may drop `dataRef` from copies.
 */
function codeOf(entry: XliffUnit, ph: Extract<XliffInline, { kind: 'ph' }>): string | undefined {
  if (ph.dataRef !== undefined) return entry.data.get(ph.dataRef);
  for (const id of [ph.id, ph.copyOf]) {
    if (id === undefined) continue;
    for (const part of entry.parts) {
      const match = part.source.find((piece) => piece.kind === 'ph' && piece.id === id);
      if (match?.kind === 'ph' && match.dataRef !== undefined) return entry.data.get(match.dataRef);
    }
  }
  return undefined;
}
