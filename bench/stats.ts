/** The median of some measurements (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds for a reader: `840 ms`, `3.42 s`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Several runs, in the order they ran: `3.38 · 3.40 · 3.52 s`. */
export function formatRuns(ms: readonly number[]): string {
  if (ms.length === 0) return 'n/a';
  return ms.every((m) => m >= 1000) ? `${ms.map((m) => (m / 1000).toFixed(2)).join(' · ')} s` : `${ms.map((m) => Math.round(m)).join(' · ')} ms`;
}

/** KiB as MiB: `291 MiB`. */
export function formatKiB(kib: number | undefined): string {
  return kib === undefined || !Number.isFinite(kib) ? 'n/a' : `${Math.round(kib / 1024)} MiB`;
}

/** A ratio: `2.35×`. */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a';
}

/** A rate: `41.2`. */
export function formatRate(rate: number): string {
  return Number.isFinite(rate) ? rate.toFixed(1) : 'n/a';
}

/** A Markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const rule = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}
