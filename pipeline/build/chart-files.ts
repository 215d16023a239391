/**
 * The chart files a build publishes beside its PDFs: each chart's SVG and its PNG at twice its
 * size, drawn on the PNG thread. Also used by the benchmark's peer build, which publishes the
 * same files.
 */
import type { Chart } from '../chart/index.ts';
import { PngPictures, renderPng } from '../chart/png.ts';
import { cacheKey, type StageCache } from '../cache/key.ts';
import { whileDrawing } from '../errors/errors.ts';
import type { Dataset } from '../ingest/types.ts';
import type { OutputFile } from '../publish/atomic.ts';

/**
 * One build's chart files, asked for locale by locale as the charts are made (`add`). Each
 * distinct picture is taken from the stage cache, or drawn and kept there, once: the cover's
 * diamond and the report's figure I.2.1 are one SVG, asked for before either is drawn.
 */
export class ChartPictures {
  private readonly files: { path: string; bytes: Promise<string | Uint8Array> }[] = [];
  /** Each picture asked for, by its cache key. */
  private readonly pictures = new Map<string, Promise<Uint8Array>>();
  private readonly pngs = new PngPictures();

  /** `cache`: where pictures are kept between builds (`noCache` for none). */
  constructor(private readonly cache: StageCache) {}

  /**
   * Asks for a chart's SVG and PNG files, as soon as it is drawn; the PNG is drawn on the PNG
   * thread meanwhile. `drawing`: the pipeline version with the theme's digest, part of each
   * picture's key.
   */
  add(locale: string, chart: Chart, { dataset, drawing }: { dataset: Dataset; drawing: string }): void {
    const name = chart.id.replace(/[^A-Za-z0-9.-]/g, '_');
    this.files.push(
      { path: `${dataset.country.id}/${locale}/charts/figure-${name}.svg`, bytes: Promise.resolve(chart.svg) },
      { path: `${dataset.country.id}/${locale}/charts/figure-${name}.png`, bytes: this.picture(drawing, chart.svg, dataset) },
    );
  }

  /**
   * Once every file is asked for: the PNG thread ends as soon as it has drawn the last, handing
   * back its memory, and a process that builds again (watch) does not keep it between builds.
   */
  allAsked(): void {
    void Promise.allSettled(this.files.map((file) => file.bytes)).then(() => this.pngs.stop());
  }

  /** Every file, its PNG drawn; the first picture that could not be drawn throws here. */
  async written(): Promise<OutputFile[]> {
    const files: OutputFile[] = [];
    for (const file of this.files) files.push({ path: file.path, bytes: await file.bytes });
    return files;
  }

  private picture(drawing: string, svg: string, dataset: Dataset): Promise<Uint8Array> {
    const key = cacheKey('png', drawing, svg);
    let png = this.pictures.get(key);
    if (!png) {
      png = this.cachedPng(key, svg, dataset);
      // A failure surfaces where the PNG is awaited, before anything is published.
      png.catch(() => undefined);
      this.pictures.set(key, png);
    }
    return png;
  }

  private async cachedPng(key: string, svg: string, dataset: Dataset): Promise<Uint8Array> {
    const cached = this.cache.get(key);
    if (cached) return new Uint8Array(cached);
    // Posted to the PNG thread at once, not after an import that would wait for this thread's
    // layout to yield: the pictures are drawn while the documents are laid out.
    const png = await whileDrawing('a chart\'s PNG picture', () => renderPng(svg, dataset.theme, 2, this.pngs));
    this.cache.set(key, png);
    return png;
  }
}
