import type { ComposeState } from './context.ts';

/**
 * Warns that a section of a document has nothing to print, naming the input that fills it. The
 * section is left out rather than printed as a heading over nothing. The warning does not name
 * the edition's language, so the same gap in every edition is reported once.
 */
export function emptySection(state: ComposeState, section: string, file: string, what: string): void {
  state.issues.push({
    place: { file },
    message: `the ${state.input.document === 'acr' ? 'report' : 'brief'}'s section "${section}" has nothing to print and is left out`,
    hint: `${what} (see docs/data-format.md).`,
    severity: 'warning',
  });
}

/** Paths of a country's inputs, as messages name them. */
export function countryFile(state: ComposeState, path: string): string {
  const { dataset } = state.input;
  return `${dataset.config.dataDir}/countries/${dataset.country.id}/${path}`;
}

/** A narrative file in the source locale: what is written first, and what other languages translate. */
export function sourceNarrative(state: ComposeState, path: string): string {
  return countryFile(state, `narrative/${state.input.dataset.config.sourceLocale}/${path}`);
}
