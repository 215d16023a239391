import { closest } from '../util/text.ts';
import { InputError } from '../errors/errors.ts';
import type { DocumentPlan, PlanPart } from '../ingest/types.ts';
import { localised, type ComposeInput, type ComposeState } from './context.ts';
import { acronymBlocks, bibliographyBlocks, coverBlock, editionWords, matrixBlocks, peopleBlocks } from './generated.ts';
import { renderNarrative } from './narrative.ts';
import { imprintBlocks } from './imprint.ts';
import { briefBlocks } from './brief.ts';
import { corrigendumBlocks } from './corrigendum.ts';
import { dataNotesBlocks } from './data-notes.ts';
import { citationStyles } from './citations.ts';
import type { Block, ComposedDocument } from './types.ts';

export type { ComposeInput, FigureInfo } from './context.ts';
export type * from './types.ts';

/**
 * Composes one document of one edition: walks the document plan, renders each narrative
 * snippet against the data, generates the parts made from data (cover, matrix, appendices,
 * bibliography), and resolves numbering. Throws `InputError` with every problem found.
 */
export function composeDocument(input: ComposeInput): ComposedDocument {
  const state: ComposeState = { input, issues: [], nextFootnote: 1, footnotes: new Map() };
  const plan = input.dataset.plans.get(input.document);
  if (!plan) throw new Error(`no plan for ${input.document}`);
  const style = input.messages.t('document.citation.style');
  if (!(citationStyles as readonly string[]).includes(style)) {
    state.issues.push({
      place: { file: `${input.dataset.config.templatesDir}/locales/${input.locale}/document.yaml` },
      message: `"${style}" is not a citation style the pipeline knows`,
      hint: `Set citation.style to one of: ${citationStyles.join(', ')}.`,
      severity: 'error',
    });
  }
  const blocks = plan.parts.flatMap((part) => partBlocks(state, plan, part));
  if (state.issues.some((issue) => issue.severity === 'error')) throw new InputError(state.issues);
  const warnings = state.issues.filter((issue) => issue.severity === 'warning');
  const { country, period, organisation, messages } = editionWords(state);
  const titleKey = input.document === 'acr' ? 'reportTitle' : 'briefTitle';
  const ownTitle = localised(state, input.dataset.country.extra[titleKey] as Record<string, string> | undefined) || messages.t('document.series');
  // The brief's own title names no country: the title a reader's window and screen reader
  // announce (DisplayDocTitle) says whose and which period's brief it is.
  const title = input.document === 'brief' ? messages.t('document.meta.briefTitle', { title: ownTitle, country, period }) : ownTitle;
  return {
    kind: input.document,
    textColumn: plan.textColumn,
    locale: input.locale,
    meta: {
      title,
      author: organisation,
      subject: messages.t(input.document === 'acr' ? 'document.meta.acrSubject' : 'document.meta.briefSubject', { country, period }),
      keywords: messages.t('document.meta.keywords', { country }).split(',').map((k) => k.trim()),
      lang: input.locale,
      runningHead: messages.t('document.runningHead', { country, period }),
      date: new Date(`${input.dataset.config.sourceDate}T00:00:00Z`),
    },
    labels: {
      contents: messages.t('document.contents'),
      figures: messages.t('document.listOfFigures'),
      tables: messages.t('document.listOfTables'),
      page: messages.t('document.page', { page: '{page}' }),
      continued: messages.t('document.continued'),
    },
    blocks,
    footnotes: state.footnotes,
    warnings,
  };
}

function partBlocks(state: ComposeState, plan: DocumentPlan, part: PlanPart): Block[] {
  const { dataset, locale, messages } = state.input;
  const content = dataset.content.get(locale);
  switch (part.kind) {
    case 'snippet': {
      const file = (plan.document === 'acr' ? content?.acr : content?.brief)?.get(part.name);
      const sourceContent = dataset.content.get(dataset.config.sourceLocale);
      const fallback = (plan.document === 'acr' ? sourceContent?.acr : sourceContent?.brief)?.get(part.name);
      if (!file && fallback && dataset.config.translation.missing === 'fallback' && locale !== dataset.config.sourceLocale) {
        // Policy "fallback": the source text stands in, visibly marked, and the build warns.
        state.issues.push({
          place: { file: fallback.path },
          message: `the ${locale} translation of "${part.name}" is missing; the ${dataset.config.sourceLocale} text is used`,
          hint: `Translate ${fallback.path} into data/countries/${dataset.country.id}/narrative/${locale}/${plan.document}/${part.name}.md.`,
          severity: 'warning',
        });
        const blocks = renderNarrative(state, fallback, part.name);
        const marker: Block = { kind: 'paragraph', style: 'marker', inlines: [{ kind: 'text', text: messages.t('document.untranslated'), italic: true }] };
        const at = blocks.findIndex((b) => b.kind !== 'heading');
        blocks.splice(at < 0 ? blocks.length : at, 0, marker);
        return blocks;
      }
      if (!file && locale === dataset.config.sourceLocale) {
        const known = [...(state.input.dataset.content.get(locale)?.[plan.document].keys() ?? [])];
        const near = closest(part.name, known);
        state.issues.push({
          place: part.place ?? { file: plan.file },
          message: `the plan names a snippet "${part.name}", but there is no snippet "${part.name}" (${dataset.config.dataDir}/countries/${dataset.country.id}/narrative/${locale}/${plan.document}/${part.name}.md)`,
          hint: near ? `Did you mean "${near}"? Or write the snippet, or remove the part from the plan.` : 'Write the snippet, or remove the part from the plan.',
          severity: 'error',
        });
        return [];
      }
      if (!file) {
        state.issues.push({
          place: part.place ?? { file: plan.file },
          message: `the ${locale} text "${part.name}" is missing`,
          hint: `Write data/countries/${dataset.country.id}/narrative/${locale}/${plan.document}/${part.name}.md, or remove the part from the plan.`,
          severity: 'error',
        });
        return [];
      }
      return renderNarrative(state, file, part.name);
    }
    case 'cover':
      return [coverBlock(state, 'document.acrSubtitle', state.input.figures.get('1'))];
    case 'imprint':
      return imprintBlocks(state);
    case 'page-break':
      return [{ kind: 'page-break' }];
    case 'contents':
      return [{ kind: 'index', of: 'contents' }];
    case 'list-of-figures':
      return [{ kind: 'index', of: 'figures' }];
    case 'list-of-tables':
      return [{ kind: 'index', of: 'tables' }];
    case 'acronyms':
      return acronymBlocks(state);
    case 'appendices':
      return [{ kind: 'heading', level: 1, text: messages.t('document.appendices'), anchor: 'appendices', inContents: true, newPage: true }];
    case 'indicator-matrix':
      return matrixBlocks(state, 1);
    case 'data-notes':
      return dataNotesBlocks(state);
    case 'people': {
      const list = dataset.people.find((p) => p.id === part.list);
      if (!list) {
        const known = dataset.people.map((p) => p.id);
        state.issues.push({ place: part.place ?? { file: plan.file }, message: `there is no people list "${part.list}"`, hint: known.length > 0 ? `Use one of: ${known.join(', ')} (lists of people.yaml).` : `Add a list "${part.list}" to the country's people.yaml, or remove the part.`, severity: 'error' });
        return [];
      }
      return peopleBlocks(state, list);
    }
    case 'bibliography':
      return bibliographyBlocks(state);
    case 'corrigendum':
      return corrigendumBlocks(state, plan.document === 'acr' ? 1 : 2);
    default:
      return briefBlocks(state, part.kind);
  }
}
