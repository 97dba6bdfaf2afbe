import { describe, expect, it } from 'vitest';
import { CALENDAR_24X7, validateCalendar } from './calendar.ts';
import { calendar, MON_FRI, office } from './test-fixtures.ts';
import type { BusinessCalendar } from './types.ts';

describe('CALENDAR_24X7', () => {
  it('opens every day all day in the given zone, with no holidays', () => {
    const cal = CALENDAR_24X7('America/New_York');
    expect(cal.timezone).toBe('America/New_York');
    expect(Object.values(cal.hours)).toEqual(Array(7).fill([{ start: '00:00', end: '24:00' }]));
    expect(cal.holidays).toEqual([]);
    expect(validateCalendar(cal)).toEqual([]);
  });
});

describe('validateCalendar', () => {
  it('accepts office hours, overnight hours, a lunch break and partial holidays', () => {
    const night = calendar('Europe/Warsaw', [[MON_FRI, '22:00-24:00'], [['tue', 'sat'], '00:00-06:00'], [['sun'], '09:00-12:00,13:00-17:00']], [
      { date: '2026-12-24', name: 'Wigilia', start: '13:00' },
      { date: '2026-12-31', name: 'New Year\'s Eve', start: '12:00', end: '24:00' },
    ]);
    expect(validateCalendar(office())).toEqual([]);
    expect(validateCalendar(night)).toEqual([]);
  });

  it.each([
    { problem: 'unknown zone', cal: office([], 'Europe/Atlantis'), path: 'timezone', says: '"Europe/Atlantis" is not an IANA time zone' },
    { problem: 'bad time format', cal: calendar('UTC', [[['mon'], '9:00-17:00']]), path: 'hours.mon[0].start', says: '"9:00" is not a time of day' },
    { problem: 'minutes out of range', cal: calendar('UTC', [[['mon'], '09:00-17:60']]), path: 'hours.mon[0].end', says: '"17:60" is not a time of day' },
    { problem: 'start 24:00', cal: calendar('UTC', [[['mon'], '24:00-24:00']]), path: 'hours.mon[0].start', says: '"24:00" is not a time of day' },
    { problem: 'start after end (overnight in one range)', cal: calendar('UTC', [[['fri'], '22:00-06:00']]), path: 'hours.fri[0]', says: 'start 22:00 is not before end 06:00; overnight hours are two ranges' },
    { problem: 'empty range', cal: calendar('UTC', [[['fri'], '10:00-10:00']]), path: 'hours.fri[0]', says: 'start 10:00 is not before end 10:00' },
    { problem: 'overlap', cal: calendar('UTC', [[['tue'], '09:00-17:00,16:00-18:00']]), path: 'hours.tue[1]', says: '16:00–18:00 overlaps 09:00–17:00' },
    { problem: 'no hours at all', cal: { timezone: 'UTC', hours: { mon: [] }, holidays: [] }, path: 'hours', says: 'no business hours on any day' },
    { problem: 'impossible holiday date', cal: office([{ date: '2026-02-30', name: 'Nope' }]), path: 'holidays[0].date', says: '"2026-02-30" is not a date YYYY-MM-DD' },
    { problem: 'holiday date format', cal: office([{ date: '30.12.2026', name: 'Nope' }]), path: 'holidays[0].date', says: 'is not a date' },
    { problem: 'holiday part backwards', cal: office([{ date: '2026-12-31', name: 'Eve', start: '15:00', end: '12:00' }]), path: 'holidays[0]', says: 'start 15:00 is not before end 12:00' },
  ])('reports $problem at $path', ({ cal, path, says }) => {
    const problems = validateCalendar(cal);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe(path);
    expect(problems[0]?.message).toContain(says);
  });

  it('reports an unknown day key from loosely typed input', () => {
    const cal = { timezone: 'UTC', hours: { mon: [{ start: '09:00', end: '17:00' }], funday: [] }, holidays: [] } as unknown as BusinessCalendar;
    expect(validateCalendar(cal)).toEqual([{ path: 'hours.funday', message: 'unknown day "funday" (use mon, tue, wed, thu, fri, sat, sun)' }]);
  });

  it('lists every problem at once, and every range a long one overlaps', () => {
    const cal = calendar('Nowhere/City', [[['wed'], '09:00-17:00,10:00-11:00,12:00-13:00']], [{ date: '2026-13-01', name: 'x' }]);
    expect(validateCalendar(cal).map((p) => p.path)).toEqual(['timezone', 'hours.wed[1]', 'hours.wed[2]', 'holidays[0].date']);
  });
});
