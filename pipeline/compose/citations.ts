import type { BibEntry, Source } from '../ingest/types.ts';
import { localised, type ComposeState } from './context.ts';
import type { TextInline } from '../document/types.ts';

/**
 * The citation styles an edition can use, named in its locale file (`document.citation.style`):
 * - `apa-7`: author–date as in APA 7 — "(Makhmutova et al., 2005)", "Fukuyama (1995)"; two
 *   authors joined by "&", three or more cited as the first "et al."; reference list
 *   "Family, I. (Year). *Title*. Publisher. URL".
 * - `gost-r-7.0.5-2008`: ГОСТ Р 7.0.5-2008 references to a list at the end of the text —
 *   "[Makhmutova et al., 2005]", after an author named in the sentence "Фукуяма [Fukuyama, 1995]"; up to three authors named, four or more
 *   cited as the first with "et al." in the language of the work; list entries after
 *   ГОСТ 7.1-2003: "Family I. Title. – Place : Publisher, Year. – URL: …".
 * Names stay in the script of the work, so a citation reads exactly as its entry begins.
 */
export type CitationStyle = 'apa-7' | 'gost-r-7.0.5-2008';
export const citationStyles: readonly CitationStyle[] = ['apa-7', 'gost-r-7.0.5-2008'];

/** A work as a citation needs it: a bibliography entry (without its place) or a data source of `sources.yaml`. */
export type CitedWork = Omit<BibEntry, 'at'>;

/** A data source cited like a work: its author is an organisation. */
export function sourceAsWork(state: ComposeState, source: Source): CitedWork {
  const author = typeof source.author === 'string' ? source.author : localised(state, source.author);
  return { key: source.key, organisation: author || source.publisher || '', year: source.year, title: source.title, publisher: source.publisher, url: source.url };
}

/** The works citable in an edition: the bibliography first, then the data sources. */
export function citableWork(state: ComposeState, key: string): CitedWork | undefined {
  const { dataset } = state.input;
  const entry: BibEntry | undefined = dataset.bibliography.find((e) => e.key === key);
  if (entry) return entry;
  const source = dataset.sources.get(key);
  return source ? sourceAsWork(state, source) : undefined;
}

/** The style of the edition's locale; ingest's string check guarantees the key exists. */
export function styleOf(state: ComposeState): CitationStyle {
  const style = state.input.messages.t('document.citation.style');
  return (citationStyles as readonly string[]).includes(style) ? (style as CitationStyle) : 'apa-7';
}

/** "et al." in the language of the work, from that language's locale file when it is configured. */
function etAl(state: ComposeState, work: CitedWork): string {
  const strings = state.input.dataset.content.get(work.lang ?? 'en')?.strings;
  return strings?.entries.get('document.citation.etAl')?.text ?? 'et al.';
}

const family = (name: string) => name.split(',')[0]!.trim();

/** The name a citation gives the work, as the head of its entry begins: "Makhmutova et al.", "UNDP". */
export function citationName(state: ComposeState, work: CitedWork, narrative: boolean): string {
  const style = styleOf(state);
  if (!work.authors) return work.short ?? work.organisation ?? '';
  const names = work.authors.map(family);
  if (style === 'apa-7') {
    if (names.length === 1 && !work.etAl) return names[0]!;
    if (names.length === 2 && !work.etAl) return `${names[0]} ${narrative ? 'and' : '&'} ${names[1]}`;
    return `${names[0]} ${etAl(state, work)}`;
  }
  if (names.length <= 3 && !work.etAl) return names.join(', ');
  return `${names[0]} ${etAl(state, work)}`;
}

/**
 * The citation's name in the Markdown of the narrative: marked with the work's language
 * (`[Canas]{lang=en}` in a Russian sentence) when that is known and is not the edition's, so a
 * screen reader reads it in its own language. A data source's language is not known.
 */
function spokenName(state: ComposeState, work: CitedWork, narrative: boolean): string {
  const name = citationName(state, work, narrative);
  const entry = state.input.dataset.bibliography.find((e) => e.key === work.key);
  const lang = entry ? entry.lang ?? 'en' : undefined;
  if (!lang || lang === state.input.locale || /[[\]{}]/.test(name) || name === '') return name;
  return `[${name}]{lang=${lang}}`;
}

