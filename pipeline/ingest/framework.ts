import type { InputIssue, SourcePlace } from '../errors/errors.ts';
import { formatPlace } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import type { DimensionDef, Framework, IndicatorDef, Rule, SubdimensionDef } from './types.ts';
import type { InputReader } from '../input/read.ts';
import { frameworkSchema } from './schemas/framework.ts';
import { validateYaml } from '../input/validate.ts';
import { issueAt, type YamlFile } from '../input/yaml-file.ts';

/** Reads `data/frameworks/<id>.yaml` and checks the tree: ids unique and nested, sources known. */
export function readFramework(reader: InputReader, path: string): Framework | undefined {
  const yaml = reader.yaml(path, 'framework');
  if (!yaml || !validateYaml(yaml, frameworkSchema, reader.issues, reader.valid)) return undefined;
  const raw = yaml.value;
  const ids = new Map<string, SourcePlace>();
  const claim = (id: string, place: SourcePlace): void => {
    const first = ids.get(id);
    if (first) reader.issues.push(issueAt(place, msg.duplicateId(id, formatPlace(first))));
    else ids.set(id, place);
  };
  const kinds = Object.keys(raw.sourceKinds);

  const dimensions = raw.dimensions.map((dimension, d): DimensionDef => {
    const dPath = ['dimensions', d];
    const dPlace = yaml.placeOf([...dPath, 'id']);
    claim(dimension.id, dPlace);
    const subdimensions = dimension.subdimensions.map((sub, s): SubdimensionDef => {
      const sPath = [...dPath, 'subdimensions', s];
      const sPlace = yaml.placeOf([...sPath, 'id']);
      claim(sub.id, sPlace);
      checkNesting(sub.id, dimension.id, sPlace, reader.issues);
      if (sub.indicators.length === 0) reader.issues.push(issueAt(yaml.placeOf([...sPath, 'indicators']), msg.noIndicators(sub.id)));
      const indicators = sub.indicators.map((indicator, i): IndicatorDef => {
        const iPath = [...sPath, 'indicators', i];
        const iPlace = yaml.placeOf([...iPath, 'id']);
        claim(indicator.id, iPlace);
        checkNesting(indicator.id, sub.id, iPlace, reader.issues);
        if (!kinds.includes(indicator.source)) {
          reader.issues.push(issueAt(yaml.placeOf([...iPath, 'source']), msg.unknownSourceKind(indicator.source, kinds)));
        }
        checkRule(yaml, [...iPath, 'rule'], indicator.rule, reader.issues);
        return {
          id: indicator.id,
          name: indicator.name,
          definition: indicator.definition,
          source: indicator.source,
          rule: indicator.rule,
          weight: indicator.weight ?? 1,
          place: iPlace,
        };
      });
      return { id: sub.id, name: sub.name, weight: sub.weight ?? 1, policyCanMove: sub.policyCanMove ?? false, indicators, place: sPlace };
    });
    return {
      id: dimension.id,
      key: dimension.key,
      contextual: dimension.contextual ?? false,
      name: dimension.name,
      weight: dimension.weight ?? 1,
      subdimensions,
      place: dPlace,
    };
  });
  return { id: raw.id, name: raw.name, scale: raw.scale, sourceKinds: raw.sourceKinds, dimensions, file: yaml.file };
}

function checkNesting(id: string, parent: string, place: SourcePlace, issues: InputIssue[]): void {
  const cut = id.lastIndexOf('.');
  if (cut < 0 || id.slice(0, cut) !== parent) issues.push(issueAt(place, msg.idOutOfTree(id, parent)));
}

function checkRule(yaml: YamlFile, path: (string | number)[], rule: Rule, issues: InputIssue[]): void {
  if (rule.range && !(rule.range[0] < rule.range[1])) {
    issues.push(issueAt(yaml.placeOf([...path, 'range']), {
      message: `the range [${rule.range.join(', ')}] is empty or reversed`,
      hint: 'Write the range as [min, max] with min smaller than max.',
    }));
  }
}
