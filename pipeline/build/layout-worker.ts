// A layout thread's entry. Given YAML files to parse (`ThreadBoot.yaml`: a cold build's inputs),
// it parses them first, while the main thread reads them too (input/yaml-prefetch.ts), with no
// more code loaded than the parser's; then it loads the layout's code and tables and takes its
// documents (layout-thread-jobs.ts). Messages the main thread sends meanwhile wait for it.
import { workerData } from 'node:worker_threads';
import type { ThreadBoot } from './layout-job.ts';

const { yaml } = workerData as ThreadBoot;
if (yaml) {
  const { parseYamlAhead } = await import('../input/yaml-ahead.ts');
  parseYamlAhead(yaml.root, yaml.files, yaml.cells, yaml.port);
}
await import('./layout-thread-jobs.ts');
