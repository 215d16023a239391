import type { InputIssue, SourcePlace } from '../errors/errors.ts';
import { formatPlace } from '../errors/errors.ts';
import { msg } from '../errors/messages.ts';
import { closest } from '../util/text.ts';
import { frameworkIndicators } from './framework-tree.ts';
import type { InputReader } from '../input/read.ts';
import { figuresSchema, type RawFigure, type RawFigureValue, type RawStage } from './schemas/figures.ts';
import type { Framework, FigureBase, LocalisedText, ActorMapFigure, BubbleActor, BubblesFigure, DataFigure, DataFigureKind, FigureDef, FigureKind, FigureSeries, FigureSource, FigureStage, FigureUnit, FigureValue, MapActor } from './types.ts';
import { validateYaml } from '../input/validate.ts';
import { issueAt, type YamlFile } from '../input/yaml-file.ts';

type DataRawFigure = Extract<RawFigure, { kind: DataFigureKind }>;
type Path = (...path: (string | number)[]) => (string | number)[];

/** Units whose values lie on the 0–100 scale. */
const hundredScale: readonly FigureUnit[] = ['percent', 'index', 'score'];

/**
 * Reads `figures.yaml` and checks it against the framework: every text in every locale,
 * dimensions and indicator references known, every series giving exactly one value per category.
 */
export function readFigures(reader: InputReader, path: string, framework: Framework, locales: readonly string[]): FigureDef[] {
  const yaml = reader.yaml(path, 'figures');
  if (!yaml || !validateYaml(yaml, figuresSchema, reader.issues, reader.valid)) return [];
  const raws = yaml.value.figures;
  const check = new FigureChecker(yaml, framework, locales, reader.issues);
  const seen = new Map<string, SourcePlace>();
  return raws.map((raw, f) => {
    const place = yaml.placeOf(['figures', f, 'id']);
    const first = seen.get(raw.id);
    if (first) reader.issues.push(issueAt(place, msg.duplicateId(raw.id, formatPlace(first))));
    else seen.set(raw.id, place);
    return check.figure(raw, f, place);
  });
}

/** The checks of one figures file; pushes issues and builds the typed figures. */
class FigureChecker {
  private readonly indicators: string[];
  private readonly dimensions: string[];

  constructor(
    private readonly yaml: YamlFile,
    framework: Framework,
    private readonly locales: readonly string[],
    private readonly issues: InputIssue[],
  ) {
    this.indicators = frameworkIndicators(framework).map((def) => def.id);
    this.dimensions = framework.dimensions.map((d) => d.id);
  }

  figure(raw: RawFigure, f: number, place: SourcePlace): FigureDef {
    const at = (...path: (string | number)[]) => ['figures', f, ...path];
    this.text(raw.caption, at('caption'));
    if (raw.note) this.text(raw.note, at('note'));
    const source = raw.source === undefined ? undefined : this.source(raw.source, at('source'));
    const base = { id: raw.id, caption: raw.caption, note: raw.note, source, place };
    switch (raw.kind) {
      case 'diamond':
        return { ...base, kind: 'diamond' };
      case 'stages':
        return { ...base, kind: 'stages', stages: this.stages(raw.stages, at) };
      case 'bubbles':
        return { ...base, kind: 'bubbles', ...this.bubbles(raw, at) };
      case 'actor-map':
        return { ...base, kind: 'actor-map', ...this.actorMap(raw, at) };
      case 'subdimensions':
        if (!this.dimensions.includes(raw.dimension)) this.issue(at('dimension'), msg.unknownDimension(raw.dimension, this.dimensions));
        return { ...base, kind: 'subdimensions', dimension: raw.dimension };
      default:
        return { ...base, ...this.data(raw, at) };
    }
  }

  private data(raw: DataRawFigure, at: Path): Omit<DataFigure, keyof FigureBase> {
    const unit = raw.unit;
    if (raw.valueTitle) this.text(raw.valueTitle, at('valueTitle'));
    const categories = raw.categories.map((category, c) => {
      this.text(category.label, at('categories', c, 'label'));
      return { key: category.key, label: category.label };
    });
    this.unique(categories.map((c) => c.key), (c) => at('categories', c, 'key'));
    this.unique(raw.series.map((s) => s.key), (s) => at('series', s, 'key'));
    const keys = categories.map((c) => c.key);
    const series = raw.series.map((entry, s): FigureSeries => {
      this.text(entry.label, at('series', s, 'label'));
      const values = new Map<string, FigureValue>();
      for (const [key, value] of Object.entries(entry.values)) {
        const valuePath = at('series', s, 'values', key);
        if (!keys.includes(key)) {
          this.issue(valuePath, msg.unknownCategory(key, entry.key, keys, closest(key, keys)), true);
          continue;
        }
        values.set(key, this.value(value, valuePath, unit, raw.kind));
      }
      for (const key of keys.filter((k) => !(k in entry.values))) {
        this.issue(at('series', s, 'values'), msg.missingCategoryValue(key, entry.key));
      }
      // Category order, whatever order the values were written in.
      return { key: entry.key, label: entry.label, values: new Map(keys.filter((k) => values.has(k)).map((k) => [k, values.get(k)!])) };
    });
    return { kind: raw.kind, unit, valueTitle: raw.valueTitle, categories, series };
  }

