import { formatPlace } from '../errors/errors.ts';
import type { PipelineConfig } from '../ingest/types.ts';
import { splitCodes, type CodePiece } from './codes.ts';
import { collectUnits } from './collect.ts';
import { unitState } from './status.ts';
import { unitParts, type UnitPart } from './segments.ts';
import type { TranslationUnit, UnitSet, UnitState } from './types.ts';
import { CSI_NS, XLIFF_NS, xmlAttr, xmlText } from './xml.ts';

/** What to export. */
export interface ExportOptions {
  /** Only units that are missing, stale or unrecorded; by default every unit. */
  pending?: boolean;
}

/** An XLIFF file to hand to a translator. */
export interface XliffExport {
  /** Target locale. */
  locale: string;
  /** The XLIFF 2.0 document. */
  xml: string;
  /** Units in it. */
  units: number;
  /** `<file>` elements in it: one per English source file. */
  files: number;
}

/** Reads a locale's units and writes them as XLIFF 2.0. */
export function exportXliff(root: string, config: PipelineConfig, country: string, locale: string, options: ExportOptions = {}): XliffExport {
  return renderXliff(collectUnits(root, config, country, locale), options);
}

/**
 * Writes units as XLIFF 2.0: a `<file>` per English source file, a `<unit>` per unit, its
 * paragraphs as segments. Existing translations go into `<target>`; a segment is `final` when
 * its translation is current and `initial` otherwise, so only what a translator confirms is
 * recorded as translated on import. Codes are `<ph/>` with the original in `<originalData>`.
 */
export function renderXliff(set: UnitSet, options: ExportOptions = {}): XliffExport {
  const states = new Map(set.units.map((unit) => [unit.id, unitState(unit, set)]));
  const units = set.units.filter((unit) => !options.pending || states.get(unit.id) !== 'current');
  const byFile = new Map<string, TranslationUnit[]>();
  for (const unit of units) byFile.set(unit.source.place.file, [...(byFile.get(unit.source.place.file) ?? []), unit]);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NS}" xmlns:csi="${CSI_NS}" version="2.0" srcLang="${xmlAttr(set.sourceLocale)}" trgLang="${xmlAttr(set.locale)}" xml:space="preserve" csi:country="${xmlAttr(set.country)}">`,
  ];
  [...byFile].forEach(([file, fileUnits], index) => {
    out.push(`  <file id="f${index + 1}" original="${xmlAttr(file)}">`);
    for (const unit of fileUnits) out.push(...renderUnit(unit, states.get(unit.id)!));
    out.push('  </file>');
  });
  out.push('</xliff>', '');
  return { locale: set.locale, xml: out.join('\n'), units: units.length, files: byFile.size };
}

const STATE_NOTE: Partial<Record<UnitState, string>> = {
  stale: 'The English text changed after this translation was made: update the translation, then confirm every segment.',
  unrecorded: 'It is not recorded which English text this translation was made from: check it, then confirm every segment.',
};

function renderUnit(unit: TranslationUnit, state: UnitState): string[] {
  const parts = unitParts(unit.source.text, unit.translation?.text);
  const codes = new CodeTable(unit.syntax, parts);
  let segments = 0;
  const body = parts.map((part) => renderPart(part, part.kind === 'segment' ? (segments += 1) : 0, codes, state));
  const name = unit.id.slice(unit.id.indexOf(':') + 1);
  const notes = [`<note category="location">${xmlText(formatPlace(unit.source.place))}</note>`];
  if (STATE_NOTE[state]) notes.push(`<note category="state">${xmlText(STATE_NOTE[state]!)}</note>`);
  return [
    `    <unit id="${xmlAttr(unit.id)}" name="${xmlAttr(name)}">`,
    `      <notes>${notes.join('')}</notes>`,
    ...(codes.data.size > 0 ? [`      <originalData>${[...codes.data].map(([text, id]) => `<data id="${id}">${xmlText(text)}</data>`).join('')}</originalData>`] : []),
    ...body,
    '    </unit>',
  ];
}

function renderPart(part: UnitPart, number: number, codes: CodeTable, state: UnitState): string {
  if (part.kind === 'ignorable') {
    return `      <ignorable><source>${xmlText(part.source)}</source>${part.target === undefined ? '' : `<target>${xmlText(part.target)}</target>`}</ignorable>`;
  }
  const target = part.target === undefined ? '' : `<target>${codes.inline(part.target, 'target')}</target>`;
  return `      <segment id="s${number}" state="${state === 'current' ? 'final' : 'initial'}"><source>${codes.inline(part.source, 'source')}</source>${target}</segment>`;
}

/**
 * Numbers the codes of one unit. Each distinct code is one `<data>`; each occurrence in the
 * source is a `<ph>` with its own id, numbered through the unit before anything is written.
 * A code in the target takes the id of the same code in the source, occurrence by occurrence,
 * across segments; an extra occurrence is a copy (`copyOf`), as an ICU plural with more forms
 * than English repeats its `#`.
 */
class CodeTable {
  /** Data id by code text. */
  readonly data = new Map<string, string>();
  private readonly sourceIds = new Map<string, string[]>();
  private readonly used: Record<'source' | 'target', Map<string, number>> = { source: new Map(), target: new Map() };
  private extra = 0;

  constructor(private readonly syntax: TranslationUnit['syntax'], parts: readonly UnitPart[]) {
    let next = 0;
    for (const part of parts) {
      if (part.kind !== 'segment') continue;
      for (const piece of splitCodes(part.source, syntax)) {
        if (piece.kind !== 'code') continue;
        if (!this.data.has(piece.text)) this.data.set(piece.text, `d${this.data.size + 1}`);
        this.sourceIds.set(piece.text, [...(this.sourceIds.get(piece.text) ?? []), String((next += 1))]);
      }
    }
  }

  inline(text: string, side: 'source' | 'target'): string {
    return splitCodes(text, this.syntax).map((piece) => (piece.kind === 'text' ? xmlText(piece.text) : this.ph(piece, side))).join('');
  }

  private ph(code: CodePiece, side: 'source' | 'target'): string {
    if (!this.data.has(code.text)) this.data.set(code.text, `d${this.data.size + 1}`);
    const kind = code.role === 'expression' ? 'handlebars' : code.role === 'footnote' ? 'footnote' : 'icu';
    // Every code of Markdown must stay; an ICU `#` may be dropped where a form spells the number out.
    const keep = code.role === 'pound' ? '' : ' canDelete="no"';
    const attributes = `dataRef="${this.data.get(code.text)!}" disp="${xmlAttr(code.text)}" type="other" subType="csi:${kind}"${keep}`;
    const ids = this.sourceIds.get(code.text) ?? [];
    const count = this.used[side].get(code.text) ?? 0;
    this.used[side].set(code.text, count + 1);
    if (count < ids.length) return `<ph id="${ids[count]}" ${attributes}/>`;
    // Only a target can have more occurrences than the source.
    const id = `t${(this.extra += 1)}`;
    return ids.length > 0 ? `<ph id="${id}" copyOf="${ids[0]}" ${attributes}/>` : `<ph id="${id}" ${attributes}/>`;
  }
}
