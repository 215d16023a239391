import type { NameCases } from '../format/cases.ts';
import type { SourcePlace } from '../errors/errors.ts';
import type { dataKinds, figureKinds, figureUnits, RawBubbleActor, RawCategory, RawImpactLevel, RawMapActor, RawRegion, RawStage } from './schemas/figures.ts';
import type { RawRule } from './schemas/framework.ts';
import type { planPartNames, RawBibEntry, RawConflict, RawCorrection, RawFact, RawPeopleList, RawTable, RawTableColumn } from './schemas/content.ts';
import type { RawConfig, RawContact, RawFunder, RawOrganisation, RawSource } from './schemas/country.ts';
import { actors, type RawEvidence, type RawPriority, type RawRecommendation } from './schemas/brief.ts';
import type { RawValueEntry } from './schemas/indicators.ts';

/** A text per locale code. */
export type LocalisedText = Readonly<Record<string, string>>;

/** How an indicator's raw value becomes a score on the framework's scale: each kind with the fields the schema requires of it. */
export type Rule = RawRule;

/** The settings of `pipeline.config.yaml`. */
export interface PipelineConfig {
  /** Folder of the data, relative to the project root. */
  dataDir: string;
  /** Folder of the document templates and locale files. */
  templatesDir: string;
  /** Folder the published files go to. */
  outputDir: string;
  /** Countries built by default. */
  countries: readonly string[];
  /** Locales built for every country. */
  locales: readonly string[];
  /** The locale translations are made from. */
  sourceLocale: string;
  /** Documents built for every locale. */
  documents: readonly ('acr' | 'brief')[];
  /** The date stamped into every output (ISO `YYYY-MM-DD`); never the clock. */
  sourceDate: string;
  /** What to do when a translation is missing. */
  translation: { missing: 'fail' | 'fallback' };
  /** Where the published files can be downloaded, when they are published on the web. */
  publication?: Publication;
}

/**
 * Web addresses of the published files, as patterns: `{country}` and `{locale}` are replaced
 * by the edition's country id and locale code. The documents print and link them.
 */
export type Publication = NonNullable<RawConfig['publication']>;

/** An indicator as the framework declares it. */
export interface IndicatorDef {
  /** Id like `1.4.2`. */
  id: string;
  /** Name per locale. */
  name: LocalisedText;
  /** One line saying what is measured, per locale. */
  definition: LocalisedText;
  /** Kind of data source, a key of the framework's `sourceKinds`. */
  source: string;
  /** How the raw value becomes a score. */
  rule: Rule;
  /** Weight within its sub-dimension. */
  weight: number;
  /** Where it is declared. */
  place: SourcePlace;
}

/** A sub-dimension: the weighted mean of its indicators. */
export interface SubdimensionDef {
  /** Id like `1.4`. */
  id: string;
  /** Name per locale. */
  name: LocalisedText;
  /** Weight within its dimension. */
  weight: number;
  /**
   * Whether policy (of the state, donors or civil society itself) can move the score, as
   * against a context it can only adapt to; the brief picks its default priorities among these.
   */
  policyCanMove: boolean;
  /** Its indicators, in framework order. */
  indicators: readonly IndicatorDef[];
  /** Where it is declared. */
  place: SourcePlace;
}

/** A dimension: the weighted mean of its sub-dimensions. */
export interface DimensionDef {
  /** Id like `1`. */
  id: string;
  /** Stable slug the chart theme keys colours and axis order by. */
  key: string;
  /** True for the External Environment: the circle of the diamond, not an axis. */
  contextual: boolean;
  /** Name per locale. */
  name: LocalisedText;
  /** Weight (kept for completeness; dimensions are not aggregated further). */
  weight: number;
  /** Its sub-dimensions, in framework order. */
  subdimensions: readonly SubdimensionDef[];
  /** Where it is declared. */
  place: SourcePlace;
}

/** The CSI framework: the tree of dimensions, sub-dimensions and indicators. */
export interface Framework {
  /** Framework id, e.g. `csi-2008-2010`. */
  id: string;
  /** Name per locale. */
  name: LocalisedText;
  /** The score scale, 0–100 for the CSI. */
  scale: { min: number; max: number };
  /** Labels of the kinds of data source. */
  sourceKinds: Readonly<Record<string, LocalisedText>>;
  /** The dimensions, in framework order. */
  dimensions: readonly DimensionDef[];
  /** The file it was read from. */
  file: string;
}

