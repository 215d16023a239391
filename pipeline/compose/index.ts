import { closest } from '../util/text.ts';
import { InputError, type SourcePlace } from '../errors/errors.ts';
import type { DocumentPlan, PlanPart } from '../ingest/types.ts';
import { localised, type ComposeInput, type ComposeState } from './context.ts';
import { CompiledTemplates } from './compiled-templates.ts';
import { acronymBlocks, bibliographyBlocks, coverBlock, editionWords, matrixBlocks, peopleBlocks } from './generated.ts';
import { renderNarrative } from './narrative.ts';
import { unrenderedCaseIssues } from './name-cases.ts';
import { imprintBlocks } from './imprint.ts';
import { briefBlocks } from './brief.ts';
import { corrigendumBlocks } from './corrigendum.ts';
import { dataNotesBlocks } from './data-notes.ts';
import { citationStyles } from './citations.ts';
import type { Block, ComposedDocument } from '../document/types.ts';

export type { ComposeInput, FigureInfo } from './context.ts';
export { figureInfos, messagesFor } from './inputs.ts';
export type * from '../document/types.ts';

/**
 * Composes one document of one edition: walks the document plan, renders each narrative
 * snippet against the data, generates the parts made from data (cover, matrix, appendices,
 * bibliography), and resolves numbering. Throws `InputError` with every problem found.
 */
export function composeDocument(input: ComposeInput): ComposedDocument {
  const state: ComposeState = { input, issues: [], nextFootnote: 1, footnotes: new Map(), templates: input.templates ?? new CompiledTemplates() };
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
  // The name forms the document's generic texts ask for, in every branch and whether or not
  // a text includes them now: one the data does not reach today would otherwise surface
  // only when a correction makes a text take it.
  const own = `${input.dataset.config.templatesDir}/${input.document}/text/${input.locale}/`;
  for (const partial of input.dataset.content.get(input.locale)?.partials.values() ?? []) {
    if (partial.path.startsWith(own)) state.issues.push(...unrenderedCaseIssues(state, partial.path, partial.text));
  }
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
      // A missing translation has the source text standing in, marked (translate/policy.ts).
      const file = (plan.document === 'acr' ? content?.acr : content?.brief)?.get(part.name);
      if (!file) {
        // A name close to a text the country has is a slip in the plan: said at the plan's line.
        const known = [...(content?.[plan.document].keys() ?? [])];
        const near = closest(part.name, known);
        if (near) {
          state.issues.push({
            place: part.place ?? { file: plan.file },
            message: `the plan names a snippet "${part.name}", but there is no snippet "${part.name}" (${dataset.config.dataDir}/countries/${dataset.country.id}/narrative/${locale}/${plan.document}/${part.name}.md)`,
            hint: `Did you mean "${near}"? Or write the text, or remove the part from the plan.`,
            severity: 'error',
          });
          return [];
        }
      }
      if (!file) {
        // Placed at the file to write: the plan is shared by every country.
        state.issues.push({
          place: { file: `${dataset.config.dataDir}/countries/${dataset.country.id}/narrative/${locale}/${plan.document}/${part.name}.md` },
          message: `the ${locale} text "${part.name}" is missing: the ${plan.document === 'acr' ? 'report' : 'brief'} prints it (${planPlace(plan, part)})`,
          hint: 'Write it (Markdown with helpers, see docs/narrative.md).',
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
        // The plan is shared by every country; the list is missing from this country's people.yaml.
        const file = `${dataset.config.dataDir}/countries/${dataset.country.id}/people.yaml`;
        const known = dataset.people.map((p) => p.id);
        const near = closest(part.list, known);
        if (near) {
          state.issues.push({ place: part.place ?? { file: plan.file }, message: `there is no people list "${part.list}"`, hint: `Did you mean "${near}"? The lists of ${file} are ${known.map((id) => `"${id}"`).join(', ')}.`, severity: 'error' });
          return [];
        }
        state.issues.push({
          place: { file },
          message: `there is no people list "${part.list}", which the ${plan.document === 'acr' ? 'report' : 'brief'} prints as an appendix (${planPlace(plan, part)})`,
          hint: known.length > 0
            ? `Add a list with id "${part.list}" to ${file}; it has ${known.map((id) => `"${id}"`).join(', ')}.`
            : `${file} does not exist yet: create it with "lists:", one per appendix, each with an id ("${part.list}"), appendix number, title and people (see docs/data-format.md).`,
          severity: 'error',
        });
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

/** The plan's file, with the line of the part when it is known. */
function planPlace(plan: DocumentPlan, part: Extract<PlanPart, { place?: SourcePlace }>): string {
  return part.place?.line ? `${plan.file}:${part.place.line}` : plan.file;
}
