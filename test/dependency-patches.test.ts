import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dependencyPatches } from './helpers/dependency-patches.ts';
import { pipelineSources } from './helpers/pipeline-sources.ts';
import { repoRoot } from './helpers/project.ts';

describe('the scan for patched dependencies', () => {
  it('finds a patched prototype, reached by name or through an instance', () => {
    expect(dependencyPatches("import PDFDocument from 'pdfkit';\nPDFDocument.prototype.textRun = function () {};")).toMatchObject([{ line: 2, kind: 'prototype' }]);
    expect(dependencyPatches('function share(font: object) {\n  const proto = Object.getPrototypeOf(font);\n  proto.layoutCached = () => 1;\n}')).toMatchObject([{ line: 3, kind: 'prototype' }]);
    expect(dependencyPatches("import PDFDocument from 'pdfkit';\nObject.assign(PDFDocument.prototype, { extra() {} });")).toMatchObject([{ line: 2, kind: 'prototype' }]);
  });

  it("finds an assignment to a package's export, directly or through a variable holding it", () => {
    expect(dependencyPatches("import * as vega from 'vega';\n(vega as any).textMetrics.width = () => 0;")).toMatchObject([{ line: 2, kind: 'dependency export' }]);
    expect(dependencyPatches("import * as vega from 'vega';\nconst metrics = (vega as unknown as { textMetrics: { width: unknown } }).textMetrics;\nmetrics.width = () => 0;")).toMatchObject([{ line: 3, kind: 'dependency export' }]);
    expect(dependencyPatches("import { textMetrics } from 'vega';\ntextMetrics['width'] = () => 0;")).toMatchObject([{ line: 2, kind: 'dependency export' }]);
  });

  it("leaves alone the project's own objects, what a package's function returns, and local modules", () => {
    const source = [
      "import PDFDocument from 'pdfkit';",
      "import { helper } from './helper.ts';",
      'const doc = new PDFDocument();',
      'const state = { count: 0 };',
      'state.count = 1;',
      'helper.value = 2;',
      'const made = PDFDocument.create();',
      'let x = 0;',
      'x = 3;',
    ].join('\n');
    expect(dependencyPatches(source)).toEqual([]);
  });
});

describe('pipeline/', () => {
  it('patches no dependency but the one hook that remains to be replaced', () => {
    const found = pipelineSources().flatMap((file) => dependencyPatches(readFileSync(file, 'utf8'), file).map((patch) => `${relative(repoRoot, file)}: ${patch.kind}: ${patch.text}`));
    // This one remains (docs/build-state.md): Vega has no hook for measuring text per view.
    // Any other patch fails this test, and so does removing it without taking it off the list.
    expect(found).toEqual([
      'pipeline/theme/vega-metrics.ts: dependency export: metrics.width = themeWidth',
    ]);
  });
});