/** An indicator's raw value, as the source gives it (the fields of its `indicators.yaml` entry), with where it came from. */
export interface RawValue extends RawValueEntry {
  /** Indicator id. */
  id: string;
  /** Where in the data it is written. */
  place: SourcePlace;
}

/** A citation of a data source: an entry of `sources.yaml` and its key. */
export interface Source extends RawSource {
  /** Key used by indicators and facts. */
  key: string;
}

/** How to reach an organisation: every field optional, printed in this order. */
export type Contact = RawContact;

/** An organisation that carried out, guided or funded the study. */
export type Organisation = RawOrganisation;

/** A funder of the study, with the disclaimer it requires printed in the documents. */
export type Funder = RawFunder;

/** The country's metadata, as `country.yaml` gives it. */
export interface Country {
  /** Folder name and id, e.g. `kazakhstan`. */
  id: string;
  /** Framework id it is scored with. */
  framework: string;
  /** Country name per locale. */
  name: LocalisedText;
  /** The name in the grammatical cases of the languages that inflect it: `{ru: {genitive: …}}`. */
  cases?: NameCases;
  /** Implementing organisation: full and short name per locale, and contacts. */
  organisation: Organisation;
  /** Partner organisations (CIVICUS and others), with contacts. */
  partners: readonly Organisation[];
  /** Funders of the study, with their disclaimers. */
  funders: readonly Funder[];
  /** The study period label, e.g. `2008–2010`, and the survey year. */
  study: { label: string; surveyYear?: number };
  /** The edition: publication date (ISO) and the place of publication per locale, for the citation. */
  edition: { published: string; place?: LocalisedText };
  /** Locales this country is published in (`locales:` of country.yaml); the configuration's when absent. */
  locales?: readonly string[];
  /** Documents this country publishes (`documents:` of country.yaml); the configuration's when absent. */
  documents?: readonly ('acr' | 'brief')[];
  /** Everything else of the file, for templates (partner, funders, titles, acronyms). */
  extra: Readonly<Record<string, unknown>>;
}

/** Everything ingest read and validated: the single input of the later stages. */
export interface Dataset {
  /** The pipeline configuration. */
  config: PipelineConfig;
  /** The country being built. */
  country: Country;
  /** The editions this build makes (locales and documents) and all the country publishes. */
  editions: Editions;
  /** Its framework. */
  framework: Framework;
  /** Raw values by indicator id. */
  values: ReadonlyMap<string, RawValue>;
  /** Citations by key. */
  sources: ReadonlyMap<string, Source>;
  /** Numbers the narrative cites, by key. */
  facts: ReadonlyMap<string, Fact>;
  /** The report's tables. */
  tables: readonly TableDef[];
  /** Lists of people (appendices). */
  people: readonly PeopleList[];
  /** Works cited. */
  bibliography: readonly BibEntry[];
  /** Narrative, lists and UI strings per configured locale. */
  content: ReadonlyMap<string, LocaleContent>;
  /** Document plans. */
  plans: ReadonlyMap<'acr' | 'brief', DocumentPlan>;
  /** Published corrections, oldest first. */
  corrections: readonly Correction[];
  /** Values on which the sources disagree, with the one used and why (`conflicts.yaml`). */
  conflicts: readonly DataConflict[];
  /** The recommendations of the report, in order: section V of the report and the brief draw on them. */
  recommendations: readonly Recommendation[];
  /** What the national team chose for the Policy Action Brief (`brief.yaml`); empty when it chose nothing. */
  brief: BriefChoices;
  /** The figures of the report, in report order. */
  figures: readonly FigureDef[];
  /** The visual theme: fonts, sizes, colours, chart templates. */
  theme: import('../theme/index.ts').Theme;
  /** Page geometry and text styles, bound to the theme. */
  page: import('../theme/style.ts').PageStyle;
  /** Project-relative paths of every file read, for caching and the manifest. */
  files: readonly string[];
}

/** A number the narrative cites that is not an indicator value: an entry of `facts/*.yaml`. */
export interface Fact extends RawFact {
  /** Key used in `{{fact "key"}}`. */
  key: string;
  /** Where it is written. */
  place: SourcePlace;
}

/** A column of a report table. */
export type TableColumn = RawTableColumn;

/** A table of the report, as `tables.yaml` gives it. */
export type TableDef = RawTable;

/** A list of people (appendices 2–6). */
export type PeopleList = RawPeopleList;

