import type { LocalisedText } from '../ingest/types.ts';
import type { ChartInput, ChartTable, ChartValue } from './types.ts';
import { localise } from './values.ts';

/** One labelled value of a chart, as alt text and tables list it. */
export interface LabelledValue {
  /** The category's label. */
  label: string;
  /** The value. */
  value: ChartValue;
}

/** The locale-bound helpers every chart kind uses. */
export class ChartContext {
  constructor(readonly input: ChartInput) {}

  get locale(): string {
    return this.input.locale;
  }

  get theme() {
    return this.input.theme;
  }

  /** A `chart.*` UI string of the edition. */
  t(key: string, values?: Record<string, string | number>): string {
    return this.input.messages.t(`chart.${key}`, values);
  }

  /** A data text in the edition's locale. */
  text(text: LocalisedText): string {
    return localise(text, this.locale, this.input.sourceLocale);
  }

  /** "label value; label value" — the items of an alt text. */
  items(values: readonly LabelledValue[]): string {
    return values.map((v) => this.t('altItem', { label: v.label, value: v.value.text })).join(this.t('listSeparator'));
  }

  /** A table of one column per series, from rows of labelled values. */
  table(categoryHeading: string, seriesHeadings: readonly string[], rows: readonly { label: string; values: readonly (ChartValue | undefined)[] }[]): ChartTable {
    return {
      columns: [categoryHeading, ...seriesHeadings],
      rows: rows.map((row) => [row.label, ...row.values.map((value) => value?.text ?? '')]),
    };
  }
}
