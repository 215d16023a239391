import { describe, expect, it } from 'vitest';
import { ingestDataset } from '../../pipeline/ingest/index.ts';
import { InputError } from '../../pipeline/errors/errors.ts';
import { edit, tempProject } from '../helpers/project.ts';

describe('programme content held once, beside the framework', () => {
  it('gives every country the programme facts, the framework\'s own counts, the international sources, the works on the programme and the partner', () => {
    const dataset = ingestDataset({ root: tempProject('repo'), configPath: 'pipeline.config.yaml' });
    const framework = dataset.framework;
    const subdimensions = framework.dimensions.flatMap((d) => d.subdimensions);
    expect(dataset.facts.get('framework-indicators')).toMatchObject({ value: subdimensions.flatMap((s) => s.indicators).length, unit: 'count' });
    expect(dataset.facts.get('framework-indicators')!.value).toBe(65);
    expect(dataset.facts.get('framework-subdimensions')!.value).toBe(27);
    expect(dataset.facts.get('csi-pilot-countries')).toMatchObject({ value: 13, place: { file: 'data/frameworks/csi-2008-2010/facts/programme.yaml' } });
    expect(dataset.sources.get('ti-cpi-2008')?.title.en).toBe('Corruption Perceptions Index 2008');
    expect(dataset.sources.get('csi-population-survey')?.title.en).toBe('CSI Population Survey, Kazakhstan');
    expect(dataset.bibliography.map((b) => b.key)).toContain('heinrich-naidoo-2001');
    // The programme's partner with its contacts, not repeated in the country's file.
    expect(dataset.country.partners).toHaveLength(1);
    expect(dataset.country.partners[0]!.short?.ru).toBe('CIVICUS');
    expect(dataset.country.partners[0]!.contact?.email).toBe('csi@civicus.org');
  });

  it('names a country\'s own partners after the programme\'s', () => {
    const root = tempProject('repo');
    edit(root, 'data/countries/kazakhstan/country.yaml', '\nfunders:\n', '\npartners:\n  - name: {en: "Steppe Civic Network", ru: "Степная гражданская сеть", kk: "Дала азаматтық желісі"}\n\nfunders:\n');
    const dataset = ingestDataset({ root, configPath: 'pipeline.config.yaml' });
    expect(dataset.country.partners.map((p) => p.name.en)).toEqual(['CIVICUS: World Alliance for Citizen Participation', 'Steppe Civic Network']);
  });

  it('refuses a country source or fact that repeats a programme key, naming both places', () => {
    const root = tempProject('repo');
    edit(root, 'data/countries/kazakhstan/sources.yaml', 'csi-population-survey:\n', 'ti-cpi-2008:\n  kind: secondary-index\n  title: {en: "CPI again", ru: "ИВК", kk: "СЖҚИ"}\n\ncsi-population-survey:\n');
    edit(root, 'data/countries/kazakhstan/facts/front.yaml', '\n', '\ncsi-pilot-countries: {value: 14, unit: count}\n');
    let error: unknown;
    try {
      ingestDataset({ root, configPath: 'pipeline.config.yaml' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const messages = (error as InputError).issues.map((issue) => `${issue.place.file}: ${issue.message}`);
    expect(messages).toContain('data/countries/kazakhstan/sources.yaml: the id "ti-cpi-2008" is used twice (first at data/frameworks/csi-2008-2010/sources.yaml)');
    expect(messages.some((m) => m.startsWith('data/countries/kazakhstan/facts/front.yaml: the id "csi-pilot-countries" is used twice (first at data/frameworks/csi-2008-2010/facts/programme.yaml:'))).toBe(true);
  });
});
