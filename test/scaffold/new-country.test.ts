import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureConsole } from '../helpers/console.ts';
import { fixtures, tempProject } from '../helpers/project.ts';

const printed = captureConsole();
const folder = 'data/countries/ostland';
const filled = join(fixtures, 'countries', 'ostland');

/**
 * Fills in what a check asked for, as a national team would: every file of the country that a
 * message names (where the problem is, or the file its hint says to write) is taken from the
 * complete fixture country. Returns the files filled.
 */
function fillNamed(root: string, messages: string): string[] {
  const named = new Set([...messages.matchAll(/data\/countries\/ostland\/([^\s:,;)"']+)/g)].map((m) => m[1]!.replace(/\.$/, '')));
  const done: string[] = [];
  for (const path of named) {
    // "facts/<topic>.yaml": any file of that folder.
    const paths = path.includes('<') ? readdirSync(join(filled, dirname(path))).map((name) => `${dirname(path)}/${name}`) : [path];
    for (const file of paths) {
      if (!existsSync(join(filled, file))) continue;
      mkdirSync(dirname(join(root, folder, file)), { recursive: true });
      cpSync(join(filled, file), join(root, folder, file));
      done.push(file);
    }
  }
  return done.sort();
}

describe('csi-report new-country', () => {
  it('writes a commented skeleton whose check lists each kind of missing input in one round, and the filled country builds', async () => {
    const root = tempProject('repo');
    expect(await main(['new-country', 'ostland', '--locales', 'en,ru'], root)).toBe(0);
    expect(printed.out.join('\n')).toContain(`wrote ${folder}/ (14 files)`);
    const skeleton = readFileSync(join(root, folder, 'indicators.yaml'), 'utf8');
    expect(skeleton).toContain('# 5.1.2 Corruption — raw × 10 (raw on 0–10); raw value 0–10; source kind: Secondary Data');
    expect(readFileSync(join(root, folder, 'country.yaml'), 'utf8')).toContain('locales: [en, ru]');

    const rounds: { errors: number; filled: string[] }[] = [];
    for (let round = 0; round < 6; round += 1) {
      printed.err.length = 0;
      const code = await main(['check', '--country', 'ostland'], root);
      if (code === 0) break;
      expect(code).toBe(2);
      const err = printed.err.join('\n');
      const errors = err.split('\n').filter((line) => line.includes(': error: '));
      // Every problem names a file of the country to write.
      for (const line of errors) expect(line).toMatch(/data\/countries\/ostland\//);
      if (round === 0) {
        expect(errors.filter((line) => line.includes('has no value'))).toHaveLength(65);
        expect(errors.filter((line) => line.startsWith(`${folder}/country.yaml:`)).length).toBeGreaterThanOrEqual(8);
      }
      rounds.push({ errors: errors.length, filled: fillNamed(root, err) });
      expect(rounds.at(-1)!.filled.length).toBeGreaterThan(0);
    }
    // One round for the country's details and data, one for the narrative with its lists,
    // people, figures and translations, one for what the narrative cites.
    expect(rounds.length, JSON.stringify(rounds)).toBeLessThanOrEqual(3);
    expect(rounds[1]!.filled).toEqual(expect.arrayContaining(['narrative/en/acr/foreword.md', 'narrative/ru/brief/summary.md', 'narrative/ru/brief/issue-2.6.md', 'narrative/en/lists.yaml', 'people.yaml', 'figures.yaml']));
    expect(await main(['build', '--country', 'ostland'], root)).toBe(0);
    for (const file of ['en/acr.pdf', 'en/brief.pdf', 'ru/acr.pdf', 'ru/brief.pdf']) expect(existsSync(join(root, 'output/ostland', file))).toBe(true);
  }, 300_000);

  it('writes commented slots for the name in each case of the languages that inflect it', async () => {
    const root = tempProject('repo');
    expect(await main(['new-country', 'ostland', '--locales', 'en,ru,kk'], root)).toBe(0);
    const country = readFileSync(join(root, folder, 'country.yaml'), 'utf8');
    expect(country).toContain('# The name in the cases the narrative asks for ({{country case="genitive"}}); the nominative\n# is the name above.');
    expect(country).toContain('# cases:\n#   ru:\n#     genitive: "…"\n#     dative: "…"\n#     accusative: "…"\n#     instrumental: "…"\n#     prepositional: "…"\n#   kk:\n#     genitive: "…"\n#     dative: "…"\n#     accusative: "…"\n#     locative: "…"\n#     ablative: "…"\n#     instrumental: "…"\n');
    expect(country).toContain('  # The name in the cases the narrative asks for ({{organisation case="genitive"}})');
    expect(country).toContain('  # cases:\n  #   ru:\n  #     genitive: "…"');
  });
});
