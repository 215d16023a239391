import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureConsole } from '../helpers/console.ts';
import { main } from '../../pipeline/cli.ts';
import { openPdf } from '../helpers/pdf.ts';
import { edit, tempProject } from '../helpers/project.ts';

const printed = captureConsole();

describe('glyph safety', () => {
  it('fails the build naming a character the font cannot draw, its text and its file', async () => {
    const root = tempProject('mini');
    edit(root, 'data/countries/testland/narrative/en/acr/findings.md', 'Membership stands at', 'Membership ☃ stands at');
    expect(await main([], root)).toBe(2);
    const message = printed.err.join('\n');
    expect(message).toMatch(/data\/countries\/testland\/narrative\/en\/acr\/findings\.md:\d+: error: the character "☃" \(U\+2603\) in ".*Membership ☃ stands at.*" is not in the font Source Sans 3/);
    expect(message).toContain('It would print as an empty box.');
  });
});

describe('a missing translation', () => {
  const withRussian = (policy: 'fail' | 'fallback') => {
    const root = tempProject('mini');
    edit(root, 'pipeline.config.yaml', 'locales: [en]', 'locales: [en, ru]');
    edit(root, 'pipeline.config.yaml', 'documents: [acr]', `documents: [acr]\ntranslation: {missing: ${policy}}`);
    return root;
  };

  it('fails the build under the "fail" policy, naming the file to write', async () => {
    const root = withRussian('fail');
    expect(await main([], root)).toBe(2);
    expect(printed.err.join('\n')).toContain('data/countries/testland/narrative/ru/acr/findings.md: error: the ru translation of "acr:findings" is missing');
    expect(printed.err.join('\n')).toContain('Translate data/countries/testland/narrative/en/acr/findings.md');
  });

  it('uses the English text with a visible marker and a warning under "fallback"', async () => {
    const root = withRussian('fallback');
    expect(await main([], root)).toBe(0);
    expect(printed.err.join('\n')).toContain('data/countries/testland/narrative/ru/acr/findings.md: warning: the ru translation of "acr:findings" is missing');
    expect(printed.err.join('\n')).toContain('The English text (data/countries/testland/narrative/en/acr/findings.md) is used, marked as untranslated.');
    const pdf = await openPdf(join(root, 'output/testland/ru/acr.pdf'));
    const text = pdf.pages.join(' ');
    expect(text).toContain('Этот раздел ещё не переведён; ниже приводится английский текст.');
    expect(text).toContain('Membership stands at 40,0 %');
  });
});

describe('numbers in the prose', () => {
  it('fails the build when a number the data holds is typed instead of bound', async () => {
    const root = tempProject('mini');
    edit(root, 'data/countries/testland/narrative/en/acr/findings.md', 'volunteering at\n{{score "1.1.2"}}', 'volunteering at\n33.3%');
    expect(await main([], root)).toBe(2);
    expect(printed.err.join('\n')).toContain('data/countries/testland/narrative/en/acr/findings.md:6:1: error: the number 33.3% is typed, but the data holds it');
    expect(printed.err.join('\n')).toContain('Write {{score "1.1.2"}} instead');
  });

  it('leaves years and numbers the data does not hold alone', async () => {
    const root = tempProject('mini');
    edit(root, 'data/countries/testland/narrative/en/acr/findings.md', 'Membership stands at', 'In 2019, 12.5% of groups were new. Membership stands at');
    expect(await main([], root)).toBe(0);
  });
});
