// How TypeScript entry points are bundled with esbuild: the csi-report command's bundle of the
// pipeline (bin/csi-report.js) and the benchmark's peer build (bench/child.ts), so both start
// the same way. Plain JavaScript, because the command bundles before any TypeScript is loaded.
import { join } from 'node:path';

/**
 * Packages bundled with the sources instead of loaded from node_modules: those written as
 * dozens or hundreds of small modules, which Node would otherwise open, resolve and compile one
 * by one at every start — the schemas' TypeBox and ajv, the YAML parser, Handlebars, the Vega
 * stack. All are pure JavaScript. Everything else (fonts, hyphenation patterns, native code,
 * data read from beside the code) stays where its package put it.
 */
export const inlinedPackages = new RegExp(`^(${[
  // The input schemas and their checker, the YAML parser.
  'typebox', 'yaml', 'ajv', 'fast-deep-equal', 'fast-uri', 'json-schema-traverse', 'require-from-string',
  // The narrative templates.
  'handlebars', 'neo-async', 'source-map', 'wordwrap', 'minimist',
  // Charts.
  'vega', 'vega-[a-z-]+', 'd3-[a-z-]+', 'internmap', 'delaunator', 'robust-predicates',
].join('|')})(/|$)`);

/**
 * The entries of the pipeline's threads, by the names the bundle gives them: beside the
 * chunks, where pipeline/chart/png.ts and pipeline/build/layout-thread.ts look for them.
 *
 * @param {string} sources the pipeline's folder
 * @returns {{ 'png-worker': string; 'layout-worker': string }}
 */
export function threadEntries(sources) {
  return { 'png-worker': join(sources, 'chart', 'png-worker.mjs'), 'layout-worker': join(sources, 'build', 'layout-worker.ts') };
}

/** @type {import('esbuild').BuildOptions} */
export const bundleOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Without comments and spaces the bundle is a third smaller, and V8 compiles it at every
  // start in about 30 ms less (140 against 170 ms in a correction's profile). Names are kept:
  // stack traces and profiles still read as the sources do.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [{
    name: 'packages-outside-but-many-small-modules',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => (inlinedPackages.test(args.path) ? undefined : { path: args.path, external: true }));
    },
  }],
  // The CommonJS packages among them require Node's own modules; a bundle is an ES module, so
  // each file is given a `require` of its own.
  banner: { js: "import { createRequire as __csiCreateRequire } from 'node:module'; const require = __csiCreateRequire(import.meta.url);" },
};
