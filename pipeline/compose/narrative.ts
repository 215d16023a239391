import { unrenderedCaseIssues } from './name-cases.ts';
import { untranslatedMark } from '../format/untranslated.ts';
import Handlebars from 'handlebars';
import type { CompiledTemplates } from './compiled-templates.ts';
import { digest } from '../util/digest.ts';
import type { SourcePlace } from '../errors/errors.ts';
import type { TextFile } from '../ingest/types.ts';
import { localised, type ComposeState } from './context.ts';
import { HelperError, createHelpers, recommendationMarker, type RenderTrail } from './helpers.ts';
import { recommendationList } from './recommendations.ts';
import type { Actor } from '../ingest/types.ts';
import { markdownToBlocks, type MarkdownResult, type Placeholder } from './markdown.ts';
import { markdownKey } from './markdown-blocks.ts';
import { tableBlock } from './tables.ts';
import type { Block } from '../document/types.ts';
import { typedNumbers } from './bindings.ts';
import { typedCitations } from './typed-citations.ts';

/**
 * Renders one narrative file: Handlebars (strict) binds it to the data, Markdown gives it
 * structure, and placed figures, tables and lists become their blocks. Problems are collected
 * in `state.issues` with the file and line, and the rendering goes on so all are found at once.
 */
export function renderNarrative(state: ComposeState, file: TextFile, anchorPrefix: string): Block[] {
  const markdown = renderTemplate(state, file, {});
  if (markdown === undefined) return [];
  state.issues.push(...typedNumbers(state, file), ...typedCitations(state, file));
  const result = readMarkdown(state, markdown, { file: file.path, line: 1 }, anchorPrefix, true);
  for (const problem of result.problems) state.issues.push({ place: { file: file.path, line: problem.line + 1 }, message: problem.message, hint: problem.hint, severity: 'error' });
  state.nextFootnote = result.nextFootnote;
  for (const [number, body] of result.footnotes) state.footnotes.set(number, body);
  const blocks = result.items.flatMap((item) => (item.kind === 'placeholder' ? resolvePlaceholder(state, item, file) : [item]));
  if (file.untranslated) {
    // The source text stands in for a missing translation: say so, under its heading.
    const marker: Block = { kind: 'paragraph', style: 'marker', inlines: [{ kind: 'text', text: state.input.messages.t('document.untranslated'), italic: true }] };
    const at = blocks.findIndex((b) => b.kind !== 'heading');
    blocks.splice(at < 0 ? blocks.length : at, 0, marker);
  }
  return blocks;
}

/**
 * Rendered Markdown read into blocks from footnote `state.nextFootnote` on (`markdownToBlocks`),
 * its lines mapped back to the template's when `mapsLines`; taken from the build's memory when
 * the same text was read so before. A text with problems is read again at every build, so they
 * are reported again.
 */
function readMarkdown(state: ComposeState, markdown: string, source: SourcePlace, anchorPrefix: string, mapsLines: boolean): MarkdownResult {
  const { locale, markdown: memory } = state.input;
  const key = memory && markdownKey(markdown, locale, state.nextFootnote, source, anchorPrefix, mapsLines);
  const kept = key === undefined ? undefined : memory!.get(key);
  if (kept) return kept;
  const result = markdownToBlocks(markdown, locale, state.nextFootnote, source, anchorPrefix, mapsLines ? sourceLines(markdown) : undefined);
  if (key !== undefined && result.problems.length === 0) memory!.set(key, result);
  return result;
}

/**
 * Maps a line of rendered Markdown back to the line of the template it came from: each
 * figure, table or list marker a helper put in adds four lines (helpers.ts, placeMarker).
 */
function sourceLines(markdown: string): (line: number) => number {
  const markers: number[] = [];
  let line = 0;
  let from = 0;
  for (const match of markdown.matchAll(/\n\n@@(?:figure|table|list):[^\n]*@@\n\n/g)) {
    for (let i = from; i < match.index; i += 1) if (markdown[i] === '\n') line += 1;
    from = match.index;
    // The marker starts at the end of rendered line `line` (its template line, less the markers before it).
    markers.push(line);
  }
  return (rendered) => {
    let shift = 0;
    for (const start of markers) {
      if (rendered > start + 4) shift += 4;
      else if (rendered > start) return start - shift;
    }
    return rendered - shift;
  };
}

