import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween } from './business-time.ts';
import { CALENDAR_24X7 } from './calendar.ts';
import { at, calendar, EVERY_DAY } from './test-fixtures.ts';

// Europe/Warsaw 2026: spring forward Sun 29 March 02:00 CET → 03:00 CEST (01:00Z);
// fall back Sun 25 October 03:00 CEST → 02:00 CET (01:00Z), so 02:00–03:00 happens twice.
const ZONE = 'Europe/Warsaw';
const daily = (spec: string) => calendar(ZONE, [[EVERY_DAY, spec]]);

type Row = { name: string; spec: string; start: string; minutes: number; due: string };

const ADD: Row[] = [
  // 23:00 CET = 22:00Z; + 4 h = 02:00Z = 04:00 CEST (wall-clock adding would say 03:00).
  { name: '24×7 across spring-forward', spec: '00:00-24:00', start: '2026-03-28T23:00+01:00', minutes: 240, due: '2026-03-29T04:00+02:00' },
  // 23:00 CEST = 21:00Z; + 4 h = 01:00Z, when clocks have just gone back: 02:00 CET.
  { name: '24×7 across fall-back', spec: '00:00-24:00', start: '2026-10-24T23:00+02:00', minutes: 240, due: '2026-10-25T02:00+01:00' },
  // Night shift 00–06 on 29 March lasts 5 real hours (23:00Z–04:00Z): 300 min ends at 06:00 CEST.
  { name: 'night shift 00–06 is 5 hours on the spring day', spec: '00:00-06:00', start: '2026-03-29T00:00+01:00', minutes: 300, due: '2026-03-29T06:00+02:00' },
  // One more minute than the short shift holds: Mon 30 March 00:00 + 30.
  { name: 'night shift spills into the next night', spec: '00:00-06:00', start: '2026-03-29T00:00+01:00', minutes: 330, due: '2026-03-30T00:30+02:00' },
  // Night shift on 25 October lasts 7 real hours (22:00Z–05:00Z): + 400 min = 04:40Z = 05:40 CET.
  { name: 'night shift 00–06 is 7 hours on the fall day', spec: '00:00-06:00', start: '2026-10-25T00:00+02:00', minutes: 400, due: '2026-10-25T05:40+01:00' },
  // Hours 02–03: Sat 28 March gives 60, Sun 29 gives 0 (the hour does not exist), Mon 30 02:00 + 30.
  { name: 'hours 02–03 vanish on the spring day', spec: '02:00-03:00', start: '2026-03-28T02:00+01:00', minutes: 90, due: '2026-03-30T02:30+02:00' },
  // Hours 02–03 on 25 October last two real hours (00:00Z–02:00Z): + 90 = 01:30Z, the second 02:30.
  { name: 'hours 02–03 happen twice on the fall day', spec: '02:00-03:00', start: '2026-10-25T02:00+02:00', minutes: 90, due: '2026-10-25T02:30+01:00' },
  // A range starting in the gap (02:30) opens at the end of the gap, 03:00 CEST; + 30 = 03:30.
  { name: 'a range starting inside the spring gap opens when the gap ends', spec: '02:30-04:00', start: '2026-03-29T00:00+01:00', minutes: 30, due: '2026-03-29T03:30+02:00' },
];

describe('DST in Europe/Warsaw', () => {
  it.each(ADD)('$name', ({ spec, start, minutes, due }) => {
    expect(addBusinessMinutes(at(start), minutes, daily(spec))?.toISOString()).toBe(at(due).toISOString());
  });

  it.each([
    // Whole local days: 29 March has 23 hours, 25 October 25, 30 March 24.
    { spec: '00:00-24:00', from: '2026-03-29T00:00+01:00', to: '2026-03-30T00:00+02:00', minutes: 23 * 60 },
    { spec: '00:00-24:00', from: '2026-10-25T00:00+02:00', to: '2026-10-26T00:00+01:00', minutes: 25 * 60 },
    { spec: '00:00-24:00', from: '2026-03-30T00:00+02:00', to: '2026-03-31T00:00+02:00', minutes: 24 * 60 },
    { spec: '02:00-03:00', from: '2026-03-29T00:00+01:00', to: '2026-03-30T00:00+02:00', minutes: 0 },
    { spec: '02:00-03:00', from: '2026-10-25T00:00+02:00', to: '2026-10-26T00:00+01:00', minutes: 120 },
    // 02:30–04:00 keeps only 03:00–04:00 CEST; 01:00–02:30 keeps only 01:00–02:00 CET.
    { spec: '02:30-04:00', from: '2026-03-29T00:00+01:00', to: '2026-03-30T00:00+02:00', minutes: 60 },
    { spec: '01:00-02:30', from: '2026-03-29T00:00+01:00', to: '2026-03-30T00:00+02:00', minutes: 60 },
    // A repeated time maps to its first occurrence, so on the fall day 02:00–02:30 is 00:00Z–00:30Z
    // and 02:30–03:00 is 00:30Z–02:00Z: 30 + 90 = 120, the same as 02:00–03:00 in one piece.
    { spec: '02:00-02:30', from: '2026-10-25T00:00+02:00', to: '2026-10-26T00:00+01:00', minutes: 30 },
    { spec: '02:30-03:00', from: '2026-10-25T00:00+02:00', to: '2026-10-26T00:00+01:00', minutes: 90 },
  ])('$spec from $from counts $minutes business minutes', ({ spec, from, to, minutes }) => {
    expect(businessMinutesBetween(at(from), at(to), daily(spec))).toBe(minutes);
  });

  it('24×7 in America/New_York: 23:00 EST + 4 h is 04:00 EDT on 8 March 2026', () => {
    // 23:00 EST = 04:00Z; + 4 h = 08:00Z = 04:00 EDT.
    const due = addBusinessMinutes(at('2026-03-07T23:00-05:00'), 240, CALENDAR_24X7('America/New_York'));
    expect(due?.toISOString()).toBe(at('2026-03-08T04:00-04:00').toISOString());
  });
});
