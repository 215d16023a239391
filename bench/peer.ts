import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { ComposedProject } from './compose.ts';
import { documentToTypst, type TypstChart } from './typst.ts';

/** The Typst compiler module, or why it cannot be used on this machine. */
export type TypstEngine = { available: true; create: typeof NodeCompiler.create } | { available: false; reason: string };

/** One document rendered by Typst. */
export interface PeerDocument {
  /** Locale. */
  locale: string;
  /** Document kind. */
  kind: 'acr' | 'brief';
  /** The Typst source it was compiled from. */
  source: string;
  /** The PDF. */
  pdf: Uint8Array;
  /** Pages, as Typst counts them. */
  pages: number;
  /** Milliseconds: ComposedDocument → Typst markup. */
  convertMs: number;
  /** Milliseconds: Typst compile (layout). */
  compileMs: number;
  /** Milliseconds: PDF export. */
  pdfMs: number;
}

/** Every document of a project rendered by Typst, and what it took. */
export interface PeerRender {
  /** Milliseconds to create the compiler with the fonts and hand it the chart SVGs. */
  setupMs: number;
  /** The documents, in edition order. */
  documents: PeerDocument[];
  /** Milliseconds from the start of setup to the last PDF. */
  totalMs: number;
}

/**
 * Loads the Typst compiler. Its native binary comes in a per-platform npm package; where
 * none was published for this platform the import fails, and the benchmark says so.
 */
export async function loadTypst(): Promise<TypstEngine> {
  try {
    const module = (await import('@myriaddreamin/typst-ts-node-compiler')) as { NodeCompiler?: typeof NodeCompiler; default?: { NodeCompiler?: typeof NodeCompiler } };
    const compiler = module.NodeCompiler ?? module.default?.NodeCompiler;
    if (!compiler) return { available: false, reason: '@myriaddreamin/typst-ts-node-compiler has no NodeCompiler export' };
    return { available: true, create: (args) => compiler.create(args) };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { available: false, reason: `@myriaddreamin/typst-ts-node-compiler cannot be loaded on ${process.platform}-${process.arch}: ${message}` };
  }
}

/**
 * Renders every composed document with Typst, starting cold: a new compiler, its global
 * memo cache emptied, the same Source Sans 3 files our layout embeds, and each chart's SVG
 * mapped into a virtual workspace.
 */
export function renderWithTypst(engine: Extract<TypstEngine, { available: true }>, project: ComposedProject, workspace: string): PeerRender {
  const start = performance.now();
  const { dataset } = project;
  const fonts = Object.values(dataset.page.fontFiles).map((file) => readFileSync(file));
  const compiler = engine.create({ workspace, fontArgs: [{ fontBlobs: fonts }] });
  // The memo cache is global to the native module: without this a repeated run is nearly free.
  compiler.evictCache(0);
  const faces = Object.fromEntries(Object.values(dataset.theme.font.faces).map((face) => [face.name, { weight: face.weight, style: face.style }]));
  const chartsByLocale = new Map<string, Map<string, TypstChart>>();
  for (const edition of project.editions) {
    const charts = new Map<string, TypstChart>();
    for (const chart of edition.charts.values()) {
      // Typst resolves `/…` against the workspace; the shadow map wants the full path.
      const path = `/charts/${edition.locale}/${chart.id.replace(/[^A-Za-z0-9.-]/g, '_')}.svg`;
      compiler.mapShadow(join(workspace, path), Buffer.from(chart.svg));
      charts.set(chart.id, { path, width: chart.width, height: chart.height });
    }
    chartsByLocale.set(edition.locale, charts);
  }
  const setupMs = performance.now() - start;
  const creationTimestamp = Math.floor(new Date(`${dataset.config.sourceDate}T00:00:00Z`).getTime() / 1000);
  const documents: PeerDocument[] = [];
  for (const edition of project.editions) {
    for (const document of edition.documents) {
      let clock = performance.now();
      const source = documentToTypst({ document, style: dataset.page, family: dataset.theme.font.family, faces, charts: chartsByLocale.get(edition.locale)! });
      const convertMs = performance.now() - clock;
      clock = performance.now();
      const compiled = compiler.compile({ mainFileContent: source });
      const result = compiled.result;
      if (compiled.hasError() || !result) throw new Error(`Typst could not compile the ${edition.locale} ${document.kind}:\n${diagnostics(compiler, compiled)}`);
      const compileMs = performance.now() - clock;
      clock = performance.now();
      // Tagged and checked as PDF/UA-1, as our own documents are: Typst refuses a structure fault.
      const pdf = new Uint8Array(compiler.pdf(result, { creationTimestamp, pdfStandard: 'ua-1', pdfTags: true }));
      const pdfMs = performance.now() - clock;
      documents.push({ locale: edition.locale, kind: document.kind, source, pdf, pages: result.numOfPages, convertMs, compileMs, pdfMs });
    }
  }
  return { setupMs, documents, totalMs: performance.now() - start };
}

/**
 * The first few error messages of a failed compile. The messages carry no place, so Typst's
 * own report, with the offending source line, is printed to stderr first.
 */
function diagnostics(compiler: NodeCompiler, compiled: ReturnType<NodeCompiler['compile']>): string {
  compiled.printErrors();
  const error = compiled.takeDiagnostics() ?? compiled.takeError();
  if (!error) return 'no diagnostics';
  const found = compiler.fetchDiagnostics(error) as { message?: string }[];
  return found.slice(0, 5).map((d) => `  ${d.message ?? JSON.stringify(d)}`).join('\n');
}
