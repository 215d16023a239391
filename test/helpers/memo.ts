import { join } from 'node:path';
import { cacheKey } from '../../pipeline/cache/key.ts';
import { fileCache } from '../../pipeline/cache/store.ts';
import { pipelineVersion } from '../../pipeline/cache/version.ts';
import { BROKEN_LINES } from '../../pipeline/layout/broken-lines.ts';

/** The paragraphs (their keys, sorted) whose lines the builds in `project` kept in `.cache/`; none when no table is kept. */
export function keptParagraphs(project: string): string[] {
  const bytes = fileCache(join(project, '.cache')).get(cacheKey('memo', pipelineVersion(), BROKEN_LINES));
  return bytes ? Object.keys(JSON.parse(Buffer.from(bytes).toString('utf8')) as object).sort() : [];
}
