import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';

import type { SourcePlace } from '../errors/errors.ts';
import type { Block, Inline, TextInline } from './types.ts';

/** What a Markdown snippet became. */
export interface MarkdownResult {
  /** Blocks in order; `@@figure:…@@`-style markers become `placeholder` entries. */
  items: (Block | Placeholder)[];
  /** Footnote bodies by document-wide number. */
  footnotes: Map<number, Inline[]>;
  /** The next free footnote number. */
  nextFootnote: number;
}

/** A figure, table or list placed by a helper; compose fills it in. */
export interface Placeholder {
  kind: 'placeholder';
  of: 'figure' | 'table' | 'list';
  id: string;
  source?: SourcePlace;
}

const quotes: Record<string, string> = { en: '“”‘’', ru: '«»„“', kk: '«»„“' };
type Markdown = ReturnType<typeof MarkdownIt>;
type Token = ReturnType<Markdown["parse"]>[number];
const parsers = new Map<string, Markdown>();

function parser(locale: string): Markdown {
  let md = parsers.get(locale);
  if (!md) {
    // Typographic quotes and dashes follow the edition's language.
    md = new MarkdownIt({ html: false, linkify: false, typographer: true, quotes: quotes[locale] ?? quotes.en! }).use(footnote);
    parsers.set(locale, md);
  }
  return md;
}

/**
 * Reads rendered Markdown into document blocks. Footnotes are numbered on from `firstFootnote`
 * so numbering runs through the whole document.
 */
export function markdownToBlocks(markdown: string, locale: string, firstFootnote: number, source: SourcePlace, anchorPrefix: string): MarkdownResult {
  const env: { footnotes?: { list?: { label?: string }[] } } = {};
  const tokens = parser(locale).parse(markdown, env);
  const items: (Block | Placeholder)[] = [];
  const footnotes = new Map<number, Inline[]>();
  const numberOf = (id: number) => firstFootnote + id;
  let headingCount = 0;

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const place = token.map ? { ...source, line: (source.line ?? 1) + token.map[0] } : source;
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
      const close = token.type.replace('_open', '_close');
      const listItems: Inline[][] = [];
      let depth = 0;
      let j = i + 1;
      for (; j < tokens.length; j += 1) {
        const t = tokens[j]!;
        if (t.type === token.type) depth += 1;
        if (t.type === close) {
          if (depth === 0) break;
          depth -= 1;
        }
        if (t.type === 'inline') listItems.push(toInlines(t, numberOf));
      }
      items.push({ kind: 'list', ordered: token.type === 'ordered_list_open', items: listItems, source: place });
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
  return { items, footnotes, nextFootnote: firstFootnote + count };
}

function plainText(inline: Token): string {
  return (inline.children ?? []).map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? ' ' : '')).join('').trim();
}

function toInlines(inline: Token, numberOf: (id: number) => number): Inline[] {
  const out: Inline[] = [];
  let bold = 0;
  let italic = 0;
  let link: string | undefined;
  for (const child of inline.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        push(out, { kind: 'text', text: child.content, bold: bold > 0 || undefined, italic: italic > 0 || undefined, link });
        break;
      case 'softbreak':
        push(out, { kind: 'text', text: ' ', link });
        break;
      case 'hardbreak':
        // A line feed: the layout ends the line here (a signature's name, then its title).
        push(out, { kind: 'text', text: '\n', link });
        break;
      case 'strong_open': bold += 1; break;
      case 'strong_close': bold -= 1; break;
      case 'em_open': italic += 1; break;
      case 'em_close': italic -= 1; break;
      case 'link_open': { const href = child.attrGet('href'); link = href === null || href === undefined ? undefined : String(href); break; }
      case 'link_close': link = undefined; break;
      case 'footnote_ref':
        out.push({ kind: 'footnote', number: numberOf((child.meta as { id: number }).id) });
        break;
      default:
        break;
    }
  }
  return out;
}

function push(out: Inline[], inline: TextInline): void {
  const last = out[out.length - 1];
  if (last && last.kind === 'text' && last.bold === inline.bold && last.italic === inline.italic && last.link === inline.link) last.text += inline.text;
  else out.push(inline);
}
