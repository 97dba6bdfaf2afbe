import { z } from 'zod';
import { calendars } from '../../db/schema.ts';
import { CALENDAR_24X7, validateCalendar } from '../../domain/sla/index.ts';
import { crudRoutes } from '../crud.ts';
import { patchOf } from './patch-of.ts';
import { TimeZone } from './sites.ts';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM (24:00 allowed as an end)');
const Range = z.strictObject({ start: Time, end: Time });
const Day = z.array(Range).max(8).default([]);
const Hours = z.strictObject({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day });
const Holiday = z.strictObject({
  date: z.iso.date('must be a date YYYY-MM-DD'), name: z.string().trim().min(1).max(200), start: Time.optional(), end: Time.optional(),
});

export const CalendarInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  timezone: TimeZone,
  hours: Hours,
  holidays: z.array(Holiday).max(1000).default([]),
});

export const CalendarPatch = patchOf(CalendarInput);

/** Calendars: business hours and holidays in a time zone (design §4). Managers may edit them. */
export const calendarRoutes = () => crudRoutes({
  entity: 'calendar',
  table: calendars,
  create: CalendarInput,
  patch: CalendarPatch,
  writeRoles: ['admin', 'manager'],
  // A patch of holidays alone is checked against open-all-week hours, so only its own problems show.
  check: (input) => (input.hours || input.holidays
    ? validateCalendar({
      timezone: String(input.timezone ?? 'UTC'),
      hours: (input.hours ?? CALENDAR_24X7('UTC').hours) as never,
      holidays: (input.holidays ?? []) as never,
    }).map((p) => `${p.path}: ${p.message}`)
    : []),
  conflictMessage: 'a calendar with this name already exists',
  inUseMessage: 'the calendar is used by a site or an SLA policy; change those first',
});
