import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { PageStyle } from '../../pipeline/theme/style.ts';
import { repoRoot } from './project.ts';

/** The layout values of a page style: spacing, contents, page breaking, cover, the brief's grid. */
export type PageLayout = Pick<PageStyle, 'spacing' | 'contents' | 'breaking' | 'cover' | 'grid'>;

/**
 * The layout values of the repository's `templates/page.yaml`, for a page style a test builds
 * by hand: its rules run with the values the editions are set with. A fresh copy each call, so
 * a test may change one value to see what depends on it.
 */
export function pageLayout(): PageLayout {
  const page = parse(readFileSync(join(repoRoot, 'templates', 'page.yaml'), 'utf8')) as PageLayout;
  return { spacing: page.spacing, contents: page.contents, breaking: page.breaking, cover: page.cover, grid: page.grid };
}
