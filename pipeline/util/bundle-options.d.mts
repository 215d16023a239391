import type { BuildOptions } from 'esbuild';

/** See bundle-options.mjs. */
export const inlinedPackages: RegExp;

/** See bundle-options.mjs. */
export const bundleOptions: BuildOptions;

/** See bundle-options.mjs. */
export function threadEntries(sources: string): { 'png-worker': string; 'layout-worker': string };
