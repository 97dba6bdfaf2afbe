/**
 * Working hours as the form edits them and as the API keeps them (design §7, Calendar). The
 * form takes an overnight shift as one range, 22:00–06:00; the API wants it as 22:00–24:00
 * that day and 00:00–06:00 the next. An end of 00:00 means midnight (24:00).
 */
import { DAYS, type Day, type TimeRange } from '../../../api/admin.ts';

export type Hours = Record<Day, TimeRange[]>;

const next = (day: Day): Day => DAYS[(DAYS.indexOf(day) + 1) % DAYS.length]!;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The API's hours for the form's: overnight ranges split at midnight, sorted by start. */
export function toApiHours(hours: Hours): Hours {
  const out = Object.fromEntries(DAYS.map((d) => [d, [] as TimeRange[]])) as Hours;
  for (const day of DAYS) {
    for (const { start, end } of hours[day]) {
      if (end === '00:00' || end === '24:00') out[day].push({ start, end: '24:00' });
      else if (minutes(end) <= minutes(start)) {
        out[day].push({ start, end: '24:00' });
        out[next(day)].push({ start: '00:00', end });
      } else out[day].push({ start, end });
    }
  }
  for (const day of DAYS) out[day].sort((a, b) => minutes(a.start) - minutes(b.start));
  return out;
}

/** The form's hours for the API's: 24:00 shown as 00:00 (a time input has no 24:00). */
export function toFormHours(hours: Partial<Record<Day, TimeRange[]>>): Hours {
  return Object.fromEntries(DAYS.map((d) => [d, (hours[d] ?? []).map((r) => ({ start: r.start, end: r.end === '24:00' ? '00:00' : r.end }))])) as Hours;
}

const week = (days: readonly Day[], start: string, end: string): Hours =>
  Object.fromEntries(DAYS.map((d) => [d, days.includes(d) ? [{ start, end }] : []])) as Hours;

/** Common weeks: a European office, an Iranian one (Saturday to Wednesday), a Sunday-to-Thursday one, round the clock. */
export const PRESETS = {
  monFri: () => week(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '17:00'),
  satWed: () => week(['sat', 'sun', 'mon', 'tue', 'wed'], '08:00', '16:00'),
  sunThu: () => week(['sun', 'mon', 'tue', 'wed', 'thu'], '09:00', '17:00'),
  allWeek: () => week(DAYS, '00:00', '00:00'),
} as const;
export type Preset = keyof typeof PRESETS;

/** The working days in the order the week runs for this calendar: from the first one after a closed day (Sat–Wed, not Mon–Wed + Sat–Sun). */
export function workingDays(hours: Partial<Record<Day, TimeRange[]>>): Day[] {
  const open = (d: Day) => (hours[d] ?? []).length > 0;
  const start = DAYS.findIndex((d, i) => open(d) && !open(DAYS[(i + DAYS.length - 1) % DAYS.length]!));
  const from = start < 0 ? 0 : start;
  return [...DAYS.slice(from), ...DAYS.slice(0, from)].filter(open);
}
