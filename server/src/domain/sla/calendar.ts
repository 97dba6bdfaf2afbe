import { DateTime, IANAZone } from 'luxon';
import { MINUTES_PER_DAY, parseClock } from './local-time.ts';
import { DAY_KEYS, type BusinessCalendar, type DayKey, type TimeRange } from './types.ts';

/** `path` names the field the way the HTTP layer reports it, e.g. `hours.mon[1].end`. */
export type CalendarProblem = { path: string; message: string };

const ALL_DAY: readonly TimeRange[] = [{ start: '00:00', end: '24:00' }];

/** Round the clock in `timezone`: every day 00:00–24:00, no holidays. */
export function CALENDAR_24X7(timezone: string): BusinessCalendar {
  const hours: Record<DayKey, readonly TimeRange[]> = { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY };
  return { timezone, hours, holidays: [] };
}

/** A start in [00:00, 23:59], an end in [00:01, 24:00], start before end. */
function rangeProblems(path: string, start: string, end: string): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const a = parseClock(start);
  const b = parseClock(end);
  if (Number.isNaN(a) || a === MINUTES_PER_DAY) problems.push({ path: `${path}.start`, message: `"${start}" is not a time of day HH:MM (00:00–23:59)` });
  if (Number.isNaN(b)) problems.push({ path: `${path}.end`, message: `"${end}" is not a time of day HH:MM (00:00–24:00)` });
  if (problems.length === 0 && a >= b) {
    problems.push({ path, message: `start ${start} is not before end ${end}; overnight hours are two ranges, e.g. mon 22:00–24:00 and tue 00:00–06:00` });
  }
  return problems;
}

function dayProblems(day: DayKey, ranges: readonly TimeRange[]): CalendarProblem[] {
  const problems = ranges.flatMap((r, i) => rangeProblems(`hours.${day}[${i}]`, r.start, r.end));
  if (problems.length > 0) return problems;
  const sorted = ranges.map((r, i) => ({ ...r, i })).sort((x, y) => parseClock(x.start) - parseClock(y.start));
  // Compare with the range reaching furthest so far, so 09–17 catches both 10–11 and 12–13.
  let reach = sorted[0];
  for (const cur of sorted.slice(1)) {
    if (!reach) break;
    if (parseClock(cur.start) < parseClock(reach.end)) {
      problems.push({ path: `hours.${day}[${cur.i}]`, message: `${cur.start}–${cur.end} overlaps ${reach.start}–${reach.end}` });
    }
    if (parseClock(cur.end) > parseClock(reach.end)) reach = cur;
  }
  return problems;
}

function holidayProblems(cal: BusinessCalendar): CalendarProblem[] {
  return cal.holidays.flatMap((h, i) => {
    const path = `holidays[${i}]`;
    const problems: CalendarProblem[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(h.date) || !DateTime.fromISO(h.date, { zone: 'utc' }).isValid) {
      problems.push({ path: `${path}.date`, message: `"${h.date}" is not a date YYYY-MM-DD` });
    }
    if (h.start !== undefined || h.end !== undefined) {
      problems.push(...rangeProblems(path, h.start ?? '00:00', h.end ?? '24:00'));
    }
    return problems;
  });
}

/**
 * Every problem in a calendar, for the HTTP layer to list at once: unknown time zone, unknown
 * day, malformed times, start not before end, overlapping ranges, bad holiday dates or parts,
 * and no business hours at all (due times would never come).
 */
export function validateCalendar(cal: BusinessCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (!IANAZone.isValidZone(cal.timezone)) {
    problems.push({ path: 'timezone', message: `"${cal.timezone}" is not an IANA time zone (e.g. Europe/Warsaw)` });
  }
  for (const key of Object.keys(cal.hours)) {
    if (!(DAY_KEYS as readonly string[]).includes(key)) problems.push({ path: `hours.${key}`, message: `unknown day "${key}" (use ${DAY_KEYS.join(', ')})` });
  }
  for (const day of DAY_KEYS) problems.push(...dayProblems(day, cal.hours[day] ?? []));
  if (DAY_KEYS.every((d) => (cal.hours[d] ?? []).length === 0)) {
    problems.push({ path: 'hours', message: 'no business hours on any day; use 00:00–24:00 every day for round the clock' });
  }
  problems.push(...holidayProblems(cal));
  return problems;
}
