import type { Block, ComposedDocument, CoverBlock, FigureBlock, Inline, ListBlock, ParagraphBlock, TableBlock, TableCell } from '../pipeline/document/types.ts';
import type { PageStyle, TextStyle } from '../pipeline/theme/style.ts';

/** A chart as the Typst document sees it: an SVG file in the compiler's workspace. */
export interface TypstChart {
  /** Path from the compiler's workspace root, `/charts/…` (the file is given with `mapShadow`). */
  path: string;
  /** Natural width in pt. */
  width: number;
  /** Natural height in pt. */
  height: number;
}

/** What the conversion needs besides the document: the same page and type as our layout. */
export interface TypstInput {
  /** The composed document, exactly as our layout stage receives it. */
  document: ComposedDocument;
  /** Page geometry, text styles and colours (`Dataset.page`). */
  style: PageStyle;
  /** Font family name inside the font files, e.g. "Source Sans 3". */
  family: string;
  /** Weight and slant of each registered font name of `style.fonts`. */
  faces: Readonly<Record<string, { weight: number; style: 'normal' | 'italic' }>>;
  /** The charts of the document's locale, by chart id. */
  charts: ReadonlyMap<string, TypstChart>;
}

/** Link colour of our layout (pipeline/layout/draw.ts). */
const linkColour = '#1f5f8b';

/**
 * Characters with a meaning in Typst markup. Escaping every one of them makes any text
 * literal, wherever it stands: `#` code, `$` maths, `*` `_` strong and emphasis, `@` `<` `>`
 * references and labels, `[` `]` content, `\` escapes, `"` `'` smart quotes, `` ` `` raw,
 * `~` no-break space, `/` comments and term lists, and `=` `-` `+` `.` headings, lists and
 * the shorthands `--`, `-?` and `...` at the start of a line or anywhere.
 */
