/**
 * What one process (or one layout thread, or a watcher over all its builds) remembers of the
 * work its builds did: parsed and validated inputs, shaped words and text widths, broken
 * lines, compiled templates, Markdown read into blocks. One object, made where a build starts
 * and handed to the stages that use each part; nothing of it lives in a module. Its tables are
 * kept in the stage cache between processes too (`memos`), so that a fresh `csi-report build`
 * after a one-value correction starts with what the last build learned.
 */
import { Memos } from '../cache/memo.ts';
import { CompiledTemplates } from '../compose/compiled-templates.ts';
import { MarkdownBlocks } from '../compose/markdown-blocks.ts';
import type { InputMemory } from '../input/read.ts';
import { ValidInputs } from '../input/valid-inputs.ts';
import { ParsedYaml } from '../input/parsed-yaml.ts';
import { BROKEN_LINES, BrokenLines } from '../layout/broken-lines.ts';
import { FontMemory } from '../theme/font-memory.ts';
import { SHAPED_WORDS } from '../theme/shaped-words.ts';
import { MemoryRelease } from '../util/memory.ts';

export class BuildMemory {
  /** Parsed YAML files and inputs known valid. */
  readonly input: InputMemory = { yaml: new ParsedYaml(), valid: new ValidInputs() };
  /** Shaped words, chart text widths, HarfBuzz shapers, glyph coverage. */
  readonly fonts = new FontMemory();
  /** Paragraphs broken into lines. */
  readonly lines = new BrokenLines();
  /** Narrative texts compiled by Handlebars. */
  readonly templates = new CompiledTemplates();
  /** Narrative Markdown read into blocks. */
  readonly markdown = new MarkdownBlocks();
  /** When this thread's heap was last collected in full, to collect between documents only when it pays. */
  readonly heap = new MemoryRelease();
  /** The tables among them that are kept between processes. */
  readonly memos = new Memos([this.input.valid, this.input.yaml, ...this.fonts.tables, this.lines, this.templates, this.markdown]);
}

/**
 * The tables only laying out uses: a build's own thread loads them when it starts laying out
 * (`LayoutStep.finish`), not before composing, so that its first document is composed, and
 * handed to the layout thread, sooner; a layout thread loads only these.
 */
export const LAYOUT_TABLES: readonly string[] = [SHAPED_WORDS, BROKEN_LINES];
