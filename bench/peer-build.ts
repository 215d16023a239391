import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { composeProject } from './compose.ts';
import { loadTypst, renderWithTypst } from './peer.ts';
import { tuneEngine } from '../pipeline/util/engine.ts';
import { exitWhenWritten } from '../pipeline/util/exit.mjs';

/** What one peer build prints on stdout, as one line of JSON. */
export interface PeerBuildReport {
  /** Milliseconds per front-end stage (the same code as our build). */
  frontEnd: { ingest: number; score: number; chart: number; compose: number };
  /** Milliseconds of the Typst part: setup, conversion, compile, PDF export, and all of it. */
  typst: { setupMs: number; convertMs: number; compileMs: number; pdfMs: number; totalMs: number };
  /** Milliseconds writing the PDFs. */
  writeMs: number;
  /** Each PDF and its pages. */
  documents: { locale: string; kind: string; pages: number }[];
}

/**
 * The peer's whole build, run by the benchmark in a fresh process as our CLI build is:
 * ingest → score → chart → compose (our code), then Typst instead of our layout, writing the
 * PDFs to output/typst/ of the project in the working folder.
 *
 *   tsx bench/peer-build.ts [--locale CODE]...   (the benchmark runs it bundled, as csi-report runs)
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { locale: { type: 'string', multiple: true } } });
  const root = process.cwd();
  // The engine settings of the csi-report command (heap growth, optimisation), so the two builds compare like for like.
  tuneEngine();
  const engine = await loadTypst();
  if (!engine.available) throw new Error(engine.reason);
  const project = await composeProject(root, 'pipeline.config.yaml', values.locale);
  const render = renderWithTypst(engine, project, root);
  const start = performance.now();
  for (const document of render.documents) {
    const folder = join(root, project.dataset.config.outputDir, 'typst', project.dataset.country.id, document.locale);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${document.kind}.pdf`), document.pdf);
  }
  const sum = (key: 'convertMs' | 'compileMs' | 'pdfMs') => render.documents.reduce((total, d) => total + d[key], 0);
  const report: PeerBuildReport = {
    frontEnd: project.timings,
    typst: { setupMs: render.setupMs, convertMs: sum('convertMs'), compileMs: sum('compileMs'), pdfMs: sum('pdfMs'), totalMs: render.totalMs },
    writeMs: performance.now() - start,
    documents: render.documents.map((d) => ({ locale: d.locale, kind: d.kind, pages: d.pages })),
  };
  console.log(JSON.stringify(report));
}

await main();
// Ends as the csi-report command does, so neither build pays for a last garbage collection
// and the heap's teardown and the other not.
await exitWhenWritten(0);
