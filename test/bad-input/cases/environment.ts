import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import type { BadCase, CaseProject } from '../harness.ts';

const lock = (path: string, mode: number) => (p: CaseProject) => chmodSync(join(p.root, path), mode);

/**
 * What the machine refuses: files that may not be read, an output folder that may not be
 * written. Each exits 74 and names the path; nothing is written.
 */
export const environmentCases: BadCase[] = [
  { name: 'unreadable country.yaml', unprivileged: true, setup: lock('data/countries/testland/country.yaml', 0o000), cleanup: lock('data/countries/testland/country.yaml', 0o644), exit: 74, message: /testland\/country.yaml: EACCES: permission was denied/, hint: /make the path readable/ },
  { name: 'unreadable page style', unprivileged: true, setup: lock('templates/page.yaml', 0o000), cleanup: lock('templates/page.yaml', 0o644), exit: 74, message: /templates\/page.yaml: EACCES/, hint: /make the path readable/ },
  { name: 'unreadable narrative folder', unprivileged: true, setup: lock('data/countries/testland/narrative/en/acr', 0o000), cleanup: lock('data/countries/testland/narrative/en/acr', 0o755), exit: 74, message: /narrative\/en\/acr: EACCES/, hint: /make the path readable/ },
  { name: 'unreadable configuration', unprivileged: true, setup: lock('pipeline.config.yaml', 0o000), cleanup: lock('pipeline.config.yaml', 0o644), exit: 74, message: /pipeline.config.yaml: EACCES/, hint: /make the path readable/ },
  {
    name: 'read-only output folder',
    unprivileged: true,
    setup: (p) => {
      p.edit('data/countries/testland/indicators.yaml', 'value: 40', 'value: 41');
      chmodSync(join(p.root, 'output'), 0o555);
    },
    cleanup: lock('output', 0o755),
    argv: ['build'],
    ignore: ['.cache'],
    exit: 74,
    message: /output\/[^ ]*: EACCES: permission was denied/,
    hint: /writable/,
  },
];
