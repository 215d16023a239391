/**
 * The chart files a build publishes beside its PDFs: each chart's SVG and its PNG at twice its
 * size, drawn on the PNG thread. Also used by the benchmark's peer build, which publishes the
 * same files.
 */
import type { Charts } from './index.ts';
import { PngPictures, renderPng } from './png.ts';
import { cacheKey, type StageCache } from '../cache/key.ts';
import { whileDrawing } from '../errors/errors.ts';
import type { Dataset } from '../ingest/types.ts';

/** The SVG and PNG files of a locale's charts, the PNGs still being drawn. */
export function chartFiles(cache: StageCache, { dataset, drawing }: { dataset: Dataset; drawing: string }, locale: string, charts: Charts, pngs: PngPictures): { path: string; bytes: Promise<string | Uint8Array> }[] {
  return [...charts.values()].flatMap((chart) => {
    const name = chart.id.replace(/[^A-Za-z0-9.-]/g, '_');
    // A failure surfaces where the PNG is awaited, before anything is published.
    const png = cachedPng(cache, drawing, chart.svg, dataset, pngs);
    png.catch(() => undefined);
    return [
      { path: `${dataset.country.id}/${locale}/charts/figure-${name}.svg`, bytes: Promise.resolve(chart.svg) },
      { path: `${dataset.country.id}/${locale}/charts/figure-${name}.png`, bytes: png },
    ];
  });
}

/** The PNG of a chart, rendered once per distinct SVG; `drawing` is the pipeline version with the theme's digest. */
async function cachedPng(cache: StageCache, drawing: string, svg: string, dataset: Dataset, pngs: PngPictures): Promise<Uint8Array> {
  const key = cacheKey('png', drawing, svg);
  const cached = cache.get(key);
  if (cached) return new Uint8Array(cached);
  // Posted to the PNG thread at once, not after an import that would wait for this thread's
  // layout to yield: the pictures are drawn while the documents are laid out.
  const png = await whileDrawing('a chart\'s PNG picture', () => renderPng(svg, dataset.theme, 2, pngs));
  cache.set(key, png);
  return png;
}
