/**
 * Break points of one word's letters: the indices of the letters before which a hyphen may be
 * set. `letters` are lower-case, one letter (with its combining marks) each, no punctuation.
 */
export type Syllabify = (letters: readonly string[]) => readonly number[];

/** Letters before and after a break within a word part: "ab-cde" is the shortest breakable word. */
export const MIN_BEFORE = 2;
export const MIN_AFTER = 3;

const SOFT_HYPHEN = '\u00AD';
/** Hyphens and dashes after which a line may break; a piece may end with one. */
const BREAKING_HYPHENS: ReadonlySet<string> = new Set(['-', '\u2010', '\u2013', '\u2014']);
/** The non-breaking hyphen divides a word into parts but is never a break. */
const NON_BREAKING_HYPHEN = '\u2011';
/** Apostrophes inside a word (people's, o'clock): neither letters nor a reason to leave it whole. */
const APOSTROPHES: ReadonlySet<string> = new Set(["'", '\u2019', '\u02BC']);

const numberPattern = /\p{N}/u;
const upperPattern = /\p{Lu}/u;

/** One letter with its marks, or one other character, of a word. */
interface Unit {
  /** Its characters. */
  readonly text: string;
  /** Offset in the word (soft hyphens removed). */
  readonly start: number;
  /** A letter (with combining marks). */
  readonly letter: boolean;
}

/** A stretch of letters between hard hyphens (or a word's ends). */
interface Part {
  /** Index of its first unit. */
  readonly from: number;
  /** Index after its last unit. */
  readonly to: number;
  /** Offsets (in the word) of its letters. */
  readonly letterStarts: readonly number[];
}

/** How a hyphenator treats words: its break rule, its unbreakable words and its locale. */
export interface WordRules {
  /** Break points of a word part's letters. */
  readonly syllabify: Syllabify;
  /** Lengths of the unbreakable entries that begin at `offset` of the lower-cased text. */
  readonly protectedAt: (lowered: string, offset: number) => number;
}

/** A letter with the combining marks after it (group 1), or any other single character. */
const unitPattern = /(\p{L}\p{M}*)|[^]/gu;

/** The word cut into units: letters with their marks, and single other characters. */
function unitsOf(word: string): Unit[] {
  const units: Unit[] = [];
  for (const match of word.matchAll(unitPattern)) units.push({ text: match[0], start: match.index, letter: match[1] !== undefined });
  return units;
}

/** How many of a part's letters lie before a word offset. */
function lettersBefore(part: Part, offset: number): number {
  let count = 0;
  while (count < part.letterStarts.length && part.letterStarts[count]! < offset) count++;
  return count;
}

/** Whether a part holds two capitals or more: an acronym (CSI, ҮЕҰ, НПО). */
function isAcronym(units: readonly Unit[], part: Part): boolean {
  let capitals = 0;
  for (let index = part.from; index < part.to; index++) {
    const unit = units[index]!;
    if (unit.letter && upperPattern.test(unit.text) && ++capitals >= 2) return true;
  }
  return false;
}

/**
 * The pieces of one word or token, following the rules in ./index.ts. Punctuation before the
 * first letter and after the last (quotes, brackets, commas) stays on the first and last piece
 * and is not counted as letters.
 */
