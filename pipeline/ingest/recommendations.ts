import { formatPlace } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import { findNode } from './framework-tree.ts';
import type { InputReader } from '../input/read.ts';
import { briefSchema, recommendationsSchema } from './schemas/brief.ts';
import type { BriefChoices, Framework, PriorityChoice, Recommendation } from './types.ts';
import { validateYaml } from '../input/validate.ts';
import { issueAt } from '../input/yaml-file.ts';

/** The same words, whatever the spacing, case and final full stop. */
const normalised = (text: string) => text.toLocaleLowerCase().replace(/\s+/g, ' ').replace(/[.。]\s*$/, '').trim();

/**
 * Reads `recommendations.yaml`. A recommendation given twice — the same id, or the same title
 * or text in any language, under one actor or two — is an input error at the second one,
 * naming the first: the report and the brief must not repeat themselves.
 */
export function readRecommendations(reader: InputReader, path: string, framework: Framework | undefined): Recommendation[] {
  if (!reader.exists(path)) return [];
  const yaml = reader.yaml(path, 'recommendations');
  if (!yaml || !validateYaml(yaml, recommendationsSchema, reader.issues, reader.valid)) return [];
  const entries = yaml.value.recommendations;
  const ids = new Map<string, Recommendation>();
  const texts = new Map<string, Recommendation>();
  const out: Recommendation[] = [];
  entries.forEach((entry, index) => {
    const recommendation: Recommendation = { ...entry, place: yaml.placeOf(['recommendations', index]) };
    const first = ids.get(entry.id);
    if (first) {
      reader.issues.push(issueAt(yaml.placeOf(['recommendations', index, 'id']), msg.duplicateId(entry.id, formatPlace(first.place))));
      return;
    }
    ids.set(entry.id, recommendation);
    for (const field of ['title', 'text'] as const) {
      for (const [locale, text] of Object.entries(entry[field])) {
        const key = `${field}|${locale}|${normalised(text)}`;
        const same = texts.get(key);
        if (same) {
          reader.issues.push(issueAt(yaml.placeOf(['recommendations', index, field, locale]), msg.duplicateRecommendation(entry.id, same.id, field, formatPlace(same.place))));
        } else texts.set(key, recommendation);
      }
    }
    entry.addresses.forEach((id, i) => {
      const node = framework && findNode(framework, id);
      if (framework && (!node || !('indicators' in node))) reader.issues.push(issueAt(yaml.placeOf(['recommendations', index, 'addresses', i]), msg.notASubdimension(id)));
    });
    out.push(recommendation);
  });
  return out;
}

/**
 * Reads `brief.yaml`, checking every id against the framework and the recommendations. An
 * absent file is no choice: the brief then derives its priorities from the scores.
 */
export function readBriefChoices(reader: InputReader, path: string, framework: Framework | undefined, recommendations: readonly Recommendation[]): BriefChoices {
  if (!reader.exists(path)) return {};
  const yaml = reader.yaml(path, 'brief');
  if (!yaml || !validateYaml(yaml, briefSchema, reader.issues, reader.valid)) return { file: path };
  const raw = yaml.value;
  const priorities = raw.priorities?.map((p, index): PriorityChoice => ({ ...p, place: yaml.placeOf(['priorities', index]) }));
  priorities?.forEach((priority, index) => {
    const node = framework && findNode(framework, priority.subdimension);
    if (framework && (!node || !('indicators' in node))) reader.issues.push(issueAt(yaml.placeOf(['priorities', index, 'subdimension']), msg.notASubdimension(priority.subdimension)));
    const earlier = priorities.findIndex((p) => p.subdimension === priority.subdimension);
    if (earlier < index) reader.issues.push(issueAt(yaml.placeOf(['priorities', index, 'subdimension']), msg.duplicateId(priority.subdimension, formatPlace(priorities[earlier]!.place))));
    priority.evidence?.forEach((evidence, e) => {
      if (framework && !findNode(framework, evidence.id)) reader.issues.push(issueAt(yaml.placeOf(['priorities', index, 'evidence', e, 'id']), msg.unknownScoreId(evidence.id)));
    });
  });
  raw.urgent?.forEach((id, index) => {
    if (!recommendations.some((r) => r.id === id)) reader.issues.push(issueAt(yaml.placeOf(['urgent', index]), msg.unknownRecommendation(id, recommendations.map((r) => r.id))));
  });
  return { priorities, urgent: raw.urgent, file: path };
}
