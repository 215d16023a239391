import { createRequire } from 'node:module';
import type MarkdownItClass from 'markdown-it';
import footnote from 'markdown-it-footnote';
import attributes from 'markdown-it-attrs';
import bracketedSpansModule from 'markdown-it-bracketed-spans';

import type { SourcePlace } from '../errors/errors.ts';
import type { Block, Inline, TextInline } from '../document/types.ts';

/** What a Markdown snippet became. */
export interface MarkdownResult {
  /** Blocks in order; `@@figure:…@@`-style markers become `placeholder` entries. */
  items: (Block | Placeholder)[];
  /** Footnote bodies by document-wide number. */
  footnotes: Map<number, Inline[]>;
  /** The next free footnote number. */
  nextFootnote: number;
  /** What the text asks for that a PDF of the pipeline cannot print, by line of the Markdown. */
  problems: MarkdownProblem[];
}

/** Something in the Markdown that cannot be printed as written. */
export interface MarkdownProblem {
  /** 0-based line in the Markdown text. */
  line: number;
  /** What is wrong. */
  message: string;
  /** What to do. */
  hint: string;
}

/** The longest word (a run without a space) the layout is given; longer ones are refused. */
export const maxWordLength = 500;
/** The longest paragraph the layout is given, in characters. */
export const maxParagraphLength = 20_000;

/** A figure, table or list placed by a helper; compose fills it in. */
export interface Placeholder {
  kind: 'placeholder';
  of: 'figure' | 'table' | 'list';
  id: string;
  source?: SourcePlace;
}

const quotes: Record<string, string> = { en: '“”‘’', ru: '«»„“', kk: '«»„“' };
/**
 * markdown-it as a CommonJS module: markdown-it-attrs requires it so, and an `import` would load
 * the package's ES module build beside it, a second copy of markdown-it and its dependencies
 * (about 45 ms of every build that composes).
 */
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as typeof MarkdownItClass;

type Markdown = ReturnType<typeof MarkdownIt>;
type Token = ReturnType<Markdown["parse"]>[number];
const parsers = new Map<string, Markdown>();
// The package is CommonJS (`module.exports = plugin`) but its typings declare an ES default
// export, which TypeScript under NodeNext reads as the module object.
const bracketedSpans = bracketedSpansModule as unknown as (md: Markdown) => void;

function parser(locale: string): Markdown {
  let md = parsers.get(locale);
  if (!md) {
    // Typographic quotes and dashes follow the edition's language. HTML is recognised only to
    // be refused: as text it would print its tags.
    // `[words]{lang=ru}` marks words in another language (pandoc's bracketed span); of the
    // attributes in braces only `lang` means anything to a PDF.
    md = new MarkdownIt({ html: true, linkify: false, typographer: true, quotes: quotes[locale] ?? quotes.en! })
      .use(footnote)
      .use(bracketedSpans)
      .use(attributes, { allowedAttributes: ['lang'] });
    parsers.set(locale, md);
  }
  return md;
}

/**
 * Reads rendered Markdown into document blocks. Footnotes are numbered on from `firstFootnote`
 * so numbering runs through the whole document.
 */