  private stages(raw: readonly RawStage[], at: Path): FigureStage[] {
    this.unique(raw.map((s) => s.key), (s) => at('stages', s, 'key'));
    return raw.map((stage, s) => {
      this.text(stage.label, at('stages', s, 'label'));
      stage.items.forEach((item, i) => this.text(item, at('stages', s, 'items', i)));
      return { key: stage.key, label: stage.label, items: stage.items };
    });
  }

  private bubbles(raw: Extract<RawFigure, { kind: 'bubbles' }>, at: Path): Omit<BubblesFigure, keyof FigureBase | 'kind'> {
    this.text(raw.impactTitle, at('impactTitle'));
    raw.impactLevels?.forEach((level, l) => this.text(level.label, at('impactLevels', l, 'label')));
    const groups = this.labelled(raw.groups, 'groups', at);
    const actors = this.labelled(raw.actors, 'actors', at).map((actor, a): BubbleActor => {
      this.member(actor.group, groups.map((g) => g.key), at('actors', a, 'group'), 'group');
      return { key: actor.key, label: actor.label, group: actor.group, x: actor.x, y: actor.y, impact: actor.impact };
    });
    return { impactTitle: raw.impactTitle, impactLevels: raw.impactLevels, groups: groups.map((g) => ({ key: g.key, label: g.label })), actors };
  }

  private actorMap(raw: Extract<RawFigure, { kind: 'actor-map' }>, at: Path): Omit<ActorMapFigure, keyof FigureBase | 'kind'> {
    const regions = this.labelled(raw.regions, 'regions', at);
    const actors = this.labelled(raw.actors, 'actors', at).map((actor, a): MapActor => {
      this.member(actor.region, regions.map((r) => r.key), at('actors', a, 'region'), 'region');
      return { key: actor.key, label: actor.label, region: actor.region, x: actor.x, y: actor.y };
    });
    return { regions, actors };
  }

  /** Entries with a key and a label: keys unique, labels in every locale. */
  private labelled<T extends { key: string; label: LocalisedText }>(entries: readonly T[], list: string, at: (...path: (string | number)[]) => (string | number)[]): readonly T[] {
    this.unique(entries.map((e) => e.key), (e) => at(list, e, 'key'));
    entries.forEach((entry, e) => this.text(entry.label, at(list, e, 'label')));
    return entries;
  }

  /** A reference to a group or region must name one of the figure's own. */
  private member(key: string, known: readonly string[], path: (string | number)[], what: 'group' | 'region'): void {
    if (!known.includes(key)) this.issue(path, msg.unknownFigureMember(key, what, known, closest(key, known)));
  }

  private value(raw: RawFigureValue, path: (string | number)[], unit: FigureUnit, kind: FigureKind): FigureValue {
    if (raw === null) {
      if (kind !== 'bar') this.issue(path, msg.noValueOutsideBar(kind));
      return { kind: 'none' };
    }
    if (typeof raw === 'number') {
      if (hundredScale.includes(unit) && (raw < 0 || raw > 100)) this.issue(path, msg.figureValueOutOfScale(raw, unit));
      return { kind: 'number', value: raw };
    }
    if (!this.indicators.includes(raw.indicator)) {
      this.issue([...path, 'indicator'], msg.unknownIndicator(raw.indicator, closest(raw.indicator, this.indicators, 1)));
    }
    return { kind: 'indicator', id: raw.indicator };
  }

  private source(raw: string | LocalisedText, path: (string | number)[]): FigureSource {
    if (typeof raw === 'string') return { kind: 'key', key: raw };
    this.text(raw, path);
    return { kind: 'text', text: raw };
  }

  /** Every configured locale has the text. */
  private text(text: LocalisedText, path: (string | number)[]): void {
    for (const locale of this.locales) {
      if (typeof text[locale] !== 'string' || text[locale].trim() === '') this.issue(path, msg.missingLocale(locale));
    }
  }

  private unique(keys: readonly string[], pathOf: (index: number) => (string | number)[]): void {
    const seen = new Map<string, SourcePlace>();
    keys.forEach((key, index) => {
      const place = this.yaml.placeOf(pathOf(index));
      const first = seen.get(key);
      if (first) this.issues.push(issueAt(place, msg.duplicateId(key, formatPlace(first))));
      else seen.set(key, place);
    });
  }

  private issue(path: (string | number)[], message: { message: string; hint: string }, atKey = false): void {
    this.issues.push(issueAt(atKey ? this.yaml.placeOfKey(path) : this.yaml.placeOf(path), message));
  }
}
