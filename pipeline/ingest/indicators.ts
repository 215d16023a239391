import type { InputIssue } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import { describeRule } from './describe-rule.ts';
import { frameworkIndicators } from './framework-tree.ts';
import type { Framework, IndicatorDef, RawValue, Source } from './types.ts';
import type { InputReader } from '../input/read.ts';
import { indicatorsSchema, type RawValueEntry } from './schemas/indicators.ts';
import { closest } from '../util/text.ts';
import { validateYaml } from '../input/validate.ts';
import { issueAt, type YamlFile } from '../input/yaml-file.ts';

/**
 * Reads `indicators.yaml` and checks it against the framework: every indicator has exactly one
 * value, every value belongs to an indicator, lies in its rule's range and cites a known source.
 */
export function readIndicatorValues(
  reader: InputReader,
  path: string,
  framework: Framework,
  sources: ReadonlyMap<string, Source> | undefined,
  sourcesFile: string,
): Map<string, RawValue> | undefined {
  const yaml = reader.yaml(path, 'indicator values');
  if (!yaml || !validateYaml(yaml, indicatorsSchema, reader.issues, reader.valid)) return undefined;
  const entries = yaml.value.values;
  const defs = new Map(frameworkIndicators(framework).map((def) => [def.id, def]));
  const values = new Map<string, RawValue>();

  for (const [id, entry] of Object.entries(entries)) {
    const place = yaml.placeOfKey(['values', id]);
    const def = defs.get(id);
    if (!def) {
      // Suggest an indicator still without a value first: that is the likely intended one.
      const unvalued = [...defs.keys()].filter((known) => !(known in entries));
      reader.issues.push(issueAt(place, msg.unknownIndicator(id, closest(id, [...unvalued, ...defs.keys()], 1))));
      continue;
    }
    if (sources && !sources.has(entry.source)) {
      reader.issues.push(issueAt(yaml.placeOf(['values', id, 'source']), msg.unknownSource(entry.source, sourcesFile)));
    }
    // A single value is traced to its own line; a composite one to its entry.
    const valuePlace = entry.value !== undefined ? yaml.placeOf(['values', id, 'value']) : place;
    if (checkValue(yaml, id, entry, def, framework, reader.issues)) values.set(id, { id, ...entry, place: valuePlace });
  }
  for (const def of defs.values()) {
    if (!(def.id in entries)) {
      reader.issues.push(issueAt(yaml.placeOf(['values']), msg.missingValue(def.id, def.name.en ?? def.id, framework.file, sourcesFile)));
    }
  }
  return values;
}

function checkValue(yaml: YamlFile, id: string, entry: RawValueEntry, def: IndicatorDef, framework: Framework, issues: InputIssue[]): boolean {
  const at = (key: string) => yaml.placeOf(['values', id, key]);
  const shapes = ['value', 'ratio', 'components'].filter((key) => key in entry);
  if (shapes.length !== 1) {
    issues.push(issueAt(yaml.placeOfKey(['values', id]), msg.valueShape(id)));
    return false;
  }
  const rule = def.rule;
  if (entry.ratio) {
    const [n, d] = entry.ratio;
    const ok = rule.kind === 'percentage' && d > 0 && n >= 0 && n <= d;
    if (!ok) issues.push(issueAt(at('ratio'), msg.badRatio(id)));
    return ok;
  }
  if (rule.kind === 'cap-invert') {
    for (const part of [rule.numerator, rule.denominator]) {
      if (!entry.components?.[part]) {
        issues.push(issueAt(entry.components ? at('components') : yaml.placeOfKey(['values', id]), msg.missingComponent(id, part)));
        return false;
      }
    }
    const denominator = entry.components![rule.denominator]!.value;
    if (!(denominator > 0) || entry.components![rule.numerator]!.value < 0) {
      issues.push(issueAt(at('components'), {
        message: `the components of indicator "${id}" must be positive`,
        hint: `Check "${rule.numerator}" and "${rule.denominator}" against the source.`,
      }));
      return false;
    }
    return true;
  }
  if (entry.value === undefined) {
    issues.push(issueAt(yaml.placeOfKey(['values', id]), msg.valueShape(id)));
    return false;
  }
  const range: readonly [number, number] = rule.range ?? [framework.scale.min, framework.scale.max];
  if (entry.value < range[0] || entry.value > range[1]) {
    issues.push(issueAt(at('value'), msg.outOfRange(id, entry.value, range, describeRule(rule), rule.kind === 'percentage')));
    return false;
  }
  return true;
}