/** A work cited in the report (`bibliography.yaml` of the country or of its framework). */
export interface BibEntry extends Omit<RawBibEntry, 'title'> {
  /** Title in the language of the original, or per locale when `titleSupplied`. */
  title: string | LocalisedText;
  /** Where the entry is written. */
  at: SourcePlace;
}

/** A narrative file: Markdown with Handlebars. */
export interface TextFile {
  /** Project-relative path. */
  path: string;
  /** Name without extension, e.g. `part-1-approach`. */
  name: string;
  /** Content. */
  text: string;
  /** True when this is the source locale's text standing in for a missing translation. */
  untranslated?: boolean;
}

/** An item of a list in `lists.yaml`. */
export interface ListItem {
  /** Id, the same in every locale. */
  id: string;
  /** Text in this locale (may contain helpers). */
  text: string;
  /** Where it is written. */
  place: SourcePlace;
  /** True when this is the source locale's text standing in for a missing translation. */
  untranslated?: boolean;
}

/** Everything written in one language. */
export interface LocaleContent {
  /** Locale code. */
  locale: string;
  /** Report snippets by name. */
  acr: ReadonlyMap<string, TextFile>;
  /** Brief snippets by name. */
  brief: ReadonlyMap<string, TextFile>;
  /** Generic texts (partials) by name, from templates. */
  partials: ReadonlyMap<string, TextFile>;
  /** Lists (strengths, weaknesses, recommendations.<actor>) by dotted key. */
  lists: ReadonlyMap<string, readonly ListItem[]>;
  /** UI strings. */
  strings: import('../format/strings.ts').LocaleStrings;
}

/** One part of a document plan (`templates/<document>/document.yaml`). */
export type PlanPart =
  | { kind: Exclude<(typeof planPartNames)[number], BriefPart> }
  | { kind: BriefPart }
  | { kind: 'snippet'; name: string; place?: SourcePlace }
  | { kind: 'people'; list: string; place?: SourcePlace };

/** The generated parts of the Policy Action Brief (compose/brief.ts). */
export type BriefPart = 'title-block' | 'key-messages' | 'must-change' | 'diamond' | 'priorities' | 'call-to-action' | 'method' | 'contacts' | 'citation' | 'where-to-find';

/** The order of parts of a document. */
export interface DocumentPlan {
  /** Which document. */
  document: 'acr' | 'brief';
  /** Its parts, in order. */
  parts: readonly PlanPart[];
  /** Running text in the readable text column (true), or across the full width for a grid of the document's own. */
  textColumn: boolean;
  /** Where it is written. */
  file: string;
}

/** A published correction of a value, as the country's corrections log records it. */
export interface Correction extends RawCorrection {
  /** Where the entry is written. */
  place: SourcePlace;
}

/** One of the values the sources give for an indicator, and where it is given. */
export type ConflictingValue = RawConflict['values'][number];

/** An indicator on which the sources disagree, as `conflicts.yaml` records it. */
export interface DataConflict extends RawConflict {
  /** Where the entry is written. */
  place: SourcePlace;
}

/** Who a recommendation is addressed to. */
export type Actor = RawRecommendation['actor'];

/** The actors in the order the documents list them. */
export const ACTORS: readonly Actor[] = actors;

/** When a recommendation should be carried out: within a year, in one to three years, later. */
export type Timeframe = RawRecommendation['timeframe'];

/** One recommendation of `recommendations.yaml`. */
export interface Recommendation extends RawRecommendation {
  /** Where it is written. */
  place: SourcePlace;
}

/** A figure that proves a priority issue: an indicator's score, set large beside the text. */
export type Evidence = RawEvidence;

/** A priority issue of the brief, as the national team chose it. */
export interface PriorityChoice extends RawPriority {
  /** Where it is written. */
  place: SourcePlace;
}

/** `brief.yaml`: the national team's choices for the Policy Action Brief. */
export interface BriefChoices {
  /** The three priority issues; derived from the scores when absent. */
  priorities?: readonly PriorityChoice[];
  /** Ids of the three most urgent recommendations, for the box on page 1; derived when absent. */
  urgent?: readonly string[];
  /** The file, when there is one. */
  file?: string;
}

/** The editions of one country a build makes: its languages and documents. */
export interface Editions {
  /** Locales to build, in the order the country declares them. */
  locales: readonly string[];
  /** Documents to build in each locale. */
  documents: readonly ('acr' | 'brief')[];
  /** Every locale the country publishes, built this time or not. */
  published: readonly string[];
  /** Every document the country publishes. */
  publishedDocuments: readonly ('acr' | 'brief')[];
}

