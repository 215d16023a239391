import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { captureConsole } from '../helpers/console.ts';
import { edit, outputFiles, tempProject } from '../helpers/project.ts';

/**
 * A drawing library failing on input the checks found valid — resvg refusing a picture, pdfkit
 * a page — injected where the pipeline calls it.
 */
const failing = vi.hoisted(() => ({ png: false, layout: false }));
vi.mock('../../pipeline/chart/png.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../pipeline/chart/png.ts')>();
  return { ...real, renderPng: (...args: Parameters<typeof real.renderPng>) => (failing.png ? Promise.reject(new Error('resvg: the picture is too large')) : real.renderPng(...args)) };
});
vi.mock('../../pipeline/layout/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../pipeline/layout/index.ts')>();
  return { ...real, layoutDocument: (...args: Parameters<typeof real.layoutDocument>) => (failing.layout ? Promise.reject(new TypeError('unsupported font table')) : real.layoutDocument(...args)) };
});
afterEach(() => {
  failing.png = false;
  failing.layout = false;
});

const printed = captureConsole();

describe('a drawing failure: exit 3, what was being drawn, the edition intact', () => {
  it.each([
    // The default country: its charts have PNG pictures.
    { stage: 'png', project: 'repo', file: 'data/countries/kazakhstan/indicators.yaml', from: 'value: 36.5', to: 'value: 38.5', message: /a chart's PNG picture could not be drawn: resvg: the picture is too large\./ },
    { stage: 'layout', project: 'brief', file: 'data/countries/testland/indicators.yaml', from: '"1.1.1": {value: 31', to: '"1.1.1": {value: 33', message: /the en brief could not be drawn: unsupported font table\./ },
  ] as const)('$stage', async ({ stage, project, file, from, to, message }) => {
    const root = tempProject(project);
    const argv = ['--locale', 'en'];
    expect(await main(argv, root)).toBe(0);
    const before = outputFiles(root);
    // A corrected value, so the charts and the documents are drawn again.
    edit(root, file, from, to);
    failing[stage] = true;
    printed.err = [];
    expect(await main([...argv, '--no-cache'], root)).toBe(3);
    const err = printed.err.join('\n');
    expect(err).toMatch(message);
    expect(err).toContain('Nothing was published');
    expect(err).not.toContain('internal error');
    expect(outputFiles(root)).toEqual(before);
  }, 120_000);
});
