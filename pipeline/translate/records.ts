import type { InputReader } from '../input/read.ts';
import { issueAt } from '../input/yaml-file.ts';
import { isSourceHash } from './hash.ts';
import { tmsg } from './messages.ts';
import { isRecord } from './yaml-units.ts';
import type { SourceRecords, UnitKind, UnitScope, UnitSet } from './types.ts';
import type { ProjectFile } from './write.ts';

/**
 * Reads a source-hash file (`<locale>.sources.yaml`): a flat map from unit id to the hash of
 * the English text the translation was made from. A missing file means nothing is recorded.
 */
export function readRecords(reader: InputReader, file: string): SourceRecords {
  const hashes = new Map<string, string>();
  if (!reader.exists(file)) return { file, hashes };
  const yaml = reader.yaml(file, 'source hashes');
  if (!yaml || yaml.value === undefined || yaml.value === null) return { file, hashes };
  if (!isRecord(yaml.value)) {
    reader.issues.push(issueAt(yaml.placeOf([]), tmsg.recordsShape()));
    return { file, hashes };
  }
  for (const [unit, hash] of Object.entries(yaml.value)) {
    if (isSourceHash(hash)) hashes.set(unit, hash);
    else reader.issues.push(issueAt(yaml.placeOf([unit]), tmsg.badRecordedHash(unit)));
  }
  return { file, hashes };
}

/**
 * Writes a source-hash file. The whole file is generated, sorted by unit id, so a change of
 * one hash is a one-line diff and the same records always give the same bytes. Hashes are
 * quoted: an all-digit hash would otherwise be read back as a number.
 */
export function renderRecords(scope: UnitScope, locale: string, sourceLocale: string, hashes: ReadonlyMap<string, string>): string {
  const what = { narrative: 'narrative snippets and list items', templates: 'generic texts and UI strings', data: 'localised texts of the frameworks and the programme files', 'country-data': 'localised texts of the country\'s data files' }[scope];
  const lines = [
    `# Source hashes of the ${locale} translations of the ${what}: for each unit, the first`,
    `# 16 hex digits of the SHA-256 of the ${sourceLocale} text it was translated from. A unit whose`,
    `# ${sourceLocale} text no longer has this hash is stale. Written by \`csi-report translations stamp\``,
    '# and `csi-report translations import`; not read by the build.',
  ];
  for (const unit of [...hashes.keys()].sort()) lines.push(`${yamlKey(unit)}: "${hashes.get(unit)!}"`);
  return `${lines.join('\n')}\n`;
}

function yamlKey(key: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._\/-]*(:[A-Za-z0-9._\/-]+)*$/.test(key) ? key : JSON.stringify(key);
}

/**
 * The source-hash files of a locale after recording `updates` (hash by unit id). Records of
 * units that exist neither in English nor as a translation are dropped on the way, except
 * those of data files this country does not read: `data/<locale>.sources.yaml` is shared by
 * every country.
 */
export function updatedRecords(set: UnitSet, updates: ReadonlyMap<string, string>): ProjectFile[] {
  const scopes = new Map<string, UnitScope>([...set.obsolete.map((unit) => [unit.id, scopeOfKind(unit.kind, unit.id)] as const), ...set.units.map((unit) => [unit.id, unit.scope] as const)]);
  const dataFiles = new Set(set.units.filter((unit) => unit.kind === 'data-text').map((unit) => dataFileOf(unit.id)));
  const keep = (unit: string, scope: UnitScope) => scopes.get(unit) === scope || (scope === 'data' && !scopes.has(unit) && !dataFiles.has(dataFileOf(unit)));
  const files: ProjectFile[] = [];
  for (const scope of ['narrative', 'templates', 'data', 'country-data'] as const) {
    const records = set.records[scope];
    const hashes = new Map([...records.hashes].filter(([unit]) => keep(unit, scope)));
    for (const [unit, hash] of updates) if (scopes.get(unit) === scope) hashes.set(unit, hash);
    if (hashes.size > 0 || records.hashes.size > 0) files.push({ path: records.file, text: renderRecords(scope, set.locale, set.sourceLocale, hashes) });
  }
  return files;
}

/** `data:countries.kazakhstan.figures:figures.0.caption` → `countries.kazakhstan.figures`. */
function dataFileOf(unit: string): string {
  return unit.split(':')[1] ?? '';
}

function scopeOfKind(kind: UnitKind, unit: string): UnitScope {
  if (kind === 'data-text') return dataFileOf(unit).startsWith('countries.') ? 'country-data' : 'data';
  return kind === 'snippet' || kind === 'list-item' ? 'narrative' : 'templates';
}
