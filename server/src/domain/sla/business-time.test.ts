import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween } from './business-time.ts';
import { CALENDAR_24X7 } from './calendar.ts';
import { at, calendar, MON_FRI, office } from './test-fixtures.ts';
import type { BusinessCalendar } from './types.ts';

type Row = { name: string; cal: BusinessCalendar; start: string; minutes: number; due: string };

// Every expectation worked out by hand; the comment is the working.
const ROWS: Row[] = [
  // Fri 16:30–17:00 = 30, Mon 09:00 + 90 = 10:30. Warsaw is on CET (+01:00) in early March.
  { name: 'Friday 16:30 + 120 on Mon–Fri 09–17 → Monday 10:30', cal: office(), start: '2026-03-06T16:30+01:00', minutes: 120, due: '2026-03-09T10:30+01:00' },
  // Fri 30, Sat/Sun closed, Mon 9 March a holiday, Tue 09:00 + 90.
  { name: 'a whole-day holiday on the Monday moves it to Tuesday', cal: office([{ date: '2026-03-09', name: 'Closed' }]), start: '2026-03-06T16:30+01:00', minutes: 120, due: '2026-03-10T10:30+01:00' },
  // Easter Monday 2026-04-06; CEST (+02:00) since 29 March. Fri 30, Tue 09:00 + 90.
  { name: 'Easter Monday in Poland', cal: office([{ date: '2026-04-06', name: 'Easter Monday' }]), start: '2026-04-03T16:30+02:00', minutes: 120, due: '2026-04-07T10:30+02:00' },
  // Monday closed 09:00–12:00: Fri 30, Mon 12:00 + 90 = 13:30.
  { name: 'a partial holiday closes only part of the day', cal: office([{ date: '2026-03-09', name: 'Stocktaking', start: '09:00', end: '12:00' }]), start: '2026-03-06T16:30+01:00', minutes: 120, due: '2026-03-09T13:30+01:00' },
  // Christmas Eve (Thu) closed from 13:00, Christmas (Fri) closed: Thu 12–13 = 60, Mon 28 09:00 + 60.
  { name: 'a holiday with only a start closes until midnight', cal: office([{ date: '2026-12-24', name: 'Wigilia', start: '13:00' }, { date: '2026-12-25', name: 'Christmas' }]), start: '2026-12-24T12:00+01:00', minutes: 120, due: '2026-12-28T10:00+01:00' },
  // Monday closed until 11:00: Fri 30, Mon 11:00 + 90 = 12:30.
  { name: 'a holiday with only an end closes from midnight', cal: office([{ date: '2026-03-09', name: 'Late opening', end: '11:00' }]), start: '2026-03-06T16:30+01:00', minutes: 120, due: '2026-03-09T12:30+01:00' },
  // Saturday is closed: the clock starts Monday 09:00.
  { name: 'a start outside hours waits for the next opening', cal: office(), start: '2026-03-07T12:00+01:00', minutes: 30, due: '2026-03-09T09:30+01:00' },
  // 16:30 + 30 is exactly closing time: due then, not at Monday's opening.
  { name: 'a target used up at closing time is due at closing time', cal: office(), start: '2026-03-06T16:30+01:00', minutes: 30, due: '2026-03-06T17:00+01:00' },
  { name: 'zero minutes is the start itself, even when closed', cal: office(), start: '2026-03-07T12:00+01:00', minutes: 0, due: '2026-03-07T12:00+01:00' },
  // 45 s = 0.75 min: fractional minutes are kept to the millisecond.
  { name: 'fractional minutes', cal: office(), start: '2026-03-09T09:00+01:00', minutes: 0.75, due: '2026-03-09T09:00:45+01:00' },
  // 3 weeks × 5 × 480 = 7200 ends Fri 20 March 17:00; + 60 on Mon 23 March.
  { name: 'a target longer than a week (3 weeks + 1 h)', cal: office(), start: '2026-03-02T09:00+01:00', minutes: 7260, due: '2026-03-23T10:00+01:00' },
  // Two full weeks across the spring change: ends exactly Fri 3 April 17:00 CEST.
  { name: 'two business weeks across the DST change', cal: office(), start: '2026-03-23T09:00+01:00', minutes: 4800, due: '2026-04-03T17:00+02:00' },
  // 7 × 24 h of real time; the wall clock skips 29 March 02:00–03:00, so it reads 13:00.
  { name: '24×7: a week across spring-forward is 168 real hours', cal: CALENDAR_24X7('Europe/Warsaw'), start: '2026-03-25T12:00+01:00', minutes: 10080, due: '2026-04-01T13:00+02:00' },
  { name: '24×7 UTC across midnight', cal: CALENDAR_24X7('UTC'), start: '2026-01-31T23:30Z', minutes: 90, due: '2026-02-01T01:00Z' },
  // New York springs forward Sun 8 March 2026: Friday is EST (−05:00), Monday EDT (−04:00).
  { name: 'America/New_York Friday → Monday across spring-forward', cal: office([], 'America/New_York'), start: '2026-03-06T16:30-05:00', minutes: 120, due: '2026-03-09T10:30-04:00' },
  // New York falls back Sun 1 November 2026: Friday EDT, Monday EST.
  { name: 'America/New_York Friday → Monday across fall-back', cal: office([], 'America/New_York'), start: '2026-10-30T16:30-04:00', minutes: 120, due: '2026-11-02T10:30-05:00' },
  // Night desk Mon–Fri 22–24 and Tue–Sat 00–06: Fri 23–24 = 60, Sat 00–06 = 360, Mon 22:00 + 60.
  { name: 'overnight hours, Friday night into the next week', cal: calendar('Europe/Warsaw', [[MON_FRI, '22:00-24:00'], [['tue', 'wed', 'thu', 'fri', 'sat'], '00:00-06:00']]), start: '2026-03-06T23:00+01:00', minutes: 480, due: '2026-03-09T23:00+01:00' },
  // Mon 23:30–24:00 = 30, Tue 00:00 + 30: midnight is no gap.
  { name: 'overnight hours across midnight', cal: calendar('Europe/Warsaw', [[MON_FRI, '22:00-24:00'], [['tue', 'wed', 'thu', 'fri', 'sat'], '00:00-06:00']]), start: '2026-03-09T23:30+01:00', minutes: 60, due: '2026-03-10T00:30+01:00' },
  // Iran works Sat–Wed; Tehran is +03:30 all year. Wed 15–16 = 60, Sat 7 March 08:00 + 60.
  { name: 'Saturday–Wednesday week in Asia/Tehran', cal: calendar('Asia/Tehran', [[['sat', 'sun', 'mon', 'tue', 'wed'], '08:00-16:00']]), start: '2026-03-04T15:00+03:30', minutes: 120, due: '2026-03-07T09:00+03:30' },
  // Israel works Sun–Thu and moves to IDT (+03:00) on Fri 27 March 2026: Thu 16–17 = 60, Sun 08:00 + 60.
  { name: 'Sunday–Thursday week in Asia/Jerusalem across its DST change', cal: calendar('Asia/Jerusalem', [[['sun', 'mon', 'tue', 'wed', 'thu'], '08:00-17:00']]), start: '2026-03-26T16:00+02:00', minutes: 120, due: '2026-03-29T09:00+03:00' },
  // Riyadh: Sun–Thu, +03:00, no DST. Thu 5 March 16–17 = 60, Sun 8 March 08:00 + 60.
  { name: 'Sunday–Thursday week in Asia/Riyadh', cal: calendar('Asia/Riyadh', [[['sun', 'mon', 'tue', 'wed', 'thu'], '08:00-17:00']]), start: '2026-03-05T16:00+03:00', minutes: 120, due: '2026-03-08T09:00+03:00' },
  // Split day 09–12, 13–17: 11:00–12:00 = 60, 13:00 + 30.
  { name: 'a lunch break is not business time', cal: calendar('Europe/Warsaw', [[MON_FRI, '09:00-12:00,13:00-17:00']]), start: '2026-03-09T11:00+01:00', minutes: 90, due: '2026-03-09T13:30+01:00' },
];

