/**
 * Press counts per site, per category, per outcome and on a weekday × hour heatmap in the
 * site's own time zone. The database groups presses into quarter-hour buckets per site,
 * category and outcome (every real time-zone offset is a multiple of 15 minutes, so a bucket
 * never straddles a local hour); here each bucket is placed on its local weekday and hour.
 * Luxon does the zone arithmetic: a fall-back hour repeats (both land in the same local hour),
 * a spring-forward hour has no presses.
 */
import { DateTime } from 'luxon';
import { percentOf } from './percentiles.ts';

export const BUCKET_MS = 15 * 60_000;

export type PressBucket = {
  /** Start of the quarter hour, epoch ms (UTC). */
  bucketMs: number;
  siteId: string;
  timezone: string;
  categoryId: string | null;
  outcome: string;
  count: number;
};

/** Rows Monday…Sunday (ISO weekday − 1), columns local hours 0…23. */
export type Heatmap = number[][];

export function emptyHeatmap(): Heatmap {
  return Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
}

/** Where an instant falls in a zone: ISO weekday (1 = Monday) and hour 0–23. */
export function localSlot(ms: number, timezone: string): { weekday: number; hour: number } {
  const local = DateTime.fromMillis(ms, { zone: timezone });
  const at = local.isValid ? local : DateTime.fromMillis(ms, { zone: 'UTC' });
  return { weekday: at.weekday, hour: at.hour };
}

export function pressHeatmap(buckets: readonly PressBucket[]): Heatmap {
  const map = emptyHeatmap();
  for (const b of buckets) {
    const { weekday, hour } = localSlot(b.bucketMs, b.timezone);
    map[weekday - 1]![hour]! += b.count;
  }
  return map;
}

/** Sums `count` by a key, largest first (ties by key, so the order is stable). */
export function countBy<K extends string | null>(buckets: readonly PressBucket[], key: (b: PressBucket) => K): { key: K; count: number }[] {
  const totals = new Map<K, number>();
  for (const b of buckets) totals.set(key(b), (totals.get(key(b)) ?? 0) + b.count);
  return [...totals].map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
}

export const PRESS_OUTCOME_GROUPS = {
  created: 'ticket', reopened: 'ticket', merged: 'repeat', duplicate: 'accidental', rejected: 'accidental', cancelled: 'cancelled',
} as const satisfies Record<string, string>;
export type OutcomeGroup = (typeof PRESS_OUTCOME_GROUPS)[keyof typeof PRESS_OUTCOME_GROUPS];

/**
 * Button KPIs. Accidental: presses that made no work for anyone (`duplicate` resends of one
 * press, `rejected` ones: rate-limited or malformed). Cancelled: holds that cancelled a ticket
 * before anyone picked it up ("works again", often a press by mistake). Repeat: `merged` into
 * an open ticket of the same branch and category.
 */
export function pressKpis(buckets: readonly PressBucket[]) {
  const byOutcome = countBy(buckets, (b) => b.outcome).map(({ key, count }) => ({
    outcome: key, group: (PRESS_OUTCOME_GROUPS as Record<string, OutcomeGroup>)[key] ?? 'ticket', count,
  }));
  const total = byOutcome.reduce((n, o) => n + o.count, 0);
  const inGroup = (g: OutcomeGroup) => byOutcome.filter((o) => o.group === g).reduce((n, o) => n + o.count, 0);
  return {
    total, byOutcome,
    accidental: inGroup('accidental'), accidentalPercent: percentOf(inGroup('accidental'), total),
    cancelled: inGroup('cancelled'), cancelledPercent: percentOf(inGroup('cancelled'), total),
    repeat: inGroup('repeat'),
  };
}