export function splitWord(token: string, rules: WordRules): readonly string[] {
  const softHyphens: number[] = [];
  let word = token;
  if (token.includes(SOFT_HYPHEN)) {
    word = '';
    for (const char of token) {
      if (char === SOFT_HYPHEN) softHyphens.push(word.length);
      else word += char;
    }
  }
  const whole = [word];
  // Fewer than 5 characters cannot hold 2 letters before a break and 3 after it.
  if (word.length < MIN_BEFORE + MIN_AFTER || numberPattern.test(word)) return whole;
  const units = unitsOf(word);
  const first = units.findIndex((unit) => unit.letter);
  if (first < 0) return whole;
  let last = units.length - 1;
  while (!units[last]!.letter) last--;

  // The core runs from the first letter to the last; anything in it but letters, hyphens and
  // apostrophes (dots, slashes, @, colons, underscores) makes it an address, an e-mail or an id.
  const parts: Part[] = [];
  /** Offsets just after a breaking hyphen, with the index of the part before it. */
  const hardBreaks: Array<{ offset: number; part: number }> = [];
  let from = first;
  let letterStarts: number[] = [];
  for (let index = first; index <= last + 1; index++) {
    const unit = units[index];
    if (index <= last && unit!.letter) {
      letterStarts.push(unit!.start);
      continue;
    }
    if (index <= last && APOSTROPHES.has(unit!.text)) continue;
    const separator = index <= last && (BREAKING_HYPHENS.has(unit!.text) || unit!.text === NON_BREAKING_HYPHEN);
    if (index <= last && !separator) return whole;
    parts.push({ from, to: index, letterStarts });
    if (separator && BREAKING_HYPHENS.has(unit!.text)) hardBreaks.push({ offset: unit!.start + unit!.text.length, part: parts.length - 1 });
    from = index + 1;
    letterStarts = [];
  }

  // Acronyms (CSI, ҮЕҰ, НПО), also with an ending after a hyphen (ҮЕҰ-лар), stay whole.
  if (parts.some((part) => isAcronym(units, part))) return whole;

  // Unbreakable words protect the letters they cover, where they start a part: so Kazakhstan's
  // (or Қазақстанның) is not broken inside the name but may be after it.
  // Plain lower-casing: it differs from the locale's only for Turkish, Azeri and Lithuanian,
  // and costs a tenth of toLocaleLowerCase.
  const lowered = units.map((unit) => unit.text.toLowerCase());
  const loweredText = lowered.join('');
  const loweredOffset: number[] = [];
  lowered.reduce((offset, text, index) => {
    loweredOffset[index] = offset;
    return offset + text.length;
  }, 0);
  const protectedRanges: Array<[number, number]> = [];
  for (const part of parts) {
    const length = rules.protectedAt(loweredText, loweredOffset[part.from] ?? loweredText.length);
    if (length > 0) {
      // The protected span ends at the unit where the lower-cased entry ends.
      const endUnit = loweredOffset.findIndex((offset) => offset >= loweredOffset[part.from]! + length);
      protectedRanges.push([units[part.from]!.start, endUnit < 0 ? word.length : units[endUnit]!.start]);
    }
  }

  // Candidate breaks: the author's soft hyphens where there are any, else the language's rule.
  const candidates: number[] = [];
  if (softHyphens.length > 0) {
    candidates.push(...softHyphens);
  } else {
    for (const part of parts) {
      // The part's letters, lower-cased as above and composed: one string per letter with its marks.
      const starts: number[] = [];
      const letters: string[] = [];
      for (let index = part.from; index < part.to; index++) {
        if (!units[index]!.letter) continue;
        starts.push(units[index]!.start);
        letters.push(lowered[index]!.normalize('NFC'));
      }
      for (const index of rules.syllabify(letters)) {
        if (index > 0 && index < letters.length) candidates.push(starts[index]!);
      }
    }
  }

  const partAt = (offset: number) => parts.find((part) => units[part.from] !== undefined && units[part.from]!.start < offset && offset <= (units[part.to]?.start ?? word.length));
  const isProtected = (offset: number) => protectedRanges.some(([start, end]) => start < offset && offset < end);
  const breaks = new Set<number>();
  for (const offset of candidates) {
    const part = partAt(offset);
    if (!part || isProtected(offset)) continue;
    // Only before a letter of the part, never before an apostrophe.
    if (!part.letterStarts.includes(offset)) continue;
    const before = lettersBefore(part, offset);
    if (before >= MIN_BEFORE && part.letterStarts.length - before >= MIN_AFTER) breaks.add(offset);
  }
  for (const { offset, part } of hardBreaks) {
    if (isProtected(offset)) continue;
    // After a hyphen only where a letter follows it: a line does not start with an apostrophe.
    const next = parts[part + 1]!;
    if (parts[part]!.letterStarts.length >= MIN_BEFORE && next.letterStarts.length >= MIN_AFTER && next.letterStarts[0] === offset) breaks.add(offset);
  }

  if (breaks.size === 0) return whole;
  const offsets = [0, ...[...breaks].sort((a, b) => a - b), word.length];
  return offsets.slice(1).map((end, index) => word.slice(offsets[index], end));
}
