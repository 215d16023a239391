import type { DimensionDef, Framework, IndicatorDef, SubdimensionDef } from './types.ts';

/** The dimension, sub-dimension or indicator with this id, if the framework has one. */
export function findNode(framework: Framework, id: string): DimensionDef | SubdimensionDef | IndicatorDef | undefined {
  for (const dimension of framework.dimensions) {
    if (dimension.id === id) return dimension;
    for (const sub of dimension.subdimensions) {
      if (sub.id === id) return sub;
      const indicator = sub.indicators.find((i) => i.id === id);
      if (indicator) return indicator;
    }
  }
  return undefined;
}

/** Every indicator of the framework, in framework order. */
export function frameworkIndicators(framework: Framework): IndicatorDef[] {
  return framework.dimensions.flatMap((d) => d.subdimensions.flatMap((s) => s.indicators));
}
