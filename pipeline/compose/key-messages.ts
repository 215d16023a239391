import { untranslatedMark } from '../format/untranslated.ts';
import { markdownToBlocks } from './markdown.ts';
import type { ComposeState } from './context.ts';
import { renderTemplate } from './narrative.ts';
import type { Block } from '../document/types.ts';

/** Helpers that print a number held by the data; a key message must use at least one. */
const BOUND_NUMBER = /\{\{\s*(score|number|fact|raw)\s/;

/** How many key messages a brief has: few enough to read in a minute, enough to say something. */
export const KEY_MESSAGES = { min: 3, max: 5 } as const;

/**
 * The brief's numbered key messages, from the `key-messages` list of lists.yaml: each one
 * sentence with the number that proves it, bound to the data. Fewer than three or more than
 * five, or a message with no bound number, is an input error at its line.
 */
export function keyMessageRows(state: ComposeState): Block[] {
  const { dataset, locale } = state.input;
  const items = dataset.content.get(locale)?.lists.get('key-messages') ?? [];
  const file = `${dataset.config.dataDir}/countries/${dataset.country.id}/narrative/${dataset.config.sourceLocale}/lists.yaml`;
  if (items.length < KEY_MESSAGES.min || items.length > KEY_MESSAGES.max) {
    state.issues.push({
      place: items[0]?.place ?? { file },
      message: `the brief needs ${KEY_MESSAGES.min} to ${KEY_MESSAGES.max} key messages, and "key-messages" has ${items.length}`,
      hint: `Write ${KEY_MESSAGES.min}–${KEY_MESSAGES.max} items under "key-messages:" in ${file}, one sentence each.`,
      severity: 'error',
    });
  }
  return items.map((item, index): Block => {
    if (!BOUND_NUMBER.test(item.text)) {
      state.issues.push({
        place: item.place,
        message: `the key message "${item.id}" has no number from the data`,
        hint: 'Prove it with one number bound to the data, e.g. {{score "2.4"}} or {{fact "key"}}; never type the number.',
        severity: 'error',
      });
    }
    const rendered = renderTemplate(state, { path: item.place.file, name: item.id, text: item.text }, {}) ?? item.text;
    // A missing translation has the source text standing in, marked (translate/policy.ts).
    const text = item.untranslated ? `${untranslatedMark(dataset.config.sourceLocale)}${rendered}` : rendered;
    const blocks = markdownToBlocks(text, locale, state.nextFootnote, item.place, `key-message-${item.id}`);
    const paragraph = blocks.items.find((b) => b.kind === 'paragraph');
    const inlines = paragraph && paragraph.kind === 'paragraph' ? paragraph.inlines : [{ kind: 'text' as const, text }];
    return {
      kind: 'aside-row',
      side: [{ kind: 'pullout', value: String(index + 1), label: '' }],
      main: [{ kind: 'paragraph', inlines, source: item.place }],
      rule: index < items.length - 1,
    };
  });
}
