/** How the report shows its numbers: durations from minutes, percents, a dash for nothing. */
import type { Translator } from '../../i18n/translator.ts';

export const DASH = '—';

export function minutes(tr: Translator, m: number | null): string {
  return m === null ? DASH : tr.duration(Math.round(m * 60_000));
}

export function percent(tr: Translator, p: number | null): string {
  return p === null ? DASH : tr.number(p / 100, { style: 'percent', maximumFractionDigits: 1 });
}

export function count(tr: Translator, n: number | null): string {
  return n === null ? DASH : tr.number(n, { maximumFractionDigits: 2 });
}

/** A heatmap cell's shade: 0 for no presses, else 1–5 by its share of the busiest cell. */
export function shade(n: number, max: number): number {
  return n === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((n / max) * 5));
}
