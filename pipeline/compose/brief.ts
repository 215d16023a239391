import { formatPercent } from '../format/number.ts';
import { pickRank } from '../score/rank.ts';
import { findNode } from '../ingest/framework.ts';
import { localised, type ComposeState } from './context.ts';
import { coverBlock } from './generated.ts';
import { renderNarrative } from './narrative.ts';
import { countryFile, emptySection, sourceNarrative } from './empty.ts';
import type { Block, Inline } from './types.ts';

/** The generated parts of the Policy Action Brief. */
export function briefBlocks(state: ComposeState, kind: string): Block[] {
  const { dataset, scores, locale, messages } = state.input;
  const content = dataset.content.get(locale)!;
  const snippet = (name: string, prefix: string) => {
    const file = content.brief.get(name);
    return file ? renderNarrative(state, file, prefix) : [];
  };
  const list = (key: string): Block[] => {
    const items = content.lists.get(key) ?? [];
    return items.length === 0 ? [] : renderNarrative(state, { path: items[0]!.place.file, name: key, text: `{{list "${key}"}}` }, key);
  };
  /** A heading over a list, or a warning and nothing when the list is empty. */
  const listSection = (key: string, heading: Block & { kind: 'heading' }): Block[] => {
    const blocks = list(key);
    if (blocks.length > 0) return [heading, ...blocks];
    emptySection(state, heading.text, sourceNarrative(state, 'lists.yaml'), `Write the list "${key}" in it: items with an id and a text`);
    return [];
  };
  switch (kind) {
    case 'title-block': {
      const cover = coverBlock(state, 'document.briefSubtitle', undefined, true);
      return [
        { ...cover, title: localised(state, dataset.country.extra.briefTitle as Record<string, string>) || cover.subtitle, subtitle: messages.t('document.series') },
        { kind: 'heading', level: 2, text: messages.t('document.brief.keyMessage'), anchor: 'key-message', inContents: true },
      ];
    }
    case 'diamond': {
      const figure = state.input.figures.get('1');
      const blocks: Block[] = [{ kind: 'heading', level: 2, text: messages.t('document.brief.diamond'), anchor: 'diamond', inContents: true }];
      if (figure) {
        blocks.push({ kind: 'figure', id: figure.id, anchor: 'figure-brief-diamond', caption: messages.t('document.figureCaption', { id: figure.id, caption: figure.caption }), chart: figure.chart, alt: figure.alt });
      } else {
        emptySection(state, `${messages.t('document.brief.diamond')}: figure 1`, countryFile(state, 'figures.yaml'), 'Add figure "1" (kind: diamond, with a caption) to it; the brief and the report\'s cover show it');
      }
      blocks.push({
        kind: 'table', anchor: 'brief-scores', caption: messages.t('document.brief.scores'),
        header: [{ text: messages.t('document.brief.dimension') }, { text: messages.t('document.brief.score'), align: 'right' }],
        widths: [4, 1],
        rows: dataset.framework.dimensions.map((d) => {
          const score = scores.byId.get(d.id)!;
          return [{ text: localised(state, d.name) }, { text: formatPercent(score.score, locale, score.decimals), align: 'right' }];
        }),
      });
      return blocks;
    }
    case 'key-findings': {
      const blocks: Block[] = [{ kind: 'heading', level: 2, text: messages.t('document.brief.findings'), anchor: 'findings', inContents: true }];
      for (const dimension of dataset.framework.dimensions) {
        const score = scores.byId.get(dimension.id)!;
        if (score.level === 'indicator') continue;
        const children = score.inputs.map((input) => scores.byId.get(input.id)!);
        const strongest = scores.byId.get(pickRank(children, 1))!;
        const weakest = scores.byId.get(pickRank(children, -1))!;
        const name = (id: string) => localised(state, findNode(dataset.framework, id)?.name);
        const derived: Inline[] = [
          { kind: 'text', text: messages.t('document.brief.strongest', { name: name(strongest.id), score: formatPercent(strongest.score, locale, strongest.decimals) }) },
          { kind: 'text', text: ' ' },
          { kind: 'text', text: messages.t('document.brief.weakest', { name: name(weakest.id), score: formatPercent(weakest.score, locale, weakest.decimals) }) },
        ];
        // The snippet opens with the dimension's name and score in bold; the derived line follows it.
        const finding = snippet(`finding-${dimension.id}`, `finding-${dimension.id}`);
        if (finding.length === 0) emptySection(state, `${messages.t('document.brief.findings')}: ${name(dimension.id)}`, sourceNarrative(state, `brief/finding-${dimension.id}.md`), `Write the finding on dimension ${dimension.id} in it; only the derived line is printed until then`);
        blocks.push(...finding, { kind: 'paragraph', style: 'small', inlines: derived });
      }
      return blocks;
    }
    case 'strengths-weaknesses':
      return [
        ...listSection('strengths', { kind: 'heading', level: 2, text: messages.t('document.brief.strengths'), anchor: 'strengths', inContents: true }),
        ...listSection('weaknesses', { kind: 'heading', level: 2, text: messages.t('document.brief.weaknesses'), anchor: 'weaknesses', inContents: true }),
      ];
    case 'recommendations': {
      const blocks: Block[] = [{ kind: 'heading', level: 2, text: messages.t('document.brief.recommendations'), anchor: 'recommendations', inContents: true }];
      for (const key of [...content.lists.keys()].filter((k) => k.startsWith('recommendations.'))) {
        const actor = key.slice('recommendations.'.length);
        blocks.push({ kind: 'heading', level: 3, text: messages.t(`document.brief.actors.${actor}`), anchor: `rec-${actor}`, inContents: false }, ...list(key));
      }
      if (blocks.length === 1) {
        emptySection(state, messages.t('document.brief.recommendations'), sourceNarrative(state, 'lists.yaml'), 'Write the recommendations by actor in it: "recommendations:" with a list per actor (civil-society, government, donors)');
        return [];
      }
      return blocks;
    }
    case 'about': {
      const about = snippet('about', 'about');
      if (about.length === 0) {
        emptySection(state, messages.t('document.brief.about'), sourceNarrative(state, 'brief/about.md'), 'Write who carried out the study and how in it');
        return [];
      }
      return [{ kind: 'heading', level: 2, text: messages.t('document.brief.about'), anchor: 'about', inContents: true }, ...about];
    }
    default:
      return [];
  }
}
