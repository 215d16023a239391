import type { BuildOptions } from 'esbuild';

/** See bundle-options.mjs. */
export const inlinedPackages: RegExp;

/** See bundle-options.mjs. */
export const bundleOptions: BuildOptions;
