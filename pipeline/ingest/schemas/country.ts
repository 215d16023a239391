import { Type, type Static } from 'typebox';
import { calendarDate, documentKind, localeCode, localisedText, map, nameCases, slug, slugPattern } from './common.ts';

const contact = Type.Object(
  {
    /** Postal address per locale. */
    address: Type.Optional(localisedText),
    /** Telephone, written as the organisation writes it. */
    phone: Type.Optional(Type.String()),
    /** E-mail address. */
    email: Type.Optional(Type.String({ pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', description: 'an e-mail address' })),
    /** Web site, a full address (`https://…`). */
    web: Type.Optional(Type.String({ pattern: '^https?://', description: 'a web address starting with https://' })),
  },
  { additionalProperties: false },
);

export const organisation = Type.Object(
  {
    /** Full name per locale. */
    name: localisedText,
    /** Short name per locale. */
    short: Type.Optional(localisedText),
    /** The name in the grammatical cases of the languages that inflect it: `{ru: {genitive: …}}`. */
    cases: Type.Optional(nameCases),
    /** How to reach it. */
    contact: Type.Optional(contact),
  },
  { additionalProperties: false },
);

const funder = Type.Object(
  {
    /** Stable key. */
    key: slug,
    /** Name per locale. */
    name: localisedText,
    /** The funder's disclaimer per locale, printed on the imprint page and the brief's back page. */
    disclaimer: Type.Optional(localisedText),
  },
  { additionalProperties: false },
);

const acronym = Type.Object(
  {
    /** The acronym as printed. */
    key: Type.String(),
    /** A short form per locale, when the locale abbreviates differently. */
    short: Type.Optional(localisedText),
    /** What it stands for, per locale. */
    expansion: localisedText,
  },
  { additionalProperties: false },
);

const spelling = Type.Object(
  {
    /** The spelling to use. */
    use: Type.String({ minLength: 1 }),
    /** The variants to refuse. */
    not: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  },
  { additionalProperties: false },
);

/** `data/countries/<country>/country.yaml`. */
export const countrySchema = Type.Object(
  {
    id: slug,
    framework: slug,
    name: localisedText,
    cases: Type.Optional(nameCases),
    organisation,
    partners: Type.Optional(Type.Array(organisation, { description: 'the partner organisations' })),
    funders: Type.Optional(Type.Array(funder)),
    study: Type.Object({ label: Type.String(), surveyYear: Type.Optional(Type.Integer()) }, { additionalProperties: false }),
    edition: Type.Object({ published: calendarDate, place: Type.Optional(localisedText) }, { additionalProperties: false }),
    locales: Type.Optional(Type.Array(localeCode, { minItems: 1, uniqueItems: true, description: 'the languages this country publishes' })),
    documents: Type.Optional(Type.Array(documentKind, { minItems: 1, uniqueItems: true, description: 'the documents this country publishes' })),
    reportTitle: Type.Optional(localisedText),
    briefTitle: Type.Optional(localisedText),
    acronyms: Type.Optional(Type.Array(acronym)),
    spellings: Type.Optional(Type.Array(spelling, { description: 'names with the spelling to use and the variants to refuse' })),
  },
  // A misspelt key would otherwise be ignored, and what it was meant to set silently missing.
  { additionalProperties: false },
);

const source = Type.Object(
  {
    /** Kind of source, a key of the framework's `sourceKinds`. */
    kind: slug,
    /** Author or organisation: one name, or the organisation's name per locale. */
    author: Type.Optional(Type.Union([Type.String(), localisedText])),
    /** Title per locale. */
    title: localisedText,
    /** Year of publication. */
    year: Type.Optional(Type.Integer()),
    /** Publisher. */
    publisher: Type.Optional(Type.String()),
    /** Web address. */
    url: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', description: 'a web address starting with https://' })),
  },
  { additionalProperties: false },
);

/** `data/countries/<country>/sources.yaml`: citations by key. */
export const sourcesSchema = map(source, {
  propertyNames: { pattern: slugPattern, description: 'a lower-case key with dashes, e.g. "ti-cpi-2008"' },
});

const publicationAddress = (description: string) => Type.String({ pattern: '^https?://', description });

/** `pipeline.config.yaml`. */
export const configSchema = Type.Object(
  {
    dataDir: Type.Optional(Type.String()),
    templatesDir: Type.Optional(Type.String()),
    outputDir: Type.Optional(Type.String()),
    countries: Type.Array(slug, { minItems: 1, description: 'the countries to build' }),
    locales: Type.Array(localeCode, { minItems: 1, description: 'the locales to build' }),
    sourceLocale: Type.Optional(Type.String()),
    documents: Type.Array(documentKind, { minItems: 1, description: 'the documents to build' }),
    sourceDate: Type.Optional(calendarDate),
    translation: Type.Optional(Type.Object({ missing: Type.Optional(Type.Enum(['fail', 'fallback'])) }, { additionalProperties: false })),
    publication: Type.Optional(
      Type.Object(
        {
          /** The full report, e.g. `https://example.org/csi/{country}/{locale}/acr.pdf`. */
          report: publicationAddress('a web address starting with https://, where {country} and {locale} may stand'),
          /** The Policy Action Brief, when it is published on its own address. */
          brief: Type.Optional(publicationAddress('a web address starting with https://, where {country} and {locale} may stand')),
          /** The open data (the score matrix), e.g. `https://example.org/csi/{country}/scores.csv`. */
          data: publicationAddress('a web address starting with https://, where {country} may stand'),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** How to reach an organisation. */
export type RawContact = Static<typeof contact>;
/** An organisation as written. */
export type RawOrganisation = Static<typeof organisation>;
/** A funder as written. */
export type RawFunder = Static<typeof funder>;
/** `country.yaml` as written. */
export type RawCountry = Static<typeof countrySchema>;
/** A citation of `sources.yaml`, without its key. */
export type RawSource = Static<typeof source>;
/** `pipeline.config.yaml` as written. */
export type RawConfig = Static<typeof configSchema>;
