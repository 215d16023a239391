import type { MessagePort } from 'node:worker_threads';
import type { MemoEntries } from '../cache/memo.ts';
import type { ComposedDocument } from '../document/types.ts';
import type { LayoutResult } from '../layout/index.ts';
import type { PageStyle } from '../theme/style.ts';
import type { FaceName, FontFace, Theme } from '../theme/types.ts';

/**
 * One document to lay out, as plain data: what the main thread and a layout thread alike are
 * given, so either can lay it out and get the same bytes.
 */
export interface LayoutJob {
  /** Locale of the edition. */
  locale: string;
  /** The document as composed. */
  document: ComposedDocument;
  /** The charts it shows: their SVG, natural size and the digest of the drawing. */
  charts: readonly JobChart[];
  /** How its words are hyphenated. */
  hyphenation: HyphenationSpec;
  /** The style's font names and the digests of their files, for the keys of remembered lines (`fontsKey`). */
  fonts: string;
}

/** A chart as layout needs it. */
export interface JobChart {
  id: string;
  svg: string;
  width: number;
  height: number;
  digest: string;
}

/**
 * The hyphenation of an edition: its language and the names and acronyms of the country's data
 * that are never broken; `name` digests both and keys remembered lines.
 */
export interface HyphenationSpec {
  name: string;
  locale: string;
  unbreakable: readonly string[];
}

/** What every job of a build shares: the page style and the theme the charts are drawn in. */
export interface LayoutSetup {
  style: PageStyle;
  theme: Theme;
}

/** A theme as sent to another thread: its faces without their parsed fonts, which cannot be cloned. */
export type PortableTheme = Omit<Theme, 'font' | 'memory'> & { font: { family: string; faces: Record<FaceName, Omit<FontFace, 'font'>> } };

/** The theme without its parsed fonts and its memory, for a layout thread (`openTheme` there, with the thread's memory). */
export function portableTheme(theme: Theme): PortableTheme {
  const faces = Object.fromEntries(Object.entries(theme.font.faces).map(([key, { font: _font, ...face }]) => [key, face])) as PortableTheme['font']['faces'];
  const { memory: _memory, ...rest } = theme;
  return { ...rest, font: { family: theme.font.family, faces } };
}


/** What a document is called in a message about it. */
export function jobTitle(job: Pick<LayoutJob, 'locale' | 'document'>): string {
  return `the ${job.locale} ${job.document.kind === 'acr' ? 'report' : 'brief'}`;
}

/** What a layout thread is started with: enough to load its code and memo tables before the build knows its inputs. */
export interface ThreadBoot {
  /** The pipeline version, under which the memo tables are kept. */
  version: string;
  /** The stage cache's folder, to load the memo tables from; none for a build without cache. */
  cacheDir?: string;
  /** Collect garbage between documents (`RunRequest.releaseMemory`). */
  releaseMemory?: boolean;
  /** YAML files to parse first, while the main thread reads the inputs. */
  yaml?: YamlAheadRequest;
}

/** What a layout thread is told once the inputs are read: the build's page style and theme, and the claims on its documents. */
export interface ThreadSetup {
  /** The page style. */
  style: PageStyle;
  /** The theme the charts are drawn in, its fonts to be opened again there. */
  theme: PortableTheme;
  /** Which thread takes each document (`Claims`), shared with the main thread. */
  claims: SharedArrayBuffer;
}

/**
 * YAML files for a layout thread to parse while the main thread reads the inputs, before it
 * loads its code (input/yaml-prefetch.ts): the project root, the files, the cells that say who
 * parses each, and the port the parses go to.
 */
export interface YamlAheadRequest {
  root: string;
  files: string[];
  cells: SharedArrayBuffer;
  port: MessagePort;
}

/** A message to a layout thread: its setup (first), documents offered, and the end. */
export type ThreadRequest = ({ kind: 'setup' } & ThreadSetup) | { kind: 'job'; index: number; job: LayoutJob } | { kind: 'finish' };

/** A message from a layout thread. */
export type ThreadReply =
  | { kind: 'laid-out'; index: number; result: LayoutResult }
  | { kind: 'failed'; index: number; error: { message: string; code?: string; name?: string } }
  | { kind: 'notice'; message: string }
  | { kind: 'memos'; grown: MemoEntries[] };
