// The hyphen package ships no type declarations; this covers the parts the hyphenation module uses:
// its pattern-driven hyphenator factory and the pattern files (levels, trie, exceptions).
declare module 'hyphen/hyphen.js' {
  /** Options of a hyphenator made by the factory. */
  export interface HyphenOptions {
    /** Character inserted at each break (default U+00AD). */
    hyphenChar?: string;
    /** Words shorter than this are left whole (default 5). */
    minWordLength?: number;
    /** Skip text inside HTML tags (default true). */
    html?: boolean;
    /** Return a Promise instead of a string (default false). */
    async?: boolean;
    /** Words with hyphens at their break points, overriding the patterns. */
    exceptions?: string[];
  }
  /** The compiled TeX patterns of one language, as the package's pattern files export them. */
  export type HyphenPatterns = readonly [levels: unknown, trie: unknown, exceptions?: Record<string, number[]>];
  /** Makes a hyphenator that inserts `hyphenChar` at every break the patterns allow. */
  export default function createHyphenator(patterns: HyphenPatterns, options?: HyphenOptions): (text: string) => string;
}
