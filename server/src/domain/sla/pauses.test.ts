import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween } from './business-time.ts';
import { CALENDAR_24X7 } from './calendar.ts';
import { at, office } from './test-fixtures.ts';
import type { BusinessCalendar, Pause } from './types.ts';

type Row = { name: string; cal: BusinessCalendar; start: string; minutes: number; pauses: [string, string | null][]; due: string | null };

const pause = ([from, to]: [string, string | null]): Pause => ({ from: at(from), to: to === null ? null : at(to) });

const ROWS: Row[] = [
  // 24×7: Fri 18–19 = 60, paused until Mon 08:00, then 180 more → Mon 11:00.
  { name: '24×7, a pause over the weekend', cal: CALENDAR_24X7('Europe/Warsaw'), start: '2026-03-06T18:00+01:00', minutes: 240, pauses: [['2026-03-06T19:00+01:00', '2026-03-09T08:00+01:00']], due: '2026-03-09T11:00+01:00' },
  // Office hours: Fri 15–16 = 60, paused until Mon 10:00, then 180 → 13:00.
  { name: 'office hours, a pause from Friday to Monday 10:00', cal: office(), start: '2026-03-06T15:00+01:00', minutes: 240, pauses: [['2026-03-06T16:00+01:00', '2026-03-09T10:00+01:00']], due: '2026-03-09T13:00+01:00' },
  // The clock stopped at 16:00 with 180 minutes to go and has not resumed.
  { name: 'an open pause stops the clock: no due time', cal: office(), start: '2026-03-06T15:00+01:00', minutes: 240, pauses: [['2026-03-06T16:00+01:00', null]], due: null },
  // Due 16:00 came before the pause began at 16:30: the breach stands.
  { name: 'an open pause after the due time leaves it', cal: office(), start: '2026-03-06T15:00+01:00', minutes: 60, pauses: [['2026-03-06T16:30+01:00', null]], due: '2026-03-06T16:00+01:00' },
  // Pauses 10–12 and 11–13 merge into 10–13: Mon 09–10 = 60, 13:00 + 60 → 14:00.
  { name: 'overlapping pauses count once', cal: office(), start: '2026-03-09T09:00+01:00', minutes: 120, pauses: [['2026-03-09T10:00+01:00', '2026-03-09T12:00+01:00'], ['2026-03-09T11:00+01:00', '2026-03-09T13:00+01:00']], due: '2026-03-09T14:00+01:00' },
  // A pause begun before the start: counting begins when it ends, Mon 10:00 + 60.
  { name: 'a pause spanning the start delays it', cal: office(), start: '2026-03-09T09:00+01:00', minutes: 60, pauses: [['2026-03-08T12:00+01:00', '2026-03-09T10:00+01:00']], due: '2026-03-09T11:00+01:00' },
  // Both pauses are irrelevant: one ends before the start, one is empty (to = from).
  { name: 'past and empty pauses change nothing', cal: office(), start: '2026-03-09T09:00+01:00', minutes: 60, pauses: [['2026-03-02T09:00+01:00', '2026-03-02T12:00+01:00'], ['2026-03-09T09:30+01:00', '2026-03-09T09:30+01:00']], due: '2026-03-09T10:00+01:00' },
  // Two pauses given out of order: Mon 09–10 = 60, 11–12 = 60, 13:00 + 30.
  { name: 'pauses in any order', cal: office(), start: '2026-03-09T09:00+01:00', minutes: 150, pauses: [['2026-03-09T12:00+01:00', '2026-03-09T13:00+01:00'], ['2026-03-09T10:00+01:00', '2026-03-09T11:00+01:00']], due: '2026-03-09T13:30+01:00' },
];

describe('pauses', () => {
  it.each(ROWS)('$name', ({ cal, start, minutes, pauses, due }) => {
    const got = addBusinessMinutes(at(start), minutes, cal, pauses.map(pause));
    expect(got?.toISOString() ?? null).toBe(due === null ? null : at(due).toISOString());
    if (due !== null) expect(businessMinutesBetween(at(start), at(due), cal, pauses.map(pause))).toBe(minutes);
  });

  it('an open pause freezes elapsed time', () => {
    // Fri 15–16 counts; everything after the open pause does not.
    const open = [pause(['2026-03-06T16:00+01:00', null])];
    expect(businessMinutesBetween(at('2026-03-06T15:00+01:00'), at('2026-03-10T12:00+01:00'), office(), open)).toBe(60);
  });
});