const markupSpecial = /[\\#$*_@<>[\]"'`~/=+\-.]/g;

/** Text as literal Typst markup: every special character escaped, line breaks as spaces. */
export function escapeMarkup(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(markupSpecial, (c) => `\\${c}`);
}

/**
 * The document's title as a level-1 heading in code mode, drawn in the cover's own type: our
 * layout tags the cover title H1, and PDF/UA-1 wants the first heading at level 1.
 */
function titleHeading(textArguments: string, title: string): string {
  return `{ show heading: it => text(${textArguments}, it.body); heading(level: 1, outlined: false, bookmarked: false)[${escapeMarkup(title)}] }`;
}

/** Text as a Typst string literal. */
export function typstString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/**
 * An anchor as a Typst label: labels may hold letters, digits, `_`, `-`, `.` and `:`; any
 * other character becomes `_`.
 */
export function labelName(anchor: string): string {
  return anchor.replace(/[^\p{L}\p{N}_\-.:]/gu, '_');
}

/**
 * Converts a composed document into one Typst source file with the same content as our PDF:
 * cover, headings (outlined as in our contents), paragraphs with bold, italic, links and
 * footnotes, lists, tables with a repeating header row, figures (the chart SVGs as image
 * bytes), the contents and the lists of figures and tables (`#outline()`), on the same A4
 * page in the same fonts, sizes and colours.
 */
export function documentToTypst(input: TypstInput): string {
  const converter = new Converter(input);
  return [preamble(input), ...input.document.blocks.map((block) => converter.block(block))].join('\n\n') + '\n';
}

// ── preamble: page, type, and how each element looks ────────────────────────────────────

function preamble({ document, style, family, faces }: TypstInput): string {
  const { meta, labels } = document;
  const date = meta.date;
  const pageLabel = labels.page.split('{page}').map(escapeMarkup).join('#context counter(page).display();');
  const m = style.margin;
  const c = style.colors;
  const body = style.body;
  // Line boxes one em tall, so `leading` is our line pitch minus the type size.
  const leadingEm = (body.leading - body.size) / body.size;
  const heading = (level: 1 | 2 | 3 | 4, text: TextStyle, above: number, below: number) => {
    const rule = level === 1 ? `; v(3pt); box(width: 48pt, height: 2.5pt, fill: rgb("${c.accent}"))` : '';
    return `#show heading.where(level: ${level}): it => block(above: ${above}pt, below: ${below}pt, sticky: true, { set text(${textArgs(text, faces)}); it.body${rule} })`;
  };
  return [
    `// ${meta.title.replace(/\s+/g, " ")}: ${document.kind}, ${document.locale}. Generated from the composed document.`,
    `#set document(title: ${typstString(meta.title)}, author: ${typstString(meta.author)}, description: ${typstString(meta.subject)}, keywords: (${meta.keywords.map(typstString).join(', ')}${meta.keywords.length === 1 ? ',' : ''}), date: datetime(year: ${date.getUTCFullYear()}, month: ${date.getUTCMonth() + 1}, day: ${date.getUTCDate()}))`,
    `#set page(width: ${style.width}pt, height: ${style.height}pt, margin: (top: ${m.top}pt, bottom: ${m.bottom}pt, left: ${m.left}pt, right: ${m.right}pt),`,
    `  header-ascent: 14pt, header: { set text(${textArgs(style.header, faces)}); block(width: 100%, below: 6pt, ${typstString(meta.runningHead)}); line(length: 100%, stroke: 0.5pt + rgb("${c.rule}")) },`,
    `  footer-descent: 22pt, footer: align(center, text(${textArgs(style.header, faces)})[${pageLabel}]))`,
    `#set text(font: ${typstString(family)}, lang: ${typstString(meta.lang)}, ${textArgs(body, faces)}, top-edge: 0.8em, bottom-edge: -0.2em)`,
    // Running text, list items and footnotes justified and hyphenated in the edition's
    // language, as our layout sets them; tables, captions, notes, the contents and the cover
    // ragged, as ours.
    `#set par(justify: true, leading: ${round(leadingEm)}em, spacing: ${round(body.leading - body.size + style.paragraphGap)}pt)`,
    `#show table: set par(justify: false)`,
    `#show figure: set par(justify: false)`,
    `#show outline: set par(justify: false)`,
    `#show heading: set par(justify: false)`,
    heading(1, style.h1, 24, 16),
    heading(2, style.h2, 18, 8),
    heading(3, style.h3, 12, 5),
    heading(4, style.h4, 8, 3),
    `#set list(marker: text(fill: rgb("${c.accent}"))[•], spacing: ${round(body.leading - body.size + 3)}pt)`,
    `#set enum(numbering: n => text(fill: rgb("${c.accent}"), str(n) + "."), spacing: ${round(body.leading - body.size + 3)}pt)`,
    `#show footnote.entry: set text(${textArgs(style.footnote, faces)})`,
    `#show figure: set block(above: 12pt, below: 14pt)`,
    `#show figure.where(kind: table): set block(breakable: true)`,
    `#show figure.caption: it => align(left, text(${textArgs(style.caption, faces)}, it.body))`,
    `#set figure.caption(position: top, separator: none)`,
    `#show table: set text(${textArgs(style.table, faces)})`,
    `#show outline.entry.where(level: 1): set text(weight: ${weightOf(style.fonts.semibold, faces)})`,
  ].join('\n');
}

/** `size: …, fill: …, weight: …, style: …` of a text style. */
function textArgs(text: TextStyle, faces: TypstInput['faces']): string {
  const face = faces[text.font];
  const slant = face?.style === 'italic' ? ', style: "italic"' : '';
  return `size: ${text.size}pt, fill: rgb("${text.color}"), weight: ${weightOf(text.font, faces)}${slant}`;
}

function weightOf(font: string, faces: TypstInput['faces']): number {
  return faces[font]?.weight ?? 400;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// ── blocks ──────────────────────────────────────────────────────────────────────────────

class Converter {
  /** Anchors that exist, so a link to a missing one stays plain text (Typst rejects it). */
  private readonly anchors: ReadonlySet<string>;
  /** Footnotes cited more than once: the first citation is labelled, the others refer to it. */
  private readonly repeated: ReadonlySet<number>;
  private readonly cited = new Set<number>();
  /** Labels already placed: Typst rejects a link to a label that occurs twice. */
  private readonly placed = new Set<string>();

  constructor(private readonly input: TypstInput) {
    const blocks = input.document.blocks;
    this.anchors = new Set(blocks.flatMap((b) => ('anchor' in b ? [b.anchor] : b.kind === 'index' ? [`index-${b.of}`] : [])));
    const counts = new Map<number, number>();
    const count = (inlines: readonly Inline[]) => inlines.forEach((i) => i.kind === 'footnote' && counts.set(i.number, (counts.get(i.number) ?? 0) + 1));
    for (const block of blocks) {
      if (block.kind === 'paragraph') count(block.inlines);
      if (block.kind === 'list') block.items.forEach(count);
    }
    this.repeated = new Set([...counts].filter(([, n]) => n > 1).map(([number]) => number));
  }

  /** ` <label>` for the first element with this anchor, nothing for a repeat. */
  private label(anchor: string): string {
    const name = labelName(anchor);
    if (this.placed.has(name)) return '';
    this.placed.add(name);
    return ` <${name}>`;
  }

  block(block: Block): string {
    switch (block.kind) {
      case 'cover':
        return block.compact ? this.compactCover(block) : this.cover(block);
      case 'page-break':
        return '#pagebreak(weak: true)';
      case 'heading': {
        const open = block.newPage ? '#pagebreak(weak: true)\n' : '';
        return `${open}#heading(level: ${block.level}, outlined: ${block.inContents})[${escapeMarkup(block.text)}]${this.label(block.anchor)}`;
      }
      case 'paragraph':
        return this.paragraph(block);
      case 'list':
        return this.list(block);
      case 'table':
        return this.table(block);
      case 'figure':
        return this.figure(block);
      case 'index':
        return this.index(block.of);
      case 'aside-row': {
        // The grid's side column becomes a narrow first column of a two-column grid.
        const side = block.side.map((item) => (item.kind === 'pullout' ? `*${escapeMarkup(item.value)}* ${escapeMarkup(item.label)}` : this.inlines(item.inlines))).join(' \\\n');
        const main = block.main.map((b) => this.block(b)).join('\n\n');
        return `#grid(columns: (108pt, 1fr), column-gutter: 18pt)[#set par(justify: false)\n${side}][${main}]`;
      }
      case 'box': {
        const body = block.blocks.map((b) => this.block(b)).join('\n\n');
        return `#block(width: 100%, fill: rgb("${this.input.style.colors.box}"), inset: 12pt)[*${escapeMarkup(block.title)}*\n\n${body}]`;
      }
    }
  }

  private paragraph(block: ParagraphBlock): string {
    const text = this.inlines(block.inlines).trim();
    const set = block.style === 'small' ? `#text(${textArgs(this.input.style.small, this.input.faces)})[${text}]` : text;
    return block.ragged ? `#[#set par(justify: false)\n${set}]` : set;
  }

  private list(block: ListBlock): string {
    // Nested items become a list inside the item they follow, as in our layout.
    const levels = block.levels ?? block.items.map(() => 0);
    const render = (from: number, level: number, ordered: boolean): [string, number] => {
      const items: string[] = [];
      let i = from;
      while (i < block.items.length && levels[i]! >= level) {
        let item = this.inlines(block.items[i]!).trim();
        i += 1;
        if (i < block.items.length && levels[i]! > level) {
          const [inner, next] = render(i, level + 1, false);
          item += ` ${inner}`;
          i = next;
        }
        items.push(`  [${item}],`);
      }
      return [[`#${ordered ? 'enum' : 'list'}(`, ...items, ')'].join('\n'), i];
    };
    const list = render(0, 0, block.ordered)[0];
    return block.ragged ? `#[#set par(justify: false)\n${list}]` : list;
  }

  /** Inline runs as markup; each embedded call ends in `;` so the text after it stays text. */
  inlines(inlines: readonly Inline[]): string {
    return inlines.map((inline) => (inline.kind === 'footnote' ? this.footnote(inline.number) : this.text(inline))).join('');
  }

  private text(inline: Extract<Inline, { kind: 'text' }>): string {
    if (inline.text.length === 0) return '';
    let out = escapeMarkup(inline.text);
    const args = [inline.bold ? `weight: ${weightOf(this.input.style.fonts.bold, this.input.faces)}` : '', inline.italic ? 'style: "italic"' : ''].filter(Boolean);
    if (inline.link) args.push(`fill: rgb("${linkColour}")`);
    if (args.length > 0) out = `#text(${args.join(', ')})[${out}];`;
    if (!inline.link) return out;
    if (!inline.link.startsWith('#')) return `#link(${typstString(inline.link)})[${out}];`;
    const anchor = inline.link.slice(1);
    return this.anchors.has(anchor) ? `#link(<${labelName(anchor)}>)[${out}];` : out;
  }

  private footnote(number: number): string {
    const label = `fn-${number}`;
    if (this.repeated.has(number) && this.cited.has(number)) return `#footnote(<${label}>);`;
    this.cited.add(number);
    const body = this.inlines(this.input.document.footnotes.get(number) ?? []).trim();
    // A label attaches to the element before it; the brackets keep it on the footnote.
    return this.repeated.has(number) ? `#[#footnote[${body}] <${label}>];` : `#footnote[${body}];`;
  }

  // ── figures and tables ────────────────────────────────────────────────────────────────

  private figure(block: FigureBlock): string {
    const { style, charts, faces } = this.input;
    const width = style.width - style.margin.left - style.margin.right;
    const chart = block.chart ? charts.get(block.chart) : undefined;
    const content = chart
      ? `image(read(${typstString(chart.path)}, encoding: none), format: "svg", width: ${round(Math.min(chart.width, width))}pt, alt: ${typstString(block.alt)})`
      : `block(width: 100%, fill: rgb("${style.colors.box}"), inset: (x: 12pt, y: 10pt), align(left, text(${textArgs(style.small, faces)})[${escapeMarkup(block.description ?? '')}]))`;
    const note = block.note ? `; block(width: 100%, above: 3pt, align(left, text(${textArgs({ ...style.small, color: style.colors.muted }, faces)})[${escapeMarkup(block.note)}]))` : '';
    const caption = block.caption ? `figure.caption[${escapeMarkup(block.caption)}]` : 'none';
    return `#figure(kind: image, supplement: none, numbering: none, caption: ${caption}, { ${content}${note} })${this.label(block.anchor)}`;
  }

  private table(block: TableBlock): string {
    const { style, faces } = this.input;
    const c = style.colors;
    const columns = block.widths.map((w) => `${w}fr`).join(', ');
    const header = block.header.map((cell) => this.cell(cell, true)).join(', ');
    const rows = block.rows.map((row) => `${row.map((cell) => this.cell(cell, false)).join(', ')},`);
    const table = [
      `#table(columns: (${columns}${block.widths.length === 1 ? ',' : ''}), inset: 4pt, align: left,`,
      `  stroke: (x, y) => (bottom: 0.4pt + rgb("${c.rule}")),`,
      `  fill: (x, y) => if y == 0 { rgb("${c.tableHeader}") } else if calc.even(y) { rgb("${c.tableStripe}") },`,
      `  table.header(${header}),`,
      ...rows.map((row) => `  ${row}`),
      ')',
    ];
    const note = block.note ? [`#block(width: 100%, above: 3pt, align(left, text(${textArgs({ ...style.small, color: c.muted }, faces)})[${escapeMarkup(block.note)}]))`] : [];
    const caption = block.caption ? `figure.caption[${escapeMarkup(block.caption)}]` : 'none';
    // A figure of kind table, so the list of tables can find it (ours names the numbered ones only).
    return [`#figure(kind: table, supplement: none, numbering: none, outlined: ${block.id !== undefined}, caption: ${caption}, [`, ...table, ...note, `])${this.label(block.anchor)}`].join('\n');
  }

  private cell(cell: TableCell, header: boolean): string {
    let text = `[${escapeMarkup(cell.text)}]`;
    if (header || cell.bold) text = `text(weight: ${weightOf(this.input.style.fonts.bold, this.input.faces)})${text}`;
    if (cell.indent) text = `pad(left: ${cell.indent * 10}pt, ${text})`;
    return cell.align && cell.align !== 'left' ? `table.cell(align: ${cell.align}, ${text})` : text;
  }

  // ── generated parts ───────────────────────────────────────────────────────────────────

  private index(of: 'contents' | 'figures' | 'tables'): string {
    const labels = this.input.document.labels;
    const title = of === 'contents' ? labels.contents : of === 'figures' ? labels.figures : labels.tables;
    const open = of === 'contents' ? '#pagebreak(weak: true)\n' : '';
    const heading = `${open}#heading(level: 1, outlined: ${of !== 'contents'})[${escapeMarkup(title)}]${this.label(`index-${of}`)}`;
    const target = of === 'contents' ? '' : `, target: figure.where(kind: ${of === 'figures' ? 'image' : 'table'})`;
    return `${heading}\n#outline(title: none${target})`;
  }

  private cover(block: CoverBlock): string {
    const { style, charts, faces } = this.input;
    const c = style.colors;
    const m = style.margin;
    const width = style.width - m.left - m.right;
    const white = (text: TextStyle, size?: number) => textArgs({ ...text, color: '#ffffff', size: size ?? text.size }, faces);
    const chart = block.chart ? charts.get(block.chart) : undefined;
    const lines = [
      `#page(margin: 0pt, header: none, footer: none)[#set par(justify: false)`,
      `  #place(top + left, rect(width: 100%, height: 250pt, fill: rgb("${c.accent}")))`,
      `  #place(top + left, dx: ${m.left}pt, dy: 90pt, block(width: ${width}pt, { ${titleHeading(white(style.h1, 30), block.title)}; v(6pt); text(${white(style.h2)})[${escapeMarkup(block.subtitle)}] }))`,
      `  #place(top + left, dx: ${m.left}pt, dy: 280pt, block(width: ${width}pt, text(${textArgs({ ...style.h1, size: 24 }, faces)})[${escapeMarkup(block.country)}]))`,
    ];
    if (chart) {
      const height = Math.min(330, chart.height);
      lines.push(`  #place(top + center, dy: 326pt, image(read(${typstString(chart.path)}, encoding: none), format: "svg", height: ${round(height)}pt, alt: ${typstString(block.chartAlt ?? block.title)}))`);
    }
    const credits = [...block.credits, block.edition].map(escapeMarkup).join(' \\ ');
    lines.push(`  #place(bottom + left, dx: ${m.left}pt, dy: -70pt, block(width: ${width}pt, text(${textArgs({ ...style.body, color: c.muted }, faces)})[${credits}]))`, ']');
    return lines.join('\n');
  }

  private compactCover(block: CoverBlock): string {
    const { style, faces } = this.input;
    const white = (text: TextStyle, size?: number) => textArgs({ ...text, color: '#ffffff', size: size ?? text.size }, faces);
    return [
      `#block(width: 100%, fill: rgb("${style.colors.accent}"), inset: (x: 14pt, y: 16pt), below: 24pt, {`,
      '  set par(justify: false)',
      `  text(${white(style.small)})[${escapeMarkup(block.subtitle)}]; v(4pt)`,
      `  ${titleHeading(white(style.h1, 24), block.title)}; v(4pt)`,
      `  text(${white(style.h2)})[${escapeMarkup(block.country)}]; v(6pt)`,
      `  text(${white(style.small)})[${escapeMarkup(block.credits[0] ?? '')}]`,
      '})',
    ].join('\n');
  }
}