/**
 * Renders a Handlebars text with the helpers; undefined when it could not be rendered.
 * `at` is where the text starts when it is part of a larger file (a list item in lists.yaml).
 */
export function renderTemplate(state: ComposeState, file: TextFile, context: object, at?: SourcePlace): string | undefined {
  const trail: RenderTrail = { files: [{ path: file.path, ...(at?.line !== undefined ? { firstLine: at.line } : {}) }] };
  const hb = createHelpers(state, trail);
  const content = state.input.dataset.content.get(state.input.locale);
  const texts = new Map<string, string>([[file.path, file.text]]);
  for (const [name, partial] of content?.partials ?? []) {
    texts.set(partial.path, partial.text);
    // A generic text runs as its own template, so a problem in it is placed at its own line.
    hb.registerPartial(name, ((context: unknown, options: Handlebars.RuntimeOptions) => {
      const includer = trail.files.at(-1)!.path;
      trail.files.push({ path: partial.path, includedFrom: { file: includer, line: lineOfInclude(texts.get(includer) ?? '', name) } });
      try {
        return hb.template(compiledTemplate(partial.text, state.templates))(context, options);
      } catch (error) {
        if (error instanceof Error && !(error as Error & { file?: string }).file) Object.assign(error, { file: partial.path });
        throw error;
      } finally {
        trail.files.pop();
      }
    }) as unknown as Handlebars.Template);
  }
  try {
    const rendered = hb.template(compiledTemplate(file.text, state.templates))(context);
    state.issues.push(...unrenderedCaseIssues(state, file.path, file.text, at?.line));
    return rendered;
  } catch (error) {
    const path = (error as Error & { file?: string }).file ?? file.path;
    const issue = templateIssue(error, path, texts.get(path) ?? file.text);
    if (at?.line !== undefined && issue.place.file === file.path && issue.place.line !== undefined) {
      // Lines count from the start of the text; only the first line's columns are the file's.
      issue.place = { file: at.file, line: at.line + issue.place.line - 1 };
    }
    state.issues.push(issue);
    return undefined;
  }
}