/** What a figure shows. */
export type FigureKind = (typeof figureKinds)[number];
/** The kinds drawn from categories and series. */
export type DataFigureKind = (typeof dataKinds)[number];
/** The unit of a data figure's values. */
export type FigureUnit = (typeof figureUnits)[number];

/**
 * A value of a figure: a number from the report, an indicator's score (which then moves with
 * corrections), or `none` where the source names the category but publishes no number for it.
 */
export type FigureValue = { kind: 'number'; value: number } | { kind: 'indicator'; id: string } | { kind: 'none' };

/** A figure's source: a key of `sources.yaml`, or a citation written out per locale. */
export type FigureSource = { kind: 'key'; key: string } | { kind: 'text'; text: LocalisedText };

/** One category (a bar, a point, a row of the data table). */
export type FigureCategory = RawCategory;

/** One series: a value per category. */
export interface FigureSeries {
  /** Key, unique in the figure. */
  key: string;
  /** Label per locale (legend, table column). */
  label: LocalisedText;
  /** The values by category key, in category order. */
  values: ReadonlyMap<string, FigureValue>;
}

export interface FigureBase {
  /** Figure number as the report prints it, e.g. `III.1.1`. */
  id: string;
  /** Caption per locale. */
  caption: LocalisedText;
  /** A note printed under the figure, per locale. */
  note?: LocalisedText;
  /** Where the data come from. */
  source?: FigureSource;
  /** Where the figure is declared. */
  place: SourcePlace;
}

/** The Civil Society Diamond: drawn from the dimension scores. */
export interface DiamondFigure extends FigureBase {
  /** Discriminant. */
  kind: 'diamond';
}

/** A bar per sub-dimension of one dimension, drawn from the scores. */
export interface SubdimensionsFigure extends FigureBase {
  /** Discriminant. */
  kind: 'subdimensions';
  /** Dimension id, e.g. `1`. */
  dimension: string;
}

/** One stage of a process diagram. */
export type FigureStage = RawStage;

/** A process drawn as its stages, in order, each a box of activities. */
export interface StagesFigure extends FigureBase {
  /** Discriminant. */
  kind: 'stages';
  /** The stages, in order. */
  stages: readonly FigureStage[];
}

/** A group of actors, named in a legend. */
export type ActorGroup = RawCategory;

/** An actor of a bubble chart. */
export type BubbleActor = RawBubbleActor;

/** A level of impact named in the legend of circle sizes. */
export type ImpactLevel = RawImpactLevel;

/** Actors as circles on a plane, each circle's area their impact, coloured by group. */
export interface BubblesFigure extends FigureBase {
  /** Discriminant. */
  kind: 'bubbles';
  /** What the circles' sizes stand for, per locale (the size legend's title). */
  impactTitle: LocalisedText;
  /** Levels of impact the size legend shows; without them it shows the smallest and largest. */
  impactLevels?: readonly ImpactLevel[];
  /** The groups, in legend order. */
  groups: readonly ActorGroup[];
  /** The actors, drawn largest first so small circles stay on top. */
  actors: readonly BubbleActor[];
}

/** An area of a map, drawn as a circle. */
export type MapRegion = RawRegion;

/** An actor placed on a map. */
export type MapActor = RawMapActor;

/** A map of actors within regions (spheres of society and the arena between them). */
export interface ActorMapFigure extends FigureBase {
  /** Discriminant. */
  kind: 'actor-map';
  /** The regions, drawn in order (later ones on top). */
  regions: readonly MapRegion[];
  /** The actors. */
  actors: readonly MapActor[];
}

/** A bar, grouped-bar, stacked-bar or line chart of categories and series. */
export interface DataFigure extends FigureBase {
  /** Discriminant. */
  kind: DataFigureKind;
  /** Unit of every value. */
  unit: FigureUnit;
  /** Title of the value axis, per locale. */
  valueTitle?: LocalisedText;
  /** Categories, in display order. */
  categories: readonly FigureCategory[];
  /** Series, in display order. */
  series: readonly FigureSeries[];
}

/** A figure of the report, as `figures.yaml` declares it. */
export type FigureDef = DiamondFigure | SubdimensionsFigure | StagesFigure | BubblesFigure | ActorMapFigure | DataFigure;
