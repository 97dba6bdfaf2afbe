/**
 * The calendar as a stream of open spans of real time, with holidays and pauses cut out.
 * Spans are epoch-ms pairs [start, end); each day's local ranges become instants through
 * `localInstant` (Luxon), so DST days are as long as they really are.
 */
import { dateOnOrBefore, localDay, localInstant, MINUTES_PER_DAY, parseClock } from './local-time.ts';
import { DAY_KEYS, type BusinessCalendar, type DayKey, type Pause } from './types.ts';

export type Span = { start: number; end: number };
type Ranges = [number, number][];

/** A calendar with its clock strings parsed once per call. */
type Prepared = { zone: string; weekly: Map<DayKey, Ranges>; closed: Map<string, Ranges>; open: boolean };

// A calendar whose hours exist but are all covered by holidays for this long is treated as
// never open, so a walk cannot loop forever.
const MAX_CLOSED_DAYS = 3 * 366;

/** Sorted, overlapping or touching ranges merged; malformed or empty ranges dropped. */
function normalizeRanges(ranges: Ranges): Ranges {
  const sorted = ranges.filter(([a, b]) => a < b).sort((x, y) => x[0] - y[0]);
  const out: Ranges = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function subtract(ranges: Ranges, cuts: Ranges): Ranges {
  let out = ranges;
  for (const [ca, cb] of cuts) {
    out = out.flatMap(([a, b]): Ranges => [[a, Math.min(b, ca)], [Math.max(a, cb), b]]).filter(([a, b]) => a < b);
  }
  return out;
}

// Calendars are values: parsed once per calendar object (callers never mutate them in place).
const prepared = new WeakMap<BusinessCalendar, Prepared>();

function prepare(cal: BusinessCalendar): Prepared {
  const hit = prepared.get(cal);
  if (hit) return hit;
  const weekly = new Map<DayKey, Ranges>();
  for (const key of DAY_KEYS) {
    const ranges = (cal.hours[key] ?? []).map((r): [number, number] => [parseClock(r.start), parseClock(r.end)]);
    weekly.set(key, normalizeRanges(ranges));
  }
  const closed = new Map<string, Ranges>();
  for (const h of cal.holidays) {
    // A holiday with only `start` is closed until midnight; with only `end`, from midnight.
    const cut: [number, number] = [h.start ? parseClock(h.start) : 0, h.end ? parseClock(h.end) : MINUTES_PER_DAY];
    closed.set(h.date, [...(closed.get(h.date) ?? []), cut]);
  }
  const open = [...weekly.values()].some((r) => r.length > 0);
  const result = { zone: cal.timezone, weekly, closed, open };
  prepared.set(cal, result);
  return result;
}

/** Open spans of the calendar from `fromMs` on, in order, clipped at `fromMs`; endless. */
export function* calendarSpans(fromMs: number, cal: BusinessCalendar): Generator<Span> {
  const p = prepare(cal);
  if (!p.open) return;
  let iso = dateOnOrBefore(fromMs);
  for (let closedDays = 0; closedDays <= MAX_CLOSED_DAYS; closedDays++) {
    const day = localDay(iso);
    const ranges = subtract(p.weekly.get(day.weekday) ?? [], p.closed.get(iso) ?? []);
    for (const [a, b] of ranges) {
      const start = Math.max(localInstant(p.zone, iso, a), fromMs);
      const end = localInstant(p.zone, iso, b);
      if (end <= start) continue;
      closedDays = 0;
      yield { start, end };
    }
    iso = day.next;
  }
}

/** Pauses as sorted, merged spans; an open pause ends at +∞. Empty pauses are dropped. */
export function normalizePauses(pauses: readonly Pause[]): Span[] {
  const spans = pauses
    .map((p) => ({ start: p.from.getTime(), end: p.to === null ? Number.POSITIVE_INFINITY : p.to.getTime() }))
    .filter((s) => s.start < s.end)
    .sort((x, y) => x.start - y.start);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** `spans` with the (normalized) pauses cut out; stops for good at an open pause. */
export function* withoutPauses(spans: Iterable<Span>, pauses: readonly Span[]): Generator<Span> {
  let first = 0;
  for (const span of spans) {
    while ((pauses[first]?.end ?? Number.POSITIVE_INFINITY) <= span.start) first++;
    let start = span.start;
    for (let i = first; start < span.end; i++) {
      const pause = pauses[i];
      if (!pause || pause.start >= span.end) {
        yield { start, end: span.end };
        break;
      }
      if (pause.start > start) yield { start, end: pause.start };
      if (pause.end === Number.POSITIVE_INFINITY) return;
      start = Math.max(start, pause.end);
    }
  }
}
