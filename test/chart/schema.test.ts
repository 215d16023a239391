import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/project.ts';
import { chartsFor, locales } from './kazakhstan.ts';
import { syntheticCharts } from './synthetic.ts';

/** The JSON schemas the installed Vega and Vega-Lite publish. */
function schemaValidator(file: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  return ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'node_modules', file), 'utf8')));
}

const vegaLite = schemaValidator('vega-lite/build/vega-lite-schema.json');
const vega = schemaValidator('vega/build/vega-schema.json');

function problems(validate: ValidateFunction, spec: object): string {
  if (validate(spec)) return '';
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message ?? ''}`).join('\n');
}

describe('every generated spec validates against the Vega / Vega-Lite JSON schema', () => {
  it('the validators refuse what is not a spec', () => {
    expect(vegaLite({ mark: 'bars', data: { values: [] } })).toBe(false);
    expect(vega({ width: 'wide', marks: [] })).toBe(false);
  });

  it.each(locales)('%s', async (locale) => {
    const charts = [...(await chartsFor(locale)).values(), ...(await syntheticCharts(locale)).values()];
    expect(charts.length).toBeGreaterThan(20);
    for (const chart of charts) {
      const isVegaLite = String((chart.spec as { $schema?: string }).$schema).includes('vega-lite');
      if (isVegaLite) expect(problems(vegaLite, chart.spec), `${chart.id} (Vega-Lite)`).toBe('');
      expect(problems(vega, chart.vega), `${chart.id} (Vega)`).toBe('');
    }
  });
});
