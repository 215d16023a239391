import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { openPdf } from './helpers/pdf.ts';
import { fixtures, repoRoot, tempProject } from './helpers/project.ts';

type Rule =
  | { kind: 'percentage' }
  | { kind: 'scale'; factor: number; range: [number, number] }
  | { kind: 'rescale'; range: [number, number] }
  | { kind: 'reverse'; range: [number, number] }
  | { kind: 'cap-invert'; numerator: string; denominator: string; cap: number };
interface Raw { value?: number; ratio?: [number, number]; components?: Record<string, { value: number }> }

/** The CSI's rules, written out again from the methodology, independently of pipeline/score/. */
function score(rule: Rule, raw: Raw): number {
  const value = raw.ratio ? (raw.ratio[0] / raw.ratio[1]) * 100 : raw.value!;
  switch (rule.kind) {
    case 'percentage': return value;
    case 'scale': return value * rule.factor;
    case 'rescale': return ((value - rule.range[0]) / (rule.range[1] - rule.range[0])) * 100;
    case 'reverse': return rule.range[1] - value;
    case 'cap-invert': return rule.cap - Math.min(rule.cap, (raw.components![rule.numerator]!.value / raw.components![rule.denominator]!.value) * 100);
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Half-up at one decimal, on the decimal value (77.65 → 77.7). */
const oneDecimal = (x: number) => (Math.round(Number((x * 10).toFixed(6))) / 10).toFixed(1);

describe('a second country beside Kazakhstan', () => {
  it('build --all with the shipped configuration builds Kazakhstan in three languages and Ostland in its own two, with its own scores and none of the other country\'s text', async () => {
    const root = tempProject('repo');
    cpSync(join(fixtures, 'countries', 'ostland'), join(root, 'data', 'countries', 'ostland'), { recursive: true });
    const run = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'pipeline', 'cli.ts'), 'build', '--all'], { cwd: root, encoding: 'utf8', timeout: 600_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^kazakhstan\s+ok\s+en\/acr: \d+ pages; en\/brief: \d+ pages; ru\/acr: \d+ pages; ru\/brief: \d+ pages; kk\/acr: \d+ pages; kk\/brief: \d+ pages\s/m);
    expect(run.stdout).toMatch(/^ostland\s+ok\s+en\/acr: \d+ pages; en\/brief: \d+ pages; ru\/acr: \d+ pages; ru\/brief: \d+ pages\s/m);
    expect(existsSync(join(root, 'output/ostland/kk'))).toBe(false);

    // Every score, from the raw values by the rules, equal weights, means of unrounded scores.
    const framework = parse(readFileSync(join(root, 'data/frameworks/csi-2008-2010.yaml'), 'utf8')) as { dimensions: { id: string; subdimensions: { id: string; indicators: { id: string; rule: Rule }[] }[] }[] };
    const raw = (parse(readFileSync(join(fixtures, 'countries/ostland/indicators.yaml'), 'utf8')) as { values: Record<string, Raw> }).values;
    const published = new Map((JSON.parse(readFileSync(join(root, 'output/ostland/scores.json'), 'utf8')) as { scores: { id: string; score: number; published: string }[] }).scores.map((s) => [s.id, s]));
    expect(published.size).toBe(97);
    for (const dimension of framework.dimensions) {
      const subs = dimension.subdimensions.map((sub) => {
        const indicators = sub.indicators.map((indicator) => {
          const expected = score(indicator.rule, raw[indicator.id]!);
          expect(published.get(indicator.id)!.score, indicator.id).toBeCloseTo(expected, 6);
          return expected;
        });
        const expected = mean(indicators);
        expect(published.get(sub.id)!.published, sub.id).toBe(oneDecimal(expected));
        return expected;
      });
      expect(published.get(dimension.id)!.published, dimension.id).toBe(oneDecimal(mean(subs)));
    }

    // No text of Kazakhstan in any of Ostland's documents; Ostland's own name in each.
    const foreign = ['Kazakhstan', 'Казахстан', 'Қазақстан', 'Public Policy Research Center', 'Центр анализа общественных проблем', 'PPRC', 'ЦАОП', 'Makhmutova', 'Махмутова', 'Semey', 'Astana', 'Астана'];
    for (const file of ['en/acr.pdf', 'en/brief.pdf', 'ru/acr.pdf', 'ru/brief.pdf']) {
      const text = (await openPdf(join(root, 'output/ostland', file))).pages.join(' ');
      for (const word of foreign) expect(text, `${file} mentions ${word}`).not.toContain(word);
      expect(text).toMatch(file.startsWith('en') ? /Ostland/ : /Остланди/);
    }
    // The programme's shared content, and the counts taken from the framework.
    const acr = (await openPdf(join(root, 'output/ostland/en/acr.pdf'))).pages.join(' ');
    expect(acr).toContain('65 quantitative indicators are aggregated into 27 sub-dimensions');
    expect(acr).toContain('CIVICUS: World Alliance for Citizen Participation');
    expect(acr).toContain('Corruption Perceptions Index 2008');
    // Its brief: its own priority issues and recommendations, and the programme's partner with
    // the contacts held once for every country of the phase.
    const brief = (await openPdf(join(root, 'output/ostland/en/brief.pdf'))).pages.join(' ');
    expect(brief).toContain('Priority 1: International linkages');
    expect(brief).toContain('Join international networks');
    expect(brief).toContain('csi@civicus.org');
  }, 600_000);
});
