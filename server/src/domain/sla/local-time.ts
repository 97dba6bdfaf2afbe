/**
 * Local wall-clock time → real instants, through Luxon only.
 *
 * Rule for DST days: a local time T on date D maps to the earliest instant whose local wall
 * clock shows T or later on D. So a time skipped by spring-forward (02:30 in Warsaw on
 * 2026-03-29) maps to the end of the gap (03:00 CEST): the missing hour is never business time.
 * A time repeated by fall-back (02:30 on 2026-10-25) maps to its first occurrence, so a range
 * 02:00–03:00 that day lasts two real hours. The mapping is monotone, so splitting a range in
 * two never changes its total length.
 */
import { DateTime } from 'luxon';
import { DAY_KEYS, type DayKey } from './types.ts';

export const MINUTES_PER_DAY = 1440;
const CLOCK = /^(\d{2}):(\d{2})$/;

/** 'HH:MM' → minutes after midnight ('24:00' → 1440); NaN when malformed or out of range. */
export function parseClock(text: string): number {
  const m = CLOCK.exec(text);
  if (!m) return Number.NaN;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || minutes > MINUTES_PER_DAY) return Number.NaN;
  return minutes;
}

export type LocalDay = { iso: string; year: number; month: number; day: number; weekday: DayKey; next: string; prev: string };

// Memo caches: the same days and range bounds are converted again and again (every ticket of a
// site walks the same weeks), and a Luxon zone conversion costs ~15 µs. Results depend only on
// the key, so caching keeps the functions pure. Cleared wholesale when large.
const CACHE_LIMIT = 200_000;
const days = new Map<string, LocalDay>();
const instants = new Map<string, Map<string, Map<number, number>>>(); // zone → date → minute → ms

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

function instantsOf(zone: string, iso: string): Map<number, number> {
  const byDate = instants.get(zone) ?? remember(instants, zone, new Map<string, Map<number, number>>());
  return byDate.get(iso) ?? remember(byDate, iso, new Map<number, number>());
}

/** A calendar date ('YYYY-MM-DD') with its weekday and neighbours; calendar maths in UTC. */
export function localDay(iso: string): LocalDay {
  const hit = days.get(iso);
  if (hit) return hit;
  const d = DateTime.fromISO(iso, { zone: 'utc' });
  if (!d.isValid) throw new RangeError(`invalid date ${iso}`);
  const day: LocalDay = {
    iso, year: d.year, month: d.month, day: d.day,
    weekday: DAY_KEYS[d.weekday - 1] as DayKey,
    next: d.plus({ days: 1 }).toISODate() as string,
    prev: d.minus({ days: 1 }).toISODate() as string,
  };
  return remember(days, iso, day);
}

/**
 * A date on or before the local date of `ms` in any zone: offsets are within −12…+14 hours,
 * so the UTC date minus one day never comes after it.
 */
export function dateOnOrBefore(ms: number): string {
  return localDay(new Date(ms).toISOString().slice(0, 10)).prev;
}

/** Epoch ms of local `minute` (0…1440) on `iso` in `zone`, by the DST rule above. */
export function localInstant(zone: string, iso: string, minute: number): number {
  if (minute >= MINUTES_PER_DAY) return localInstant(zone, localDay(iso).next, minute - MINUTES_PER_DAY);
  const cache = instantsOf(zone, iso);
  const hit = cache.get(minute);
  if (hit !== undefined) return hit;
  const { year, month, day } = localDay(iso);
  const wall = { year, month, day, hour: Math.floor(minute / 60), minute: minute % 60 };
  const dt = DateTime.fromObject(wall, { zone });
  if (!dt.isValid) throw new RangeError(`unknown time zone ${zone}`);
  const exists = dt.day === day && dt.hour === wall.hour && dt.minute === wall.minute;
  // Luxon picks either occurrence of a repeated time; getPossibleOffsets lists both.
  const ms = exists
    ? Math.min(...dt.getPossibleOffsets().map((d) => d.toMillis()))
    : endOfGap(zone, wallKey(wall), dt.toMillis());
  return remember(cache, minute, ms);
}

type Wall = { year: number; month: number; day: number; hour: number; minute: number };
const wallKey = (w: Wall): number => (((w.year * 100 + w.month) * 100 + w.day) * 100 + w.hour) * 100 + w.minute;

/**
 * A skipped local time: Luxon moved it forward past the gap (`after`). Bisect for the first
 * instant whose wall clock reads `target` or later, i.e. the moment the clocks jumped.
 */
function endOfGap(zone: string, target: number, after: number): number {
  let lo = after - 2 * 86_400_000; // gaps are at most a day (Samoa, 2011)
  let hi = after;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallKey(DateTime.fromMillis(mid, { zone })) >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}
