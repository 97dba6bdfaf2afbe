/**
 * Median and p90 of a list of durations. The rule is PostgreSQL's `percentile_cont` (linear
 * interpolation between the closest ranks, Hyndman–Fan type 7), so a report can be checked
 * against a plain SQL query: the median of [1, 2, 3, 4] is 2.5, p90 of 1…10 is 9.1.
 */
export type Spread = { count: number; median: number | null; p90: number | null };

/** The p-th (0–1) percentile of `values`, null for an empty list. */
export function percentile(values: readonly number[], p: number): number | null {
  if (p < 0 || p > 1) throw new RangeError(`percentile must be within 0–1, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** Count, median and p90, rounded to hundredths (minutes: well under a second). */
export function spread(values: readonly number[]): Spread {
  return { count: values.length, median: round2(percentile(values, 0.5)), p90: round2(percentile(values, 0.9)) };
}

export function round2(n: number | null): number | null {
  return n === null ? null : Math.round(n * 100) / 100;
}

/** `part` of `whole` in percent with one decimal; null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
