/**
 * Checked by `npm run typecheck` (tsc covers test/), not run by vitest: the types the later
 * stages use name the same fields as the schemas the input files are checked against. A field
 * added to a schema but not to its type, or the other way round, fails the type check here.
 * Most raw and processed types are derived from the schemas and need no check.
 */
import { expectTypeOf } from 'vitest';
import type { RawConfig } from '../../pipeline/ingest/schemas/country.ts';
import type { RawCountry } from '../../pipeline/ingest/schemas/country.ts';
import type { RawFace, RawTheme } from '../../pipeline/theme/schema.ts';
import type { ChartStyle, Colours, DiagramStyle, DiamondStyle, FontFace, TextSizes, Theme } from '../../pipeline/theme/types.ts';
import type { Country, PipelineConfig } from '../../pipeline/ingest/types.ts';

// theme.yaml: every section of the theme is the section of the file.
expectTypeOf<keyof TextSizes>().toEqualTypeOf<keyof RawTheme['text']>();
expectTypeOf<keyof Colours>().toEqualTypeOf<keyof RawTheme['colours']>();
expectTypeOf<keyof ChartStyle>().toEqualTypeOf<keyof RawTheme['chart']>();
expectTypeOf<keyof ChartStyle['fontSize']>().toEqualTypeOf<keyof RawTheme['chart']['fontSize']>();
expectTypeOf<keyof DiagramStyle>().toEqualTypeOf<keyof RawTheme['diagram']>();
expectTypeOf<keyof DiamondStyle>().toEqualTypeOf<keyof RawTheme['diamond']>();
expectTypeOf<keyof DiamondStyle['fontSize']>().toEqualTypeOf<keyof RawTheme['diamond']['fontSize']>();
// The file's sections, and the theme's: the font opened, the file, the chart templates and the build's font memory added.
expectTypeOf<Exclude<keyof Theme, 'file' | 'templates' | 'memory'>>().toEqualTypeOf<keyof RawTheme>();
expectTypeOf<keyof Theme['font']['faces']>().toEqualTypeOf<keyof RawTheme['font']['faces']>();
expectTypeOf<Exclude<keyof FontFace, 'key' | 'font'>>().toEqualTypeOf<keyof RawFace>();

// pipeline.config.yaml: the settings are the file's keys, with defaults filled in.
expectTypeOf<keyof PipelineConfig>().toEqualTypeOf<keyof RawConfig>();

// country.yaml: the country names what the file has; the rest of the file goes to `extra` for the templates.
expectTypeOf<Exclude<keyof Country, 'extra'>>().toMatchTypeOf<keyof RawCountry>();
