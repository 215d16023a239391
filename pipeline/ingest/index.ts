import { InputError } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import { readConfigFile } from './config.ts';
import { countryFolderIssues } from './output-folder.ts';
import { readCountry, readSources } from './country.ts';
import { readFramework } from './framework.ts';
import { readIndicatorValues } from './indicators.ts';
import { InputReader, type InputMemory } from '../input/read.ts';
import type { FontMemory } from '../theme/font-memory.ts';
import { readBibliography } from './bibliography.ts';
import { readFacts, readLocaleContent, readPeople, readPlan, readTables } from './content.ts';
import { readCorrections } from './corrections.ts';
import { readConflicts } from './conflicts.ts';
import { checkSpellings, type Spelling } from './spellings.ts';
import { readBriefChoices, readRecommendations } from './recommendations.ts';
import { readFigures } from './figures.ts';
import { readPageStyle } from '../theme/page-style.ts';
import { localesToRead, selectEditions } from './editions.ts';
import { joinFacts, joinKeyed, readProgramme, type Programme } from './programme.ts';
import type { Country, Dataset, DocumentPlan, PipelineConfig } from './types.ts';

import { loadTheme, type Theme } from '../theme/index.ts';
import { issueAt, type YamlFile } from '../input/yaml-file.ts';

export type * from './types.ts';

/** What to ingest. */
export interface IngestRequest {
  /** Project root; every path is relative to it. */
  root: string;
  /** Parsed YAML files shared with the build's other readers (see `InputReader`), by path. */
  parsed?: Map<string, YamlFile | undefined>;
  /** What the build remembers: of its inputs, and of measuring the theme's text (none: nothing is remembered). */
  memory?: { input?: InputMemory; fonts?: FontMemory };
  /** Configuration file, relative to the root. */
  configPath: string;
  /** Country to ingest; the first configured one when absent. */
  country?: string;
  /** Locales asked for (`--locale`); every locale the country publishes when absent. */
  locales?: readonly string[];
  /** Build only the asked-for locales the country has, without complaining of the others (`build --all`). */
  lenientLocales?: boolean;
  /** Only validating: the output folder is not going to be written. */
  checkOnly?: boolean;
}

/**
 * Reads and validates everything a build of one country needs. Collects every problem of
 * every file before giving up, so a user fixes them all in one round; throws `InputError`.
 */