export function markdownToBlocks(markdown: string, locale: string, firstFootnote: number, source: SourcePlace, anchorPrefix: string, lineOf: (line: number) => number = (line) => line): MarkdownResult {
  const env: { footnotes?: { list?: { label?: string }[] } } = {};
  const tokens = parser(locale).parse(markdown, env);
  const items: (Block | Placeholder)[] = [];
  const footnotes = new Map<number, Inline[]>();
  const problems: MarkdownProblem[] = [];
  const numberOf = (id: number) => firstFootnote + id;
  let headingCount = 0;
  let line = 0;
  const toInlines = (inline: Token, numberOfNote: (id: number) => number) => inlinesOf(inline, numberOfNote, line, problems);

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.map) line = token.map[0];
    const place = token.map ? { ...source, line: (source.line ?? 1) + lineOf(token.map[0]) } : source;
    if (token.type === 'html_block') problems.push(htmlProblem(token.map?.[0] ?? line, token.content));
    if (token.type === 'heading_open') {
      const level = Math.min(4, Number(token.tag.slice(1))) as 1 | 2 | 3 | 4;
      const text = plainText(tokens[i + 1]!);
      headingCount += 1;
      items.push({ kind: 'heading', level, text, anchor: `${anchorPrefix}-${headingCount}`, inContents: level <= 3, newPage: level === 1, source: place });
      i += 2;
    } else if (token.type === 'paragraph_open') {
      const inline = tokens[i + 1]!;
      const marker = /^@@(figure|table|list):(.+)@@$/.exec(inline.content.trim());
      if (marker) items.push({ kind: 'placeholder', of: marker[1] as Placeholder['of'], id: marker[2]!, source: place });
      else items.push({ kind: 'paragraph', inlines: toInlines(inline, numberOf), source: place });
      i += 2;
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      // One list block with each item's depth: a list inside an item is nested, not flattened.
      const listItems: Inline[][] = [];
      const levels: number[] = [];
      let depth = 0;
      let j = i + 1;
      for (; j < tokens.length; j += 1) {
        const t = tokens[j]!;
        if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') depth += 1;
        else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') {
          if (depth === 0) break;
          depth -= 1;
        } else if (t.type === 'inline') {
          listItems.push(toInlines(t, numberOf));
          levels.push(depth);
        }
      }
      items.push({ kind: 'list', ordered: token.type === 'ordered_list_open', items: listItems, ...(levels.some((level) => level > 0) ? { levels } : {}), source: place });
      i = j;
    } else if (token.type === 'footnote_open') {
      const id = (token.meta as { id: number }).id;
      const body: Inline[] = [];
      let j = i + 1;
      for (; j < tokens.length && tokens[j]!.type !== 'footnote_close'; j += 1) {
        if (tokens[j]!.type === 'inline') {
          if (body.length > 0) body.push({ kind: 'text', text: ' ' });
          body.push(...toInlines(tokens[j]!, numberOf));
        }
      }
      footnotes.set(numberOf(id), body);
      i = j;
    }
  }
  const count = env.footnotes?.list?.length ?? 0;
  for (const problem of problems) problem.line = lineOf(problem.line);
  return { items, footnotes, nextFootnote: firstFootnote + count, problems };
}

function htmlProblem(line: number, html: string): MarkdownProblem {
  const tag = html.trim().split('\n')[0]!.slice(0, 40);
  return { line, message: `the text holds HTML (${tag}), which the PDF cannot print`, hint: 'Write it in Markdown instead: **bold**, *italic*, [link](https://…), a list with "- "; a boxed note or picture belongs in figures.yaml.' };
}

function plainText(inline: Token): string {
  return (inline.children ?? []).map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? ' ' : '')).join('').trim();
}

/**
 * The inlines of a paragraph, heading or item. What cannot be printed — HTML, images, a
 * footnote reference with no footnote, a word or paragraph beyond the layout's limits — is
 * added to `problems` at its line (`first` is the block's first line).
 */
