import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartDraft } from './types.ts';

/** A drawn spec: the Vega spec that was run, its SVG and size. */
export interface RenderedSvg {
  /** The Vega spec (compiled from Vega-Lite where needed). */
  vega: object;
  /** The SVG text. */
  svg: string;
  /** Width in points (one SVG unit is one point). */
  width: number;
  /** Height in points. */
  height: number;
}

/**
 * Compiles a draft to Vega and renders it headless to SVG. Vega-Lite's warnings are template
 * mistakes (a channel dropped, a property ignored), so they stop the build instead of
 * scrolling past.
 */
export async function renderSvg(draft: ChartDraft, name: string): Promise<RenderedSvg> {
  const warnings: string[] = [];
  const spec = draft.grammar === 'vega-lite' ? compileLite(draft.spec, warnings) : structuredClone(draft.spec);
  if (warnings.length > 0) throw new Error(`the ${name} chart template gives Vega-Lite warnings: ${warnings.join('; ')}`);
  // Vega writes into the data objects it is given (derived fields, ids): it gets a copy, so the
  // spec and the compiled Vega stay exactly as the template made them.
  const view = new vega.View(vega.parse(structuredClone(spec) as vega.Spec), { renderer: 'none' });
  try {
    const svg = describe(await view.toSVG(), draft.alt);
    return { vega: spec, svg, ...svgSize(svg) };
  } finally {
    view.finalize();
  }
}

function compileLite(spec: object, warnings: string[]): object {
  const collect = (...args: readonly unknown[]) => {
    warnings.push(args.map(String).join(' '));
    return logger;
  };
  const logger = { level: () => logger, warn: collect, info: () => logger, debug: () => logger, error: collect };
  return compile(spec as TopLevelSpec, { logger: logger as never }).spec;
}

/**
 * Gives the SVG its text alternative as `<title>`, so the files published for the web describe
 * themselves; Vega only puts a description on a browser's container element, never in the SVG.
 */
function describe(svg: string, alt: string): string {
  const escaped = alt.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return svg.replace(/^<svg\b([^>]*)>/, `<svg$1 role="img" aria-label="${escaped}"><title>${escaped}</title>`);
}

function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\bwidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\bheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error('Vega rendered an SVG without a size');
  return { width, height };
}
