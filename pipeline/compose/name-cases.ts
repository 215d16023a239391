import Handlebars from 'handlebars';
import type { InputIssue, SourcePlace } from '../errors/errors.ts';
import { nameInCase } from '../format/cases.ts';
import type { Message } from '../errors/messages.ts';
import type { AskedCase, CompiledTemplates, NameOwner } from './compiled-templates.ts';
import { localised, type ComposeState } from './context.ts';
import { digest } from '../util/digest.ts';

export type { NameOwner };

/** The country's or the organisation's name in a case, or what is wrong and where to add the form. */
export function nameForm(state: ComposeState, whose: NameOwner, requested: string): { form: string } | { problem: Message } {
  const { dataset, locale } = state.input;
  const owner = whose === 'country' ? dataset.country : dataset.country.organisation;
  const found = nameInCase(localised(state, owner.name), owner.cases, locale, requested);
  if ('form' in found) return found;
  if (found.problem.kind === 'unknown-case') return { problem: { message: `"${requested}" is not a case of ${locale}`, hint: `Use one of: ${found.problem.cases.join(', ')}.` } };
  const file = `${dataset.config.dataDir}/countries/${dataset.country.id}/country.yaml`;
  const where = whose === 'country' ? 'beside the country\'s "name:"' : 'under "organisation:", beside its "name:"';
  return { problem: { message: `the ${whose === 'country' ? 'country' : 'organisation'}'s name has no ${requested} form in ${locale}`, hint: `Add it to ${file}, ${where}: "cases: {${locale}: {${requested}: "…"}}".` } };
}

/** The name cases a text asks for, as the build's memory keeps them: a text is parsed for them once. */
function keptCases(templates: CompiledTemplates, text: string): AskedCase[] {
  if (!text.includes('case=')) return [];
  const key = digest(text);
  let asked = templates.cases.get(key);
  if (!asked) {
    asked = askedCases(text);
    templates.cases.set(key, asked);
  }
  return asked;
}

/**
 * Every name case a text asks for, whether or not the data takes the branch it stands in: a
 * form missing in an `{{else}}` would otherwise surface only after a correction changes a
 * ranking, in the middle of regenerating the report.
 */
export function askedCases(text: string): AskedCase[] {
  // Most texts ask for no case (every English one): they are not parsed a second time.
  if (!text.includes('case=')) return [];
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(text);
  } catch {
    // A syntax error is reported by the rendering, at its place.
    return [];
  }
  const found: AskedCase[] = [];
  const note = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression) => {
    const name = node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : undefined;
    if (name !== 'country' && name !== 'organisation') return;
    const pair = node.hash?.pairs.find((p) => p.key === 'case');
    if (pair?.value.type !== 'StringLiteral') return;
    found.push({ whose: name, requested: (pair.value as hbs.AST.StringLiteral).value, line: node.loc.start.line, column: node.loc.start.column + 1 });
  };
  class Finder extends Handlebars.Visitor {
    override MustacheStatement(node: hbs.AST.MustacheStatement): void {
      note(node);
      super.MustacheStatement(node);
    }

    override SubExpression(node: hbs.AST.SubExpression): void {
      note(node);
      super.SubExpression(node);
    }
  }
  new Finder().accept(program);
  return found;
}

/**
 * The missing forms a text asks for that the rendering did not already report (a branch the
 * data does not take), each at its line. `firstLine` is where the text starts in a larger file.
 */
export function unrenderedCaseIssues(state: ComposeState, path: string, text: string, firstLine?: number): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const asked of keptCases(state.templates, text)) {
    const result = nameForm(state, asked.whose, asked.requested);
    if (!('problem' in result)) continue;
    const place: SourcePlace = firstLine !== undefined ? { file: path, line: firstLine + asked.line - 1 } : { file: path, line: asked.line, column: asked.column };
    const known = [...state.issues, ...issues].some((issue) => issue.place.file === place.file && issue.place.line === place.line && issue.place.column === place.column && issue.message === result.problem.message);
    if (!known) issues.push({ place, ...result.problem, severity: 'error' });
  }
  return issues;
}
