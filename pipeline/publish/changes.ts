import type { Manifest } from './manifest.ts';

/** What changed between two builds. */
export interface ChangeReport {
  /** True when there was no previous build to compare with. */
  first: boolean;
  /** Input files added, removed or changed. */
  inputs: { file: string; change: 'added' | 'removed' | 'changed' }[];
  /** Raw values that changed, with where they are written. */
  values: { id: string; old: string; new: string; place: string }[];
  /** Published scores that moved. */
  scores: { id: string; level: 'indicator' | 'subdimension' | 'dimension'; name: string; old: string; new: string }[];
  /** Ranking statements that now name another item ("highest dimension"). */
  rankings: { group: string; rank: 'highest' | 'lowest'; old: string; new: string; oldName: string; newName: string }[];
  /** Per edition: pages, figures and tables that differ. */
  editions: { edition: string; file: string; pagesBefore: number; pagesAfter: number; pages: number[]; figures: string[]; tables: string[] }[];
  /** Editions (`locale/document`) published before and no longer: their files were removed. */
  removed?: string[];
  /** The pipeline version changed. */
  pipeline?: { old: string; new: string };
}

/** Compares this build's manifest with the previous one. Pure. */
export function compareManifests(previous: Manifest | undefined, current: Manifest, nameOf: (id: string) => string): ChangeReport {
  if (!previous) return { first: true, inputs: [], values: [], scores: [], rankings: [], editions: [] };
  const keys = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareIds);
  const inputs: ChangeReport['inputs'] = [];
  for (const file of keys(previous.inputs, current.inputs)) {
    const [a, b] = [previous.inputs[file], current.inputs[file]];
    if (a === b) continue;
    inputs.push({ file, change: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed' });
  }
  const values = keys(previous.values, current.values)
    .filter((id) => previous.values[id]?.raw !== current.values[id]?.raw)
    .map((id) => ({ id, old: previous.values[id]?.raw ?? '—', new: current.values[id]?.raw ?? '—', place: current.values[id]?.place ?? previous.values[id]!.place }));
  const level = (id: string) => (['dimension', 'subdimension', 'indicator'] as const)[Math.min(2, id.split('.').length - 1)]!;
  const scores = keys(previous.scores, current.scores)
    .filter((id) => previous.scores[id] !== current.scores[id])
    .map((id) => ({ id, level: level(id), name: nameOf(id), old: previous.scores[id] ?? '—', new: current.scores[id] ?? '—' }));
  const rankings = keys(previous.rankings, current.rankings)
    .filter((key) => previous.rankings[key] !== undefined && current.rankings[key] !== undefined && previous.rankings[key] !== current.rankings[key])
    .map((key) => {
      const [group, rank] = key.split(':') as [string, 'highest' | 'lowest'];
      const [old, now] = [previous.rankings[key]!, current.rankings[key]!];
      return { group, rank, old, new: now, oldName: nameOf(old), newName: nameOf(now) };
    });
  const editions: ChangeReport['editions'] = [];
  for (const edition of keys(previous.editions, current.editions)) {
    const [a, b] = [previous.editions[edition], current.editions[edition]];
    if (!b) continue;
    const pages = b.pages.map((page, i) => (a?.pages[i] === page ? 0 : i + 1)).filter((n) => n > 0);
    const figures = keys(a?.figures ?? {}, b.figures).filter((id) => a?.figures[id] !== b.figures[id]);
    const tables = keys(a?.tables ?? {}, b.tables).filter((id) => a?.tables[id] !== b.tables[id]);
    if (a?.digest === b.digest && pages.length === 0) continue;
    editions.push({ edition, file: b.file, pagesBefore: a?.pages.length ?? 0, pagesAfter: b.pages.length, pages, figures, tables });
  }
  const removed = Object.keys(previous.editions).filter((edition) => !current.editions[edition]).sort(compareIds);
  const pipeline = previous.pipeline !== current.pipeline ? { old: previous.pipeline, new: current.pipeline } : undefined;
  return { first: false, inputs, values, scores, rankings, editions, ...(removed.length > 0 ? { removed } : {}), pipeline };
}

/** True when nothing a reader could see changed. */
export function isUnchanged(report: ChangeReport): boolean {
  return !report.first && report.values.length === 0 && report.scores.length === 0 && report.rankings.length === 0 && report.editions.length === 0 && (report.removed ?? []).length === 0;
}

/** The change report as Markdown, for `CHANGES.md`. */
export function renderChangesMarkdown(report: ChangeReport, country: string): string {
  const lines = [`# Changes in this build: ${country}`, ''];
  if (report.first) return `${[...lines, 'First build: there is no previous build to compare with.'].join('\n')}\n`;
  if (isUnchanged(report) && report.inputs.length === 0) return `${[...lines, 'Nothing changed since the previous build.'].join('\n')}\n`;
  if (report.pipeline) lines.push(`Pipeline version: ${report.pipeline.old} → ${report.pipeline.new}`, '');
  if (report.inputs.length > 0) {
    lines.push('## Input files', '', ...report.inputs.map((i) => `- ${i.file} (${i.change})`), '');
  }
  if (report.values.length > 0) {
    lines.push('## Raw values', '', '| indicator | old | new | where |', '|---|---|---|---|', ...report.values.map((v) => `| ${v.id} | ${v.old} | ${v.new} | ${v.place} |`), '');
  }
  if (report.scores.length > 0) {
    lines.push('## Scores', '', '| id | level | name | old | new |', '|---|---|---|---|---|', ...report.scores.map((s) => `| ${s.id} | ${s.level} | ${s.name} | ${s.old} | ${s.new} |`), '');
  }
  if (report.rankings.length > 0) {
    lines.push('## Rankings stated in the text', '', ...report.rankings.map((r) => `- ${r.rank} of ${r.group}: ${r.oldName} (${r.old}) → ${r.newName} (${r.new})`), '');
  }
  if (report.editions.length > 0) {
    lines.push('## Documents', '', '| edition | pages that differ | figures | tables | page count |', '|---|---|---|---|---|');
    for (const e of report.editions) {
      lines.push(`| ${e.edition} | ${e.pages.join(', ') || '—'} | ${e.figures.join(', ') || '—'} | ${e.tables.join(', ') || '—'} | ${e.pagesBefore} → ${e.pagesAfter} |`);
    }
    lines.push('');
  }
  if (report.removed && report.removed.length > 0) {
    lines.push('## Editions no longer published', '', ...report.removed.map((edition) => `- ${edition} (its files were removed)`), '');
  }
  return `${lines.join('\n')}\n`;
}

/** A few lines for the terminal. */
export function summariseChanges(report: ChangeReport): string[] {
  if (report.first) return ['first build: nothing to compare with'];
  if (isUnchanged(report)) return ['no change since the previous build'];
  const out: string[] = [];
  for (const v of report.values) out.push(`value ${v.id}: ${v.old} → ${v.new} (${v.place})`);
  const moved = report.scores.filter((s) => s.level !== 'indicator');
  if (moved.length > 0) out.push(`scores moved: ${moved.map((s) => `${s.id} ${s.old} → ${s.new}`).join(', ')}`);
  for (const r of report.rankings) out.push(`ranking: ${r.rank} of ${r.group} is now ${r.newName} (was ${r.oldName})`);
  for (const edition of report.removed ?? []) out.push(`${edition}: no longer published, removed`);
  for (const e of report.editions) out.push(`${e.edition}: pages ${e.pages.join(', ') || 'none'} differ${e.figures.length ? `; figures ${e.figures.join(', ')}` : ''}${e.tables.length ? `; tables ${e.tables.join(', ')}` : ''}`);
  return out;
}

function compareIds(a: string, b: string): number {
  const pa = a.split(/[./]/);
  const pb = b.split(/[./]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const [x, y] = [pa[i] ?? '', pb[i] ?? ''];
    const [nx, ny] = [Number(x), Number(y)];
    const c = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
    if (c !== 0) return c;
  }
  return 0;
}
