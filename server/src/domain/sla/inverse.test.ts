import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../firmware/sim/src/random.ts';
import { addBusinessMinutes, businessMinutesBetween } from './business-time.ts';
import { CALENDAR_24X7 } from './calendar.ts';
import { calendar, EVERY_DAY, MON_FRI, office } from './test-fixtures.ts';
import type { BusinessCalendar, Pause } from './types.ts';

const CALENDARS: [string, BusinessCalendar][] = [
  ['office Warsaw with holidays', office([{ date: '2026-04-06', name: 'Easter Monday' }, { date: '2026-12-24', name: 'Wigilia', start: '13:00' }])],
  ['24×7 Warsaw', CALENDAR_24X7('Europe/Warsaw')],
  ['hours 02–03 Warsaw (DST hours)', calendar('Europe/Warsaw', [[EVERY_DAY, '02:00-03:00']])],
  ['night desk Warsaw', calendar('Europe/Warsaw', [[MON_FRI, '22:00-24:00'], [['tue', 'wed', 'thu', 'fri', 'sat'], '00:00-06:00']])],
  ['office New York', office([{ date: '2026-11-26', name: 'Thanksgiving' }], 'America/New_York')],
  ['Sat–Wed Tehran', calendar('Asia/Tehran', [[['sat', 'sun', 'mon', 'tue', 'wed'], '08:00-16:00']])],
];

const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 86_400_000;

describe('businessMinutesBetween inverts addBusinessMinutes', () => {
  it.each(CALENDARS)('%s: 150 seeded random starts, targets and pauses', (_name, cal) => {
    const random = createRng(20260329) /* seeded: every run checks the same sample */;
    for (let i = 0; i < 150; i++) {
      const start = new Date(YEAR_START + Math.floor(random() * YEAR_MS));
      const minutes = Math.floor(random() * 20_000);
      // Every other sample has a closed pause somewhere in the following fortnight.
      const from = start.getTime() + Math.floor(random() * 14 * 86_400_000);
      const pauses: Pause[] = i % 2 === 0 ? [] : [{ from: new Date(from), to: new Date(from + Math.floor(random() * 3 * 86_400_000)) }];
      const due = addBusinessMinutes(start, minutes, cal, pauses);
      expect(due).not.toBeNull();
      if (!due) continue;
      expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
      expect(businessMinutesBetween(start, due, cal, pauses)).toBe(minutes);
      // One more business minute never comes earlier.
      expect(addBusinessMinutes(start, minutes + 1, cal, pauses)!.getTime()).toBeGreaterThan(due.getTime());
    }
  });
});
