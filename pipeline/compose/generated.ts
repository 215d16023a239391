import { countryFile, emptySection } from './empty.ts';
import { formatDecimal } from '../format/number.ts';
import type { LocalisedText, PeopleList } from '../ingest/types.ts';
import { localised, type ComposeState } from './context.ts';
import type { Block, CoverBlock, TableCell } from '../document/types.ts';
import { editionLine } from './corrigendum.ts';
import { entryHead, entryInlines, sourceAsWork, type CitedWork } from './citations.ts';

/** Names and words of the edition that several parts need. */
export function editionWords(state: ComposeState) {
  const { dataset, messages } = state.input;
  const country = localised(state, dataset.country.name);
  const period = dataset.country.study.label;
  return { country, period, organisation: localised(state, dataset.country.organisation.name), messages };
}

/** The cover: series, title, country and period, credits, edition date, the diamond. */
export function coverBlock(state: ComposeState, subtitleKey: string, diamond: { chart?: string; alt: string } | undefined, compact = false): CoverBlock {
  const { dataset, locale } = state.input;
  const { country, period, organisation, messages } = editionWords(state);
  const funders = dataset.country.funders.map((f) => localised(state, f.name));
  const credits = [messages.t('document.credits.implementedBy', { organisation })];
  const partners = dataset.country.partners.map((p) => localised(state, p.name));
  if (partners.length > 0) credits.push(messages.t('document.credits.partner', { partner: new Intl.ListFormat(locale, { type: 'conjunction' }).format(partners) }));
  if (funders.length > 0) credits.push(messages.t('document.credits.funders', { funders: new Intl.ListFormat(locale, { type: 'conjunction' }).format(funders) }));
  return {
    kind: 'cover',
    title: messages.t('document.series'),
    subtitle: messages.t(subtitleKey),
    country: messages.t('document.countryPeriod', { country, period }),
    credits,
    edition: editionLine(state),
    chart: diamond?.chart,
    chartAlt: diamond?.alt,
    compact,
  };
}

/** The list of acronyms as a two-column table. */
export function acronymBlocks(state: ComposeState): Block[] {
  const { messages } = state.input;
  const acronyms = (state.input.dataset.country.extra.acronyms ?? []) as { key: string; short?: LocalisedText; expansion: LocalisedText }[];
  if (acronyms.length === 0) {
    emptySection(state, messages.t('document.acronyms'), countryFile(state, 'country.yaml'), 'Add "acronyms:" to it, each with a key, its short form and its expansion per language');
    return [];
  }
  const rows = acronyms
    .map((a) => [{ text: a.short ? localised(state, a.short) : a.key, bold: true }, { text: localised(state, a.expansion) }] as TableCell[])
    .sort((a, b) => a[0]!.text.localeCompare(b[0]!.text, state.input.locale));
  return [
    { kind: 'heading', level: 1, text: messages.t('document.acronyms'), anchor: 'acronyms', inContents: true, newPage: true },
    { kind: 'table', anchor: 'acronym-table', caption: '', header: [{ text: messages.t('document.acronym') }, { text: messages.t('document.meaning') }], widths: [1, 4], rows, rowHeaders: true },
  ];
}

/** Appendix 1: the full indicator matrix, generated from the scores. */
export function matrixBlocks(state: ComposeState, appendix: number): Block[] {
  const { dataset, scores, locale, messages } = state.input;
  const { country, period } = editionWords(state);
  const rows: TableCell[][] = [];
  const value = (id: string) => {
    const score = scores.byId.get(id)!;
    return formatDecimal(score.score, locale, score.decimals);
  };
  for (const dimension of dataset.framework.dimensions) {
    const key = dimension.contextual ? 'document.matrix.contextual' : 'document.matrix.dimension';
    rows.push([{ text: messages.t(key, { id: dimension.id, name: localised(state, dimension.name) }), bold: true }, { text: value(dimension.id), align: 'right', bold: true }]);
    for (const sub of dimension.subdimensions) {
      rows.push([{ text: `${sub.id}  ${localised(state, sub.name)}`, bold: true, indent: 1 }, { text: value(sub.id), align: 'right', bold: true }]);
      for (const indicator of sub.indicators) {
        rows.push([{ text: `${indicator.id}  ${localised(state, indicator.name)}`, indent: 2 }, { text: value(indicator.id), align: 'right' }]);
      }
    }
  }
  return [
    { kind: 'heading', level: 2, text: messages.t('document.matrix.title', { number: appendix, country, period }), anchor: 'appendix-matrix', inContents: true },
    { kind: 'paragraph', inlines: [{ kind: 'text', text: messages.t('document.matrix.intro') }], style: 'small' },
    { kind: 'table', anchor: 'matrix-table', caption: '', header: [{ text: messages.t('document.matrix.item') }, { text: messages.t('document.matrix.score'), align: 'right' }], widths: [6, 1], rows, rowHeaders: true },
  ];
}

/** An appendix listing people, grouped (by city for focus groups). */
export function peopleBlocks(state: ComposeState, list: PeopleList): Block[] {
  const { messages } = state.input;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: messages.t('document.appendixTitle', { number: list.appendix, title: localised(state, list.title) }), anchor: `appendix-${list.appendix}`, inContents: true },
  ];
  for (const group of list.groups) {
    if (group.heading) blocks.push({ kind: 'heading', level: 3, text: localised(state, group.heading), anchor: `appendix-${list.appendix}-${localised(state, group.heading)}`, inContents: false });
    blocks.push({
      kind: 'list', ordered: false, ragged: true,
      items: group.people.map((person) => {
        const name = localised(state, person.name);
        const affiliation = person.affiliation ? localised(state, person.affiliation) : '';
        return affiliation ? [{ kind: 'text', text: name, bold: true }, { kind: 'text', text: `, ${affiliation}` }] : [{ kind: 'text', text: name, bold: true }];
      }),
    });
  }
  return blocks;
}

/**
 * The reference list: works cited, then the data sources, each sorted by the words that begin
 * the entry (which its citations repeat), in the edition's citation style.
 */
export function bibliographyBlocks(state: ComposeState): Block[] {
  const { dataset, messages, locale } = state.input;
  const collator = new Intl.Collator(locale);
  const sorted = (works: CitedWork[], languageKnown: boolean) => works
    .map((work) => ({ work, head: entryHead(state, work) }))
    .sort((a, b) => collator.compare(a.head, b.head) || (a.work.year ?? 0) - (b.work.year ?? 0))
    // Ragged right, as reference lists are set (APA among them): a justified entry with a title
    // in another language, which the edition's patterns do not hyphenate, or a long address,
    // stretched its spaces into gaps.
    .map(({ work }): Block => ({ kind: 'paragraph', style: 'small', ragged: true, inlines: entryInlines(state, work, languageKnown) }));
  if (dataset.bibliography.length === 0) emptySection(state, `${messages.t('document.bibliography')}: works cited`, countryFile(state, 'bibliography.yaml'), 'List the works the report cites in it (authors, year, title, publisher); only the data sources are printed until then');
  return [
    { kind: 'heading', level: 1, text: messages.t('document.bibliography'), anchor: 'bibliography', inContents: true, newPage: true },
    ...sorted([...dataset.bibliography], true),
    { kind: 'heading', level: 2, text: messages.t('document.dataSources'), anchor: 'data-sources', inContents: true },
    ...sorted([...dataset.sources.values()].map((source) => sourceAsWork(state, source)), false),
  ];
}