/** A parenthetical citation of one or more works: "(A, 2009; B, 2010)" or "[A, 2009; B, 2010]". */
export function parentheticalCitation(state: ComposeState, works: readonly CitedWork[]): string {
  const items = works.map((work) => `${spokenName(state, work, false)}, ${work.year}`).join('; ');
  return styleOf(state) === 'apa-7' ? `(${items})` : `[${items}]`;
}

/**
 * A narrative citation, where the sentence is about the author. APA makes the name part of the
 * sentence: "Fukuyama (1995) calls…". Under ГОСТ Р 7.0.5 the sentence names the author in its
 * own language and case ("По мнению Фукуямы") and the reference follows it: "[Fukuyama, 1995]".
 * Both editions thus hold the same placeholder where the English holds one, as translation needs.
 */
export function narrativeCitation(state: ComposeState, work: CitedWork): string {
  const name = spokenName(state, work, true);
  return styleOf(state) === 'apa-7' ? `${name} (${work.year})` : `[${name}, ${work.year}]`;
}

/** The first words of an entry, which its citations repeat. */
export function entryHead(state: ComposeState, work: CitedWork): string {
  const style = styleOf(state);
  if (!work.authors) return work.short ? `${work.organisation} [${work.short}]` : (work.organisation ?? '');
  const initials = (name: string) => {
    const given = name.split(',')[1]?.trim() ?? '';
    return given.split(/[\s.]+/).filter(Boolean).map((part) => `${part[0]}.`).join(' ');
  };
  const names = work.authors.map((name) => {
    const given = initials(name);
    if (!given) return family(name);
    return style === 'apa-7' ? `${family(name)}, ${given}` : `${family(name)} ${given}`;
  });
  let head = style === 'apa-7' && names.length > 1
    ? `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]}`
    : names.join(', ');
  if (work.etAl) head += ` ${etAl(state, work)}`;
  if (work.editors) head += names.length > 1 ? ' (Eds.)' : ' (Ed.)';
  return head;
}

/**
 * One entry of the reference list, in the edition's style. The author and a title in the
 * original's language carry that language when it is not the edition's (a Russian law in the
 * English edition, an English book in the Russian one), so a screen reader reads them in it;
 * a supplied title is written in the edition's language. `languageKnown` is false for a data
 * source, whose entry is written per edition and whose language the data does not give.
 */
export function entryInlines(state: ComposeState, work: CitedWork, languageKnown = true): TextInline[] {
  const style = styleOf(state);
  const workLang = work.lang ?? 'en';
  const foreign = languageKnown && workLang !== state.input.locale ? { lang: workLang } : {};
  const head = entryHead(state, work);
  const title = typeof work.title === 'string' ? work.title : localised(state, work.title);
  const titleInline: TextInline = work.titleSupplied || typeof work.title !== 'string'
    ? { kind: 'text', text: work.titleSupplied ? `[${title}]` : title, italic: !work.titleSupplied && style === 'apa-7' ? true : undefined }
    : { kind: 'text', text: title, italic: style === 'apa-7' || undefined, ...foreign };
  const headInline = (text: string, after: string): TextInline[] => (Object.keys(foreign).length > 0 && text !== '' ? [{ kind: 'text', text, ...foreign }, { kind: 'text', text: after }] : [{ kind: 'text', text: `${text}${after}` }]);
  const publisher = work.publisher && work.publisher !== work.organisation ? work.publisher : undefined;
  const stop = (text: string) => (/[.!?]$/.test(text) ? '' : '.');
  const out: TextInline[] = [];
  if (style === 'apa-7') {
    out.push(...headInline(head, `${stop(head)} (${work.year ?? 'n.d.'}). `), titleInline, { kind: 'text', text: stop(title) });
    if (publisher) out.push({ kind: 'text', text: ` ${publisher}.` });
  } else {
    out.push(...headInline(head, `${stop(head)} `), titleInline, { kind: 'text', text: stop(title) });
    const imprint = [work.place && publisher ? `${work.place} : ${publisher}` : work.place ?? publisher, work.year].filter((part) => part !== undefined).join(', ');
    if (imprint) out.push({ kind: 'text', text: ` – ${imprint}.` });
  }
  if (work.url) out.push({ kind: 'text', text: style === 'apa-7' ? ' ' : ' – URL: ' }, { kind: 'text', text: work.url, link: work.url });
  return out;
}