describe('addBusinessMinutes', () => {
  it.each(ROWS)('$name', ({ cal, start, minutes, due }) => {
    expect(addBusinessMinutes(at(start), minutes, cal)?.toISOString()).toBe(at(due).toISOString());
    // And back: the business time between start and due is the target.
    expect(businessMinutesBetween(at(start), at(due), cal)).toBe(minutes);
  });

  it('never comes when the calendar has no hours', () => {
    expect(addBusinessMinutes(at('2026-03-09T09:00Z'), 1, { timezone: 'UTC', hours: {}, holidays: [] })).toBeNull();
  });

  it('refuses negative or non-finite minutes', () => {
    expect(() => addBusinessMinutes(at('2026-03-09T09:00Z'), -1, office())).toThrow(RangeError);
    expect(() => addBusinessMinutes(at('2026-03-09T09:00Z'), Number.NaN, office())).toThrow(RangeError);
  });

  it('refuses an unknown time zone', () => {
    expect(() => addBusinessMinutes(at('2026-03-09T09:00Z'), 1, office([], 'Mars/Olympus'))).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  it('counts a business week as 5 × 480 minutes', () => {
    expect(businessMinutesBetween(at('2026-03-09T00:00+01:00'), at('2026-03-16T00:00+01:00'), office())).toBe(2400);
  });

  it('counts an overnight shift as one 8-hour stretch', () => {
    const night = calendar('Europe/Warsaw', [[MON_FRI, '22:00-24:00'], [['tue', 'wed', 'thu', 'fri', 'sat'], '00:00-06:00']]);
    expect(businessMinutesBetween(at('2026-03-09T12:00+01:00'), at('2026-03-10T12:00+01:00'), night)).toBe(480);
  });

  it('is 0 when `to` is not after `from`', () => {
    expect(businessMinutesBetween(at('2026-03-09T12:00+01:00'), at('2026-03-09T10:00+01:00'), office())).toBe(0);
  });
});
