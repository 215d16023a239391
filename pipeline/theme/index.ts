export { loadTheme } from './load.ts';
export { drawsAll, faceFor, fontFaces, measureText, missingGlyphs, type StyleLike, type WeightLike } from './measure.ts';
export { withThemeMetrics } from './vega-metrics.ts';
export type * from './types.ts';
export { faceNames, templateNames } from './types.ts';
