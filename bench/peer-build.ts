import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { composeProject } from './compose.ts';
import type { FrontInput } from '../pipeline/build/front.ts';
import { openDataFiles } from '../pipeline/build/publish.ts';
import { noCache } from '../pipeline/cache/key.ts';
import { ChartPictures } from '../pipeline/build/chart-files.ts';
import { loadTypst, renderWithTypst } from './peer.ts';
import { tuneEngine } from '../pipeline/util/engine.ts';
import { exitWhenWritten } from '../pipeline/util/exit.mjs';

/** What one peer build prints on stdout, as one line of JSON. */
export interface PeerBuildReport {
  /** Milliseconds per front-end stage (the same code as our build). */
  frontEnd: { ingest: number; score: number; chart: number; compose: number };
  /** Milliseconds of the Typst part: setup, conversion, compile, PDF export, and all of it. */
  typst: { setupMs: number; convertMs: number; compileMs: number; pdfMs: number; totalMs: number };
  /** Milliseconds writing the files (and, with --same-outputs, waiting for the last PNG). */
  writeMs: number;
  /** Each PDF and its pages. */
  documents: { locale: string; kind: string; pages: number }[];
}

/**
 * The peer's whole build, run by the benchmark in a fresh process as our CLI build is:
 * ingest → score → chart → compose (our code), then Typst instead of our layout, writing the
 * PDFs to output/typst/ of the project in the working folder. With --same-outputs it also
 * writes what our build publishes beside the PDFs, with our code: every chart's SVG and PNG
 * (drawn on a PNG thread while the documents are composed and compiled, as ours are) and the
 * scores as JSON and CSV.
 *
 *   tsx bench/peer-build.ts [--locale CODE]... [--same-outputs]   (the benchmark runs it bundled, as csi-report runs)
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { locale: { type: 'string', multiple: true }, 'same-outputs': { type: 'boolean', default: false } } });
  const root = process.cwd();
  // The engine settings of the csi-report command (heap growth, optimisation), so the two builds compare like for like.
  tuneEngine();
  const engine = await loadTypst();
  if (!engine.available) throw new Error(engine.reason);
  const pictures = new ChartPictures(noCache);
  const onChart: FrontInput['onChart'] = values['same-outputs'] ? (locale, chart, made) => pictures.add(locale, chart, made) : undefined;
  const project = await composeProject(root, 'pipeline.config.yaml', values.locale, onChart);
  pictures.allAsked();
  const render = renderWithTypst(engine, project, root);
  const start = performance.now();
  const output = join(root, project.dataset.config.outputDir, 'typst');
  const write = (path: string, bytes: string | Uint8Array) => {
    mkdirSync(dirname(join(output, path)), { recursive: true });
    writeFileSync(join(output, path), bytes);
  };
  for (const document of render.documents) write(`${project.dataset.country.id}/${document.locale}/${document.kind}.pdf`, document.pdf);
  const open = values['same-outputs'] ? openDataFiles(project.dataset, project.scores) : [];
  for (const file of [...(await pictures.written()), ...open]) write(file.path, file.bytes);
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
