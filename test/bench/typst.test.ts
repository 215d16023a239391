import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentToTypst, escapeMarkup, type TypstInput } from '../../bench/typst.ts';
import type { Block, Inline } from '../../pipeline/document/types.ts';
import type { PageStyle, TextStyle } from '../../pipeline/theme/style.ts';
import { testDocument } from '../helpers/documents.ts';
import { pageLayout } from '../helpers/page-layout.ts';

// The conversion of a composed document into Typst markup, for the benchmark's peer engine.
// The markup is checked here, and that Typst compiles the default English documents to tagged,
// justified PDFs; timing it is the benchmark's job (npm run bench).

const special = ['#', '$', '*', '_', '@', '<', '>', '[', ']', '\\', '"'];

/** Undoes `escapeMarkup`: a backslash makes the next character literal. */
function unescape(markup: string): string {
  return markup.replace(/\\(.)/gsu, '$1');
}

describe('escapeMarkup', () => {
  it('makes a sentence full of markup characters literal text', () => {
    expect(escapeMarkup('CSOs (#1) earn 5$ * 2')).toBe('CSOs (\\#1) earn 5\\$ \\* 2');
  });

  it('escapes each special character of Typst markup', () => {
    for (const c of special) expect(escapeMarkup(`a${c}b`), c).toBe(`a\\${c}b`);
  });

  it('keeps every text, escaped, as it was, with no special character left bare', () => {
    const text = fc.string({ unit: fc.constantFrom(...special, 'a', ' ', '.', '-', '/', '=', '+', '~', '`', "'", 'ә', '«', '»') });
    fc.assert(
      fc.property(text, (s) => {
        const markup = escapeMarkup(s);
        expect(unescape(markup)).toBe(s);
        // Removing every escaped pair leaves no character that Typst would read as markup.
        expect(markup.replace(/\\./gsu, '')).not.toMatch(/[#$*_@<>[\]\\"]/);
      }),
    );
  });
});

describe('documentToTypst', () => {
  it('writes a paragraph with markup characters as literal text', () => {
    const source = convert([paragraph([{ kind: 'text', text: 'CSOs (#1) earn 5$ * 2' }])]);
    expect(source).toContain('CSOs (\\#1) earn 5\\$ \\* 2');
    expect(source).not.toContain('(#1)');
  });

  it('makes a table block a #table( with its header row', () => {
    const source = convert([
      {
        kind: 'table',
        id: 'II.3.1',
        anchor: 'table-II.3.1',
        caption: 'Table II.3.1: CSOs by type',
        header: [{ text: 'Type' }, { text: 'Count [#]', align: 'right' }],
        widths: [3, 1],
        rows: [[{ text: 'Public associations' }, { text: '4,785', align: 'right' }]],
      },
    ]);
    expect(source).toContain('#table(columns: (3fr, 1fr)');
    expect(source).toContain('table.header(text(weight: 700)[Type], table.cell(align: right, text(weight: 700)[Count \\[\\#\\]]))');
    expect(source).toContain('[Public associations], table.cell(align: right, [4,785])');
    expect(source).toContain('figure.caption[Table II\\.3\\.1: CSOs by type]');
    expect(source).toContain('<table-II.3.1>');
  });

  it('turns a footnote mark into #footnote[ with its body where it is cited', () => {
    const footnotes = new Map<number, Inline[]>([[1, [{ kind: 'text', text: 'Source: ICNL, 2010 (*estimate*).' }]]]);
    const source = convert([paragraph([{ kind: 'text', text: 'Registered CSOs grew' }, { kind: 'footnote', number: 1 }, { kind: 'text', text: '; then fell.' }])], footnotes);
    expect(source).toContain('Registered CSOs grew#footnote[Source: ICNL, 2010 (\\*estimate\\*)\\.];; then fell\\.');
  });

  it('links to anchors that exist and leaves a link to a missing one as text', () => {
    const source = convert([
      { kind: 'heading', level: 2, text: 'Method', anchor: 'method', inContents: true },
      paragraph([
        { kind: 'text', text: 'See ' },
        { kind: 'text', text: 'the method', link: '#method' },
        { kind: 'text', text: ' and ' },
        { kind: 'text', text: 'nothing', link: '#nowhere' },
      ]),
    ]);
    expect(source).toContain('#heading(level: 2, outlined: true)[Method] <method>');
    expect(source).toContain('#link(<method>)[');
    expect(source).not.toContain('<nowhere>');
  });
});

function paragraph(inlines: Inline[]): Block {
  return { kind: 'paragraph', inlines };
}

function convert(blocks: Block[], footnotes: ReadonlyMap<number, Inline[]> = new Map()): string {
  const document = testDocument(blocks, { footnotes });
  const input: TypstInput = { document, style: pageStyle(), family: 'Source Sans 3', faces: { Regular: { weight: 400, style: 'normal' }, Bold: { weight: 700, style: 'normal' }, SemiBold: { weight: 600, style: 'normal' }, Italic: { weight: 400, style: 'italic' }, BoldItalic: { weight: 700, style: 'italic' } }, charts: new Map() };
  return documentToTypst(input);
}

function pageStyle(): PageStyle {
  const text = (size: number, font = 'Regular', color = '#1f2328'): TextStyle => ({ font, size, leading: size * 1.35, color });
  return {
    width: 595.28,
    height: 841.89,
    margin: { top: 78, bottom: 72, left: 57, right: 57 },
    fonts: { regular: 'Regular', italic: 'Italic', bold: 'Bold', boldItalic: 'BoldItalic', semibold: 'SemiBold' },
    fontFiles: {},
    colors: { text: '#1f2328', accent: '#24577f', muted: '#5b6570', rule: '#c9d0d7', tableHeader: '#e6edf3', tableStripe: '#f6f8fa', box: '#f1f4f7' },
    body: text(10),
    h1: text(18, 'Bold', '#24577f'),
    h2: text(13.5, 'Bold', '#24577f'),
    h3: text(11, 'SemiBold'),
    h4: text(10, 'Bold'),
    caption: text(9, 'SemiBold', '#24577f'),
    table: text(8.5),
    footnote: text(8),
    small: text(8.5),
    header: text(8, 'Regular', '#5b6570'),
    paragraphGap: 7,
    measure: { characters: 66, min: 260, max: 400 },
    ...pageLayout(),
  };
}

describe('the peer under PDF/UA-1', () => {
  // Typst 0.14 refuses, under pdfStandard "ua-1", a document whose structure breaks PDF/UA:
  // a skipped heading level, a first heading below level 1, an image without alt text. The
  // benchmark compares with those tagged PDFs, so our composed documents must pass.
  it('compiles every English default document to a tagged PDF/UA-1 file', async () => {
    const { composeProject } = await import('../../bench/compose.ts');
    const { loadTypst, renderWithTypst } = await import('../../bench/peer.ts');
    const { repoRoot } = await import('../helpers/project.ts');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const engine = await loadTypst();
    if (!engine.available) throw new Error(engine.reason);
    const project = await composeProject(repoRoot, 'pipeline.config.yaml', ['en']);
    const render = renderWithTypst(engine, project, mkdtempSync(join(tmpdir(), 'csi-typst-')));
    expect(render.documents.map((d) => d.kind)).toEqual(['acr', 'brief']);
    for (const document of render.documents) {
      const head = Buffer.from(document.pdf).toString('latin1');
      expect(head).toContain('<pdfuaid:part>1</pdfuaid:part>');
      expect(head).toMatch(/\/StructTreeRoot/);
    }
    // Like ours, the peer justifies running text: the lines of a paragraph but its last end at
    // one right edge (within 3 pt: Typst lets a hyphen or a full stop hang into the margin),
    // where ragged lines end a word short of it.
    const { writeFileSync } = await import('node:fs');
    const { readTypeset } = await import('../helpers/typeset.ts');
    const file = join(mkdtempSync(join(tmpdir(), 'csi-typst-')), 'acr.pdf');
    writeFileSync(file, render.documents[0]!.pdf);
    const lines = (await readTypeset(file)).flatMap((page) => page.parts.filter((part) => part.role === 'P').flatMap((part) => part.lines.slice(0, -1)));
    const rights = lines.map((line) => line.right).sort((a, b) => a - b);
    const edge = rights[Math.floor(rights.length / 2)]!;
    expect(lines.length).toBeGreaterThan(300);
    expect(lines.filter((line) => Math.abs(line.right - edge) <= 3).length / lines.length).toBeGreaterThan(0.95);
  }, 60_000);
});
