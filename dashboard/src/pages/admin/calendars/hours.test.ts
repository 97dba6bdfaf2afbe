import { describe, expect, it } from 'vitest';
import { PRESETS, toApiHours, toFormHours, workingDays } from './hours.ts';

const empty = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('calendar hours between the form and the API', () => {
  it('splits an overnight shift at midnight, Sunday night into Monday', () => {
    const api = toApiHours({ ...empty, fri: [{ start: '22:00', end: '06:00' }], sun: [{ start: '20:00', end: '02:00' }] });
    expect(api.fri).toEqual([{ start: '22:00', end: '24:00' }]);
    expect(api.sat).toEqual([{ start: '00:00', end: '06:00' }]);
    expect(api.mon).toEqual([{ start: '00:00', end: '02:00' }]);
  });

  it('takes an end of 00:00 as midnight and sorts each day\'s ranges', () => {
    const api = toApiHours({ ...empty, mon: [{ start: '13:00', end: '00:00' }, { start: '08:00', end: '12:00' }] });
    expect(api.mon).toEqual([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '24:00' }]);
    expect(toFormHours(api).mon).toEqual([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '00:00' }]);
  });

  it('has a Saturday-to-Wednesday week with Thursday and Friday closed', () => {
    const api = toApiHours(PRESETS.satWed());
    expect(Object.entries(api).filter(([, r]) => r.length).map(([d]) => d)).toEqual(['mon', 'tue', 'wed', 'sat', 'sun']);
    expect(api.thu).toEqual([]);
    expect(toApiHours(PRESETS.allWeek()).tue).toEqual([{ start: '00:00', end: '24:00' }]);
  });

  it('lists the working days as the week runs: Saturday first for an Iranian week, Sunday for a Sun–Thu one', () => {
    expect(workingDays(PRESETS.satWed())).toEqual(['sat', 'sun', 'mon', 'tue', 'wed']);
    expect(workingDays(PRESETS.sunThu())).toEqual(['sun', 'mon', 'tue', 'wed', 'thu']);
    expect(workingDays(PRESETS.monFri())).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(workingDays(PRESETS.allWeek())).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });
});
