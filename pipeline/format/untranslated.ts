/**
 * The visible marker of a text shown in the source language because its translation is
 * missing (translation policy `fallback`): a reader sees it, an editor can search for it.
 * Whole sections get a sentence of their own (`document.untranslated`); a name, label or list
 * item in running text gets this prefix.
 */
export function untranslatedMark(sourceLocale: string): string {
  return `⟨${sourceLocale}⟩ `;
}