export function ingestDataset(request: IngestRequest): Dataset {
  const reader = new InputReader(request.root, { parsed: request.parsed, memory: request.memory?.input });
  // 1. The configuration decides where everything else is.
  const configFile = readConfigFile(reader, request.configPath);
  if (!configFile) throw new InputError(reader.issues);
  const { config } = configFile;
  const countryId = request.country ?? config.countries[0]!;
  const countryDir = `${config.dataDir}/countries/${countryId}`;
  const listed = config.countries.indexOf(countryId);
  const countryPlace = configFile.placeOf(listed >= 0 ? ['countries', listed] : ['countries']);
  if (!reader.exists(config.dataDir)) {
    reader.issues.push(issueAt(configFile.placeOf(['dataDir']), { message: `the data folder "${config.dataDir}" does not exist`, hint: 'Correct dataDir in the configuration (a folder relative to it), or create the folder.' }));
    throw new InputError(reader.issues);
  }
  if (!reader.exists(`${countryDir}/country.yaml`)) {
    reader.issues.push(issueAt(countryPlace, msg.unknownCountry(countryId, listCountries(reader, config), config.dataDir)));
    throw new InputError(reader.issues);
  }
  if (!request.checkOnly) reader.issues.push(...countryFolderIssues(request.root, config, countryId, configFile.placeOf(['outputDir'])));
  // 2. The country names its framework; both are read before the values that depend on them.
  const country = readCountry(reader, `${countryDir}/country.yaml`, countryId);
  // What will be built decides what is validated: a locale or document the country does not
  // publish is not read, and is no error.
  const selected = country ? selectEditions(config, country, `${countryDir}/country.yaml`, request.locales, request.lenientLocales) : undefined;
  reader.issues.push(...(selected?.issues ?? []));
  const editions = selected?.editions;
  const framework = country ? readFramework(reader, `${config.dataDir}/frameworks/${country.framework}.yaml`) : undefined;
  // What every country of the phase shares lives once, beside the framework.
  const programmeDir = `${config.dataDir}/frameworks/${country?.framework ?? ''}`;
  const programme = readProgramme(reader, programmeDir, framework);
  const sourcesFile = `${countryDir}/sources.yaml`;
  const ownSources = readSources(reader, sourcesFile, framework ? Object.keys(framework.sourceKinds) : undefined);
  const sources = ownSources && joinKeyed(reader, programme.sources, ownSources, () => sourcesFile, `${programmeDir}/sources.yaml`);
  // 3. Raw values are checked against the framework and the citations.
  const values = framework ? readIndicatorValues(reader, `${countryDir}/indicators.yaml`, framework, sources, sourcesFile) : undefined;
  // 4. Everything the documents cite and say, in every configured language.
  const facts = joinFacts(reader, programme.facts, readFacts(reader, `${countryDir}/facts`));
  const tables = readTables(reader, `${countryDir}/tables.yaml`);
  const people = readPeople(reader, `${countryDir}/people.yaml`);
  // The framework's works (cited by the generic texts) come first; a country may not reuse their keys.
  const bibliography = readBibliography(reader, [
    ...(country ? [`${config.dataDir}/frameworks/${country.framework}.bibliography.yaml`] : []),
    `${countryDir}/bibliography.yaml`,
  ]);
  const locales = editions ? localesToRead(config, editions) : [config.sourceLocale];
  // A locale with neither UI strings nor narrative is not translated at all: one message says
  // so, instead of one for every text of every file that lacks it.
  const untranslated = locales.filter((l) => l !== config.sourceLocale && !reader.exists(`${config.templatesDir}/locales/${l}`) && !reader.exists(`${countryDir}/narrative/${l}`));
  if (untranslated.length > 0 && config.translation.missing === 'fail') {
    for (const locale of untranslated) {
      // Said where the locale is chosen: the country's own locales, or the configuration's.
      const listedAt = config.locales.indexOf(locale);
      const declaredAt = country?.locales?.indexOf(locale) ?? -1;
      const place = country?.locales
        ? (reader.yaml(`${countryDir}/country.yaml`, 'country')?.placeOf(declaredAt >= 0 ? ['locales', declaredAt] : ['locales']) ?? { file: `${countryDir}/country.yaml` })
        : configFile.placeOf(listedAt >= 0 ? ['locales', listedAt] : ['locales']);
      reader.issues.push(issueAt(place, {
        message: `the locale "${locale}" has no translation yet: no UI strings (${config.templatesDir}/locales/${locale}/) and no narrative (${countryDir}/narrative/${locale}/)`,
        hint: `Run "csi-report translations export --locale ${locale}" for everything to translate, set "translation: {missing: fallback}" to build with the English text, or remove "${locale}" from the locales${country?.locales ? ` of ${countryDir}/country.yaml` : ''}.`,
      }));
    }
    throw new InputError(reader.issues);
  }
  const content = new Map(locales.map((locale) => [locale, readLocaleContent(reader, countryDir, config.templatesDir, locale)]));
  const plans = new Map<'acr' | 'brief', DocumentPlan>();
  for (const document of editions?.documents ?? config.documents) {
    const plan = readPlan(reader, config.templatesDir, document);
    if (plan) plans.set(document, plan);
  }
  const corrections = readCorrections(reader, `${countryDir}/corrections.yaml`, values);
  const conflicts = readConflicts(reader, `${countryDir}/conflicts.yaml`, values, locales);
  const recommendations = readRecommendations(reader, `${countryDir}/recommendations.yaml`, framework);
  const brief = readBriefChoices(reader, `${countryDir}/brief.yaml`, framework, recommendations);
  // Translations of the figures' texts are checked by the translation policy, not here.
  const figures = framework && reader.exists(`${countryDir}/figures.yaml`) ? readFigures(reader, `${countryDir}/figures.yaml`, framework, [config.sourceLocale]) : [];
  // One spelling per organisation name, in every text of the country and the generic texts.
  if (country) {
    const texts = reader.files().filter((file) => file.startsWith(`${countryDir}/`) || file.startsWith(`${config.templatesDir}/acr/text/`) || file.startsWith(`${config.templatesDir}/brief/text/`));
    checkSpellings(reader, texts, (country.extra.spellings ?? []) as Spelling[], `${countryDir}/country.yaml`);
  }
  // 5. The look: theme (fonts, palette, chart templates) and the page built on it.
  const theme = readTheme(reader, request.root, config.templatesDir, request.memory);
  const page = theme ? readPageStyle(reader, config.templatesDir, theme) : undefined;
  if (reader.hasErrors() || !country || !editions || !framework || !sources || !values || !theme || !page) throw new InputError(reader.issues);
  return { config, country: withPartners(country, programme), editions, framework, values, sources, facts, tables, people, bibliography, content, plans, corrections, conflicts, recommendations, brief, figures, theme, page, files: [...reader.files(), ...themeFiles(reader, config.templatesDir)].sort() };
}

/** The programme's partners (held once for every country of the phase), then the country's own. */
function withPartners(country: Country, programme: Programme): Country {
  if (programme.partners.length === 0) return country;
  return { ...country, partners: [...programme.partners, ...country.partners] };
}

/** The theme has its own loader (it opens fonts); its problems join this run's. */
function readTheme(reader: InputReader, root: string, templatesDir: string, memory: IngestRequest['memory']): Theme | undefined {
  try {
    return loadTheme(root, templatesDir, memory);
  } catch (error) {
    if (error instanceof InputError) {
      reader.issues.push(...error.issues);
      return undefined;
    }
    throw error;
  }
}

/** The theme's own files (read by its loader), so the manifest and change report list them too. */
function themeFiles(reader: InputReader, templatesDir: string): string[] {
  return [`${templatesDir}/theme.yaml`, ...reader.list(`${templatesDir}/charts`, '.json')];
}

function listCountries(reader: InputReader, config: PipelineConfig): string[] {
  return reader.list(`${config.dataDir}/countries`, '').filter((path) => reader.exists(`${path}/country.yaml`)).map((path) => path.split('/').pop()!);
}

