/** Builders for the SLA tests: calendars written the way a person reads them. */
import type { BusinessCalendar, DayKey, Holiday, TimeRange } from './types.ts';

export const MON_FRI: readonly DayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const EVERY_DAY: readonly DayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** '09:00-12:00,13:00-17:00' → ranges. */
export function ranges(spec: string): TimeRange[] {
  return spec.split(',').map((r) => {
    const [start = '', end = ''] = r.split('-');
    return { start, end };
  });
}

/** The same hours on each of `days`; pass several groups for different days. */
export function calendar(timezone: string, groups: [readonly DayKey[], string][], holidays: Holiday[] = []): BusinessCalendar {
  const hours: Partial<Record<DayKey, TimeRange[]>> = {};
  for (const [days, spec] of groups) for (const d of days) hours[d] = [...(hours[d] ?? []), ...ranges(spec)];
  return { timezone, hours, holidays };
}

/** Mon–Fri 09:00–17:00 in Europe/Warsaw unless told otherwise. */
export function office(holidays: Holiday[] = [], timezone = 'Europe/Warsaw'): BusinessCalendar {
  return calendar(timezone, [[MON_FRI, '09:00-17:00']], holidays);
}

/** ISO with offset → Date; expectations are written with the offset the wall clock shows. */
export const at = (iso: string): Date => new Date(iso);
