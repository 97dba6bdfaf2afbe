import { calendarSpans, normalizePauses, withoutPauses, type Span } from './business-spans.ts';
import type { BusinessCalendar, Interval, Pause } from './types.ts';

const MS_PER_MINUTE = 60_000;

/** The business intervals a walk consumed; touching spans (overnight, 24×7) count as one. */
export type IntervalsUsed = { count: number; first: Interval | null; last: Interval | null };
export type BusinessWalk = { dueAt: Date | null; intervals: IntervalsUsed };

function clockSpans(start: number, cal: BusinessCalendar, pauses: readonly Pause[]): Iterable<Span> {
  return withoutPauses(calendarSpans(start, cal), normalizePauses(pauses));
}

function toMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`business minutes must be ≥ 0, got ${minutes}`);
  return Math.round(minutes * MS_PER_MINUTE);
}

/**
 * The instant at which `minutes` of business time have elapsed since `start`, with the same
 * explanation of which business intervals were used. `dueAt` is null when the clock stops for
 * good first: an open pause (`to: null`), or a calendar with no business hours.
 */
export function walkBusinessTime(start: Date, minutes: number, cal: BusinessCalendar, pauses: readonly Pause[] = []): BusinessWalk {
  let remaining = toMs(minutes);
  const used: Span[] = [];
  const record = (s: Span) => {
    const last = used[used.length - 1];
    if (last && last.end === s.start) last.end = s.end;
    else used.push({ ...s });
  };
  const explain = (): IntervalsUsed => ({ count: used.length, first: interval(used[0]), last: interval(used[used.length - 1]) });
  if (remaining === 0) return { dueAt: new Date(start.getTime()), intervals: explain() };
  for (const span of clockSpans(start.getTime(), cal, pauses)) {
    const length = span.end - span.start;
    // `<=`: a target used up exactly at closing time is due then, not at the next opening.
    if (remaining <= length) {
      record({ start: span.start, end: span.start + remaining });
      return { dueAt: new Date(span.start + remaining), intervals: explain() };
    }
    record(span);
    remaining -= length;
  }
  return { dueAt: null, intervals: explain() };
}

function interval(s: Span | undefined): Interval | null {
  return s ? { from: new Date(s.start), to: new Date(s.end) } : null;
}

/**
 * `start` plus `minutes` of business time: only calendar hours count, holidays and pauses do
 * not. Null when an open pause (`to: null`) or a calendar with no hours stops the clock first.
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar, pauses: readonly Pause[] = []): Date | null {
  return walkBusinessTime(start, minutes, cal, pauses).dueAt;
}

/**
 * Business minutes (fractional) elapsed in [from, to), pauses excluded; 0 when `to ≤ from`.
 * Inverse of `addBusinessMinutes`: between(s, add(s, m)) = m.
 */
export function businessMinutesBetween(from: Date, to: Date, cal: BusinessCalendar, pauses: readonly Pause[] = []): number {
  const end = to.getTime();
  let total = 0;
  for (const span of clockSpans(from.getTime(), cal, pauses)) {
    if (span.start >= end) break;
    total += Math.min(span.end, end) - span.start;
  }
  return total / MS_PER_MINUTE;
}
