import type { Organisation } from '../ingest/types.ts';
import { localised, type ComposeState } from './context.ts';
import { editionLine } from './corrigendum.ts';
import { editionWords } from './generated.ts';
import type { Block, Inline } from '../document/types.ts';

/** The web addresses of the full report and the open data of this edition, when configured. */
export function publicationUrls(state: ComposeState): { report: string; brief?: string; data: string } | undefined {
  const { dataset, locale } = state.input;
  const publication = dataset.config.publication;
  if (!publication) return undefined;
  const fill = (pattern: string) => pattern.replaceAll('{country}', dataset.country.id).replaceAll('{locale}', locale);
  return { report: fill(publication.report), brief: publication.brief && fill(publication.brief), data: fill(publication.data) };
}

/** The date of this edition: the latest correction's, or the first publication's. */
function editionDate(state: ComposeState): string {
  const { dataset } = state.input;
  return dataset.corrections[dataset.corrections.length - 1]?.date ?? dataset.country.edition.published;
}

/**
 * The suggested citation of a document, in the edition's language. The pattern is a UI string
 * per locale (`document.imprint.citation.acr|brief`), so each language keeps one citation style.
 */
export function citation(state: ComposeState, document: 'acr' | 'brief'): string {
  const { dataset, messages } = state.input;
  const { country, period, organisation } = editionWords(state);
  const titleKey = document === 'acr' ? 'reportTitle' : 'briefTitle';
  const title = localised(state, dataset.country.extra[titleKey] as Record<string, string> | undefined) || messages.t(document === 'acr' ? 'document.acrSubtitle' : 'document.briefSubtitle');
  const org = dataset.country.organisation;
  const urls = publicationUrls(state);
  const text = messages.t(`document.imprint.citation.${document}`, {
    author: organisation,
    year: editionDate(state).slice(0, 4),
    title,
    country,
    period,
    place: localised(state, dataset.country.edition.place) || country,
    publisher: localised(state, org.short ?? org.name),
  });
  const url = document === 'acr' ? urls?.report : urls?.brief;
  return url ? `${text} ${url}` : text;
}

/** An organisation's name and how to reach it, as one paragraph; addresses are links. */
export function contactInlines(state: ComposeState, organisation: Organisation): Inline[] {
  return contactLines(state, organisation).flatMap((line, i) => (i === 0 ? line : [{ kind: 'text' as const, text: ' · ' }, ...line]));
}

/** An organisation's name and how to reach it, one piece each; addresses are links. */
export function contactLines(state: ComposeState, organisation: Organisation): Inline[][] {
  const { messages } = state.input;
  const contact = organisation.contact;
  const lines: Inline[][] = [[{ kind: 'text', text: localised(state, organisation.name), bold: true }]];
  if (contact?.address) lines.push([{ kind: 'text', text: localised(state, contact.address) }]);
  if (contact?.phone) lines.push([{ kind: 'text', text: messages.t('document.imprint.phone', { phone: contact.phone }) }]);
  if (contact?.email) lines.push([{ kind: 'text', text: `${messages.t('document.imprint.email')} ` }, { kind: 'text', text: contact.email, link: `mailto:${contact.email}` }]);
  if (contact?.web) lines.push([{ kind: 'text', text: `${messages.t('document.imprint.web')} ` }, { kind: 'text', text: contact.web.replace(/^https?:\/\//, '').replace(/\/$/, ''), link: contact.web }]);
  return lines;
}

/** The organisations that made the study, each with its role: implementing, then partners. */
export function organisationsWithRoles(state: ComposeState): { role: string; organisation: Organisation }[] {
  const { dataset, messages } = state.input;
  return [
    { role: messages.t('document.imprint.implementedBy'), organisation: dataset.country.organisation },
    ...dataset.country.partners.map((organisation) => ({ role: messages.t('document.imprint.partner'), organisation })),
  ];
}

/** The funders' names and disclaimers, as paragraphs in small print. */
export function funderBlocks(state: ComposeState): Block[] {
  const { dataset, locale, messages } = state.input;
  if (dataset.country.funders.length === 0) return [];
  const names = new Intl.ListFormat(locale, { type: 'conjunction' }).format(dataset.country.funders.map((f) => localised(state, f.name)));
  const blocks: Block[] = [{ kind: 'paragraph', style: 'small', inlines: [{ kind: 'text', text: messages.t('document.credits.funders', { funders: names }) }] }];
  for (const funder of dataset.country.funders) {
    if (funder.disclaimer) blocks.push({ kind: 'paragraph', style: 'small', inlines: [{ kind: 'text', text: localised(state, funder.disclaimer), italic: true }] });
  }
  return blocks;
}

/**
 * The imprint page of the report, after the cover: edition and date, suggested citation,
 * the implementing organisation and partners with their contacts, the funders and their
 * disclaimer, and where the report and its data are published. All of it from the data.
 */
export function imprintBlocks(state: ComposeState): Block[] {
  const { messages } = state.input;
  const urls = publicationUrls(state);
  // Level 2 and 3 under the cover's title, so the outline skips no level.
  const heading = (text: string, anchor: string): Block => ({ kind: 'heading', level: 3, text, anchor, inContents: false });
  const blocks: Block[] = [
    { kind: 'page-break' },
    { kind: 'heading', level: 2, text: messages.t('document.imprint.title'), anchor: 'imprint', inContents: false },
    { kind: 'paragraph', inlines: [{ kind: 'text', text: editionLine(state) }] },
    heading(messages.t('document.imprint.citeAs'), 'imprint-citation'),
    { kind: 'paragraph', inlines: [{ kind: 'text', text: citation(state, 'acr') }] },
  ];
  for (const { role, organisation } of organisationsWithRoles(state)) {
    blocks.push(heading(role, `imprint-${localised(state, organisation.short ?? organisation.name).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`));
    blocks.push({ kind: 'paragraph', inlines: contactInlines(state, organisation) });
  }
  if (urls) {
    blocks.push(heading(messages.t('document.imprint.published'), 'imprint-published'));
    blocks.push({ kind: 'paragraph', inlines: linkLine(messages.t('document.imprint.report'), urls.report) });
    blocks.push({ kind: 'paragraph', inlines: linkLine(messages.t('document.imprint.data'), urls.data) });
  }
  const funders = funderBlocks(state);
  if (funders.length > 0) blocks.push(heading(messages.t('document.imprint.funding'), 'imprint-funding'), ...funders);
  blocks.push({ kind: 'page-break' });
  return blocks;
}

/** "Label: address", the address a link. */
export function linkLine(label: string, url: string): Inline[] {
  return [{ kind: 'text', text: `${label} ` }, { kind: 'text', text: url, link: url }];
}