function inlinesOf(inline: Token, numberOf: (id: number) => number, first: number, problems: MarkdownProblem[]): Inline[] {
  const out: Inline[] = [];
  let bold = 0;
  let italic = 0;
  let link: string | undefined;
  // Languages of the open spans, innermost last; `undefined` for a span that names none.
  const langs: (string | undefined)[] = [];
  const lang = () => [...langs].reverse().find((tag) => tag !== undefined);
  let line = first;
  let length = 0;
  for (const child of inline.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'code_inline': {
        const note = /\[\^([^\]\s]+)\]/.exec(child.content);
        if (note) problems.push({ line, message: `the footnote [^${note[1]}] is not defined`, hint: `Write the footnote's text on a line of its own: [^${note[1]}]: …, or remove the reference.` });
        const word = child.content.split(/\s+/).reduce((longest, w) => (w.length > longest.length ? w : longest), '');
        if (word.length > maxWordLength) problems.push({ line, message: `a word of ${word.length} characters ("${word.slice(0, 20)}…") is longer than the ${maxWordLength} a line can be broken from`, hint: 'Put spaces (or a hyphen) into it; a long web address belongs in a [link](https://…) with a short text.' });
        length += child.content.length;
        push(out, { kind: 'text', text: child.content, bold: bold > 0 || undefined, italic: italic > 0 || undefined, link, lang: lang() });
        break;
      }
      case 'html_inline':
        problems.push(htmlProblem(line, child.content));
        break;
      case 'image':
        problems.push({ line, message: `the image "${String(child.attrGet('src') ?? '')}" cannot be printed: pictures are not taken from the narrative`, hint: 'Draw it as a figure from data (figures.yaml, placed with {{figure "id"}}), or describe it in the text.' });
        break;
      case 'softbreak':
        line += 1;
        push(out, { kind: 'text', text: ' ', link, lang: lang() });
        break;
      case 'hardbreak':
        line += 1;
        // A line feed: the layout ends the line here (a signature's name, then its title).
        push(out, { kind: 'text', text: '\n', link });
        break;
      case 'strong_open': bold += 1; break;
      case 'strong_close': bold -= 1; break;
      case 'em_open': italic += 1; break;
      case 'em_close': italic -= 1; break;
      case 'link_open': { const href = child.attrGet('href'); link = href === null || href === undefined ? undefined : String(href); break; }
      case 'link_close': link = undefined; break;
      case 'span_open': {
        const tag = child.attrGet('lang');
        const problem = tag === null || tag === undefined ? 'names no language' : languageTagProblem(String(tag));
        if (problem) problems.push({ line, message: `the span [${spanText(inline, child)}]{…} ${problem}`, hint: 'Mark words in another language as [words]{lang=ru}, with a language code such as en, ru or kk; other attributes are not printed.' });
        langs.push(problem ? undefined : canonicalLanguage(String(tag)));
        break;
      }
      case 'span_close': langs.pop(); break;
      case 'footnote_ref':
        out.push({ kind: 'footnote', number: numberOf((child.meta as { id: number }).id) });
        break;
      default:
        break;
    }
  }
  if (length > maxParagraphLength) problems.push({ line: first, message: `a paragraph of ${length} characters is longer than the ${maxParagraphLength} one paragraph may have`, hint: 'Split it into paragraphs with a blank line between them.' });
  return out;
}

function push(out: Inline[], inline: TextInline): void {
  if (inline.lang === undefined) delete inline.lang;
  const last = out[out.length - 1];
  if (last && last.kind === 'text' && last.bold === inline.bold && last.italic === inline.italic && last.link === inline.link && last.lang === inline.lang) last.text += inline.text;
  else out.push(inline);
}

/** The text of the span that `open` opens, for an error message. */
function spanText(inline: Token, open: Token): string {
  const children = inline.children ?? [];
  const from = children.indexOf(open) + 1;
  let depth = 0;
  let text = '';
  for (const child of children.slice(from)) {
    if (child.type === 'span_open') depth += 1;
    if (child.type === 'span_close' && depth-- === 0) break;
    text += child.content;
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The names of languages, to tell a known language from a well-formed code that names none. */
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Why `tag` is not a language tag a PDF reader can use, or undefined when it is one. */
export function languageTagProblem(tag: string): string | undefined {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return `gives the language "${tag}", which is not a language code`;
  try {
    const language = new Intl.Locale(tag).language;
    if (languageNames.of(language) === undefined) return `gives the language "${tag}", which is no known language`;
  } catch {
    return `gives the language "${tag}", which is not a language code`;
  }
  return undefined;
}

/** A language tag in its canonical form (`RU` → `ru`, `en-gb` → `en-GB`). */
export function canonicalLanguage(tag: string): string {
  return Intl.getCanonicalLocales(tag)[0] ?? tag;
}
