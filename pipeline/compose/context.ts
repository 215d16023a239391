import type { CompiledTemplates } from './compiled-templates.ts';
import type { MarkdownBlocks } from './markdown-blocks.ts';
import { untranslatedMark } from '../format/untranslated.ts';
import type { InputIssue } from '../errors/errors.ts';
import type { Messages } from '../format/messages.ts';
import type { Dataset } from '../ingest/types.ts';
import type { Scores } from '../score/index.ts';

/** A figure as compose needs it: numbered caption, alt text, and its chart when it has one. */
export interface FigureInfo {
  /** Figure number. */
  id: string;
  /** Caption text (without "Figure X:"). */
  caption: string;
  /** Text alternative. */
  alt: string;
  /** Chart id: every figure is drawn by the chart stage. */
  chart?: string;
  /** Note or source line. */
  note?: string;
}

/** Everything composing one edition of one document needs. */
export interface ComposeInput {
  /** The validated input. */
  dataset: Dataset;
  /** The scores. */
  scores: Scores;
  /** Edition language. */
  locale: string;
  /** Which document. */
  document: 'acr' | 'brief';
  /** Figures by number. */
  figures: ReadonlyMap<string, FigureInfo>;
  /** UI strings of the locale. */
  messages: Messages;
  /** Narrative texts compiled before: the build's memory (compiled afresh without it). */
  templates?: CompiledTemplates;
  /** Narrative Markdown read into blocks before: the build's memory (read afresh without it). */
  markdown?: MarkdownBlocks;
}

/** Shared state while composing: where problems are collected and footnotes numbered. */
export interface ComposeState {
  input: ComposeInput;
  issues: InputIssue[];
  nextFootnote: number;
  footnotes: Map<number, import('../document/types.ts').Inline[]>;
  /** Where compiled narrative texts are kept: the input's, or this document's own. */
  templates: CompiledTemplates;
  /** The values of the data a number typed in prose could copy (bindings.ts), once asked for. */
  bindables?: Bindable[];
}

/** A value of the data a number typed in prose could be a copy of, and how to bind it. */
export interface Bindable {
  value: number;
  integer: boolean;
  expression: string;
}

/**
 * The text of a localised map in the edition's language. A missing translation (reported by
 * the translation policy) gives the source locale's text with the visible marker.
 */
export function localised(state: ComposeState, text: Readonly<Record<string, string>> | undefined): string {
  if (!text) return '';
  const { locale, dataset } = state.input;
  const own = text[locale];
  if (own !== undefined && own.trim() !== '') return own;
  const source = dataset.config.sourceLocale;
  if (text[source] !== undefined) return locale === source ? text[source]! : `${untranslatedMark(source)}${text[source]}`;
  return Object.values(text)[0] ?? '';
}