/** The line of the first `{{> name}}` in a text. */
function lineOfInclude(text: string, name: string): number | undefined {
  const at = text.search(new RegExp(`\\{\\{~?>\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

const compileOptions = { strict: true, noEscape: true, knownHelpersOnly: false };
/** What `Handlebars.template` takes: a compiled template. */
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/**
 * A narrative text compiled once: the compiled form does not depend on the helpers or the
 * data, which each rendering binds anew, and compiling was most of the compose stage. The
 * compiled source is also kept between builds (memo.ts). A syntax error throws here, as it
 * would from `compile`, and is not kept.
 */
function compiledTemplate(text: string, templates: CompiledTemplates): TemplateSpecification {
  const key = digest(text);
  let spec = templates.evaluated.get(key) as TemplateSpecification | undefined;
  if (!spec) {
    let source = templates.sources.get(key);
    if (source === undefined) {
      source = String(Handlebars.precompile(text, compileOptions));
      templates.sources.set(key, source);
    }
    // precompile gives the compiled template as JavaScript source; this evaluates it, as compile does inside.
    spec = new Function(`return ${source};`)() as TemplateSpecification;
    templates.evaluated.set(key, spec);
  }
  return spec;
}

function templateIssue(error: unknown, file: string, text: string) {
  if (error instanceof HelperError) {
    const place: SourcePlace = { file, line: error.loc?.start.line, column: error.loc ? error.loc.start.column + 1 : undefined };
    return { place, message: error.message, hint: error.hint, severity: 'error' as const };
  }
  const message = error instanceof Error ? error.message : String(error);
  // Handlebars reports places as "- 3:12" (strict lookups) or "on line 3" (syntax).
  const strict = /^"?(.+?)"? not defined in .* - (\d+):(\d+)$/s.exec(message);
  if (strict) {
    return {
      place: { file, line: Number(strict[2]), column: Number(strict[3]) + 1 },
      message: `"${strict[1]}" is not a helper or value the narrative knows`,
      hint: 'Check the spelling; the helpers are listed in docs/narrative.md.',
      severity: 'error' as const,
    };
  }
  const partial = /The partial (.+) could not be found/.exec(message);
  if (partial) {
    const line = lineOfMatch(text, new RegExp(`\\{\\{~?>\\s*${escapeRegExp(partial[1]!)}`));
    return { place: { file, line }, message: `the generic text "${partial[1]}" does not exist`, hint: `Add templates/<document>/text/<locale>/${partial[1]}.md, or correct the name.`, severity: 'error' as const };
  }
  if (/got 'EOF'/.test(message)) {
    const open = unclosedBlock(text);
    if (open) {
      return { place: { file, line: open.line, column: open.column }, message: `{{#${open.name}}} is not closed: it opens here, and no {{/${open.name}}} follows`, hint: `Add {{/${open.name}}} where the ${open.name === 'if' || open.name === 'unless' ? 'conditional ' : ''}text ends.`, severity: 'error' as const };
    }
  }
  const syntax = /line (\d+)/.exec(message);
  return {
    place: { file, line: syntax ? Number(syntax[1]) : undefined },
    message: `the template cannot be read: ${message.split('\n')[0]}`,
    hint: 'Check the {{…}} expressions on this line: every {{#if}} needs its {{/if}}, every string its quotes.',
    severity: 'error' as const,
  };
}

function resolvePlaceholder(state: ComposeState, item: Placeholder, file: TextFile): Block[] {
  const { messages } = state.input;
  if (item.of === 'figure') {
    const figure = state.input.figures.get(item.id)!;
    return [{
      kind: 'figure', id: figure.id, anchor: `figure-${figure.id}`,
      caption: messages.t('document.figureCaption', { id: figure.id, caption: figure.caption }),
      chart: figure.chart, alt: figure.alt, note: figure.note, source: item.source,
    }];
  }
  if (item.of === 'table') {
    const table = state.input.dataset.tables.find((t) => t.id === item.id)!;
    return [tableBlock(state, table)];
  }
  if (item.id.startsWith(recommendationMarker)) return [{ ...recommendationList(state, item.id.slice(recommendationMarker.length) as Actor), source: { file: file.path } }];
  const list = state.input.dataset.content.get(state.input.locale)!.lists.get(item.id)!;
  const items = list.map((entry) => {
    const rendered = renderTemplate(state, { path: entry.place.file, name: entry.id, text: entry.text }, {}, entry.place) ?? entry.text;
    const text = entry.untranslated ? `${untranslatedMark(state.input.dataset.config.sourceLocale)}${rendered}` : rendered;
    const blocks = readMarkdown(state, text, entry.place, 'li', false);
    for (const problem of blocks.problems) state.issues.push({ place: { file: entry.place.file, line: (entry.place.line ?? 1) + problem.line }, message: problem.message, hint: problem.hint, severity: 'error' });
    const first = blocks.items.find((b) => b.kind === 'paragraph');
    return first && first.kind === 'paragraph' ? first.inlines : [{ kind: 'text' as const, text }];
  });
  return [{ kind: 'list', ordered: false, items, source: { file: file.path } }];
}

/** The innermost block helper still open at the end of a template, with where it opens. */
function unclosedBlock(text: string): { name: string; line: number; column: number } | undefined {
  const open: { name: string; offset: number }[] = [];
  for (const match of text.matchAll(/\{\{~?\s*(?:([#^])\s*([^\s}~()]+)|\/\s*([^\s}~]+))/g)) {
    if (match[2]) open.push({ name: match[2], offset: match.index });
    else if (match[3] && open.at(-1)?.name === match[3]) open.pop();
  }
  const last = open.at(-1);
  if (!last) return undefined;
  const before = text.slice(0, last.offset);
  return { name: last.name, line: before.split('\n').length, column: last.offset - before.lastIndexOf('\n') };
}

function lineOfMatch(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  return match ? text.slice(0, match.index).split('\n').length : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
