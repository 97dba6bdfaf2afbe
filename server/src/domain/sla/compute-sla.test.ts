import { describe, expect, it } from 'vitest';
import { CALENDAR_24X7 } from './calendar.ts';
import { computeSla, type SlaInput } from './compute-sla.ts';
import { at, office } from './test-fixtures.ts';

const POLICY: SlaInput['policy'] = {
  id: 'pol-1',
  name: 'Standard',
  targets: {
    P1: { responseMinutes: 60, resolutionMinutes: 240 },
    P2: { responseMinutes: 120, resolutionMinutes: 480 },
    P3: { responseMinutes: 240, resolutionMinutes: 960 },
    P4: { responseMinutes: 480, resolutionMinutes: 2400 },
  },
  reminderPercents: [75],
  escalation: { emails: ['it-manager@example.com'], repeatMinutes: 30 },
};
const H24 = CALENDAR_24X7('Europe/Warsaw');
const input = (over: Partial<SlaInput>): SlaInput => ({ openedAt: at('2026-03-09T10:00+01:00'), priority: 'P1', policy: POLICY, calendar: H24, now: at('2026-03-09T10:00+01:00'), ...over });
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const times = (r: { target: string; percent: number; at: Date }[]) => r.map((x) => `${x.target} ${x.percent} ${iso(x.at)}`);

describe('computeSla', () => {
  it('24×7, P1 at 10:00: response 11:00, resolution 14:00, reminders at 75 %, escalation at breach', () => {
    const sla = computeSla(input({}));
    expect(iso(sla.responseDueAt)).toBe(iso(at('2026-03-09T11:00+01:00')));
    expect(iso(sla.resolutionDueAt)).toBe(iso(at('2026-03-09T14:00+01:00')));
    // 75 % of 60 = 45 min → 10:45; 75 % of 240 = 180 min → 13:00.
    expect(times(sla.reminders)).toEqual([`response 75 ${iso(at('2026-03-09T10:45+01:00'))}`, `resolution 75 ${iso(at('2026-03-09T13:00+01:00'))}`]);
    expect(sla.escalations).toEqual({ firstAt: at('2026-03-09T11:00+01:00'), repeatMinutes: 30, stoppedAt: null });
  });

  it('office hours, Friday 16:30: reminders and due times count business minutes only', () => {
    const sla = computeSla(input({ calendar: office(), openedAt: at('2026-03-06T16:30+01:00'), now: at('2026-03-06T16:45+01:00') }));
    // Response 60 = Fri 30 + Mon 30 → 09:30; its 45 = Fri 30 + Mon 15 → 09:15.
    // Resolution 240 = Fri 30 + Mon 210 → 12:30; its 180 = Fri 30 + Mon 150 → 11:30.
    expect(iso(sla.responseDueAt)).toBe(iso(at('2026-03-09T09:30+01:00')));
    expect(iso(sla.resolutionDueAt)).toBe(iso(at('2026-03-09T12:30+01:00')));
    expect(times(sla.reminders)).toEqual([`response 75 ${iso(at('2026-03-09T09:15+01:00'))}`, `resolution 75 ${iso(at('2026-03-09T11:30+01:00'))}`]);
    const response = sla.explanation.response;
    expect(response.intervals).toEqual({
      count: 2,
      first: { from: at('2026-03-06T16:30+01:00'), to: at('2026-03-06T17:00+01:00') },
      last: { from: at('2026-03-09T09:00+01:00'), to: at('2026-03-09T09:30+01:00') },
    });
    // At 16:45 a quarter of an hour has elapsed.
    expect([response.elapsedMinutes, response.remainingMinutes, response.state]).toEqual([15, 45, 'running']);
    expect(response.summary).toBe('60 business minutes from 2026-03-06T16:30+01:00 in Europe/Warsaw, no pauses: 2 business interval(s), first 2026-03-06T16:30+01:00 – 2026-03-06T17:00+01:00, last 2026-03-09T09:00+01:00 – 2026-03-09T09:30+01:00 → due 2026-03-09T09:30+01:00');
    expect(sla.explanation).toMatchObject({ policy: { id: 'pol-1', name: 'Standard' }, priority: 'P1', timezone: 'Europe/Warsaw' });
  });

  it('pending stops the resolution clock only; the due time waits for the resume', () => {
    // P2 (120/480) opened Mon 09:00, acknowledged 09:10, pending since 10:00, still pending at 15:00.
    const sla = computeSla(input({
      calendar: office(), priority: 'P2', openedAt: at('2026-03-09T09:00+01:00'), acknowledgedAt: at('2026-03-09T09:10+01:00'),
      pauses: [{ from: at('2026-03-09T10:00+01:00'), to: null }], now: at('2026-03-09T15:00+01:00'),
    }));
    expect(iso(sla.responseDueAt)).toBe(iso(at('2026-03-09T11:00+01:00'))); // pauses do not touch it
    expect(sla.resolutionDueAt).toBeNull();
    // Response reminder (10:30) comes after the acknowledgement; resolution's 360 min cannot be reached.
    expect(sla.reminders).toEqual([]);
    expect(sla.escalations).toBeNull(); // acknowledged before the response due time
    const r = sla.explanation.resolution;
    expect([r.state, r.elapsedMinutes, r.remainingMinutes]).toEqual(['paused', 60, 420]);
    expect(r.pausesApplied).toEqual([{ from: at('2026-03-09T10:00+01:00'), to: null }]);
    expect(r.summary).toContain('clock stopped since 2026-03-09T10:00+01:00; 420 business minutes are added when it resumes');
    expect(sla.explanation.response.state).toBe('met');
  });

  it('resuming adds the business time left', () => {
    // Mon 09–10 = 60 elapsed; pending until Tue 09:00; 420 left → Tue 16:00. 75 % = 360 → Tue 14:00.
    const sla = computeSla(input({
      calendar: office(), priority: 'P2', openedAt: at('2026-03-09T09:00+01:00'), acknowledgedAt: at('2026-03-09T09:10+01:00'),
      pauses: [{ from: at('2026-03-09T10:00+01:00'), to: at('2026-03-10T09:00+01:00') }], now: at('2026-03-10T09:00+01:00'),
    }));
    expect(iso(sla.resolutionDueAt)).toBe(iso(at('2026-03-10T16:00+01:00')));
    expect(times(sla.reminders)).toEqual([`resolution 75 ${iso(at('2026-03-10T14:00+01:00'))}`]);
  });

  it('a late acknowledgement: escalation began at the breach and stopped at the acknowledgement', () => {
    const sla = computeSla(input({ acknowledgedAt: at('2026-03-09T11:20+01:00'), now: at('2026-03-09T11:20+01:00') }));
    expect(sla.escalations).toEqual({ firstAt: at('2026-03-09T11:00+01:00'), repeatMinutes: 30, stoppedAt: at('2026-03-09T11:20+01:00') });
    expect(sla.explanation.response.state).toBe('breached');
    expect(times(sla.reminders)[0]).toBe(`response 75 ${iso(at('2026-03-09T10:45+01:00'))}`); // it did fire
  });

  it('a priority change recomputes from openedAt and keeps the elapsed time', () => {
    // Opened Mon 09:00 on office hours; at 11:00, 120 business minutes have elapsed whatever the priority.
    const base = { calendar: office(), openedAt: at('2026-03-09T09:00+01:00'), now: at('2026-03-09T11:00+01:00') };
    const p3 = computeSla(input({ ...base, priority: 'P3' })); // 960 = two days → Tue 17:00
    const p2 = computeSla(input({ ...base, priority: 'P2' })); // 480 → Mon 17:00
    const p1 = computeSla(input({ ...base, priority: 'P1' })); // 240 → Mon 13:00
    expect([p3, p2, p1].map((s) => iso(s.resolutionDueAt))).toEqual([at('2026-03-10T17:00+01:00'), at('2026-03-09T17:00+01:00'), at('2026-03-09T13:00+01:00')].map(iso));
    expect([p3, p2, p1].map((s) => s.explanation.resolution.elapsedMinutes)).toEqual([120, 120, 120]);
    expect([p3, p2, p1].map((s) => s.explanation.resolution.remainingMinutes)).toEqual([840, 360, 120]);
    // Raised to P1 at 15:00, with 360 minutes already gone: due 13:00 has passed, so it is breached at once.
    const late = computeSla(input({ ...base, priority: 'P1', now: at('2026-03-09T15:00+01:00') }));
    expect([late.explanation.resolution.state, late.explanation.resolution.remainingMinutes]).toEqual(['breached', 0]);
  });

  it('keeps reminder percents between 0 and 100, once each, in time order', () => {
    const sla = computeSla(input({ policy: { ...POLICY, reminderPercents: [90, 50, 75, 100, 0, 75] } }));
    // 60 min: 30 → 10:30, 45 → 10:45, 54 → 10:54; 240 min: 120 → 12:00, 180 → 13:00, 216 → 13:36.
    expect(times(sla.reminders)).toEqual([
      ['response', 50, '10:30'], ['response', 75, '10:45'], ['response', 90, '10:54'],
      ['resolution', 50, '12:00'], ['resolution', 75, '13:00'], ['resolution', 90, '13:36'],
    ].map(([t, p, hm]) => `${t} ${p} ${iso(at(`2026-03-09T${hm}+01:00`))}`));
  });

  it('a resolved ticket: resolution met, reminders after the stop dropped, no repeat without repeatMinutes', () => {
    const sla = computeSla(input({
      policy: { ...POLICY, escalation: {} }, acknowledgedAt: at('2026-03-09T11:05+01:00'),
      resolvedAt: at('2026-03-09T13:00+01:00'), now: at('2026-03-09T15:00+01:00'),
    }));
    expect(sla.explanation.resolution).toMatchObject({ state: 'met', elapsedMinutes: 180 });
    expect(times(sla.reminders)).toEqual([`response 75 ${iso(at('2026-03-09T10:45+01:00'))}`]); // resolution 75 % = 13:00 = resolvedAt
    expect(sla.escalations).toEqual({ firstAt: at('2026-03-09T11:00+01:00'), repeatMinutes: null, stoppedAt: at('2026-03-09T11:05+01:00') });
  });

  it('a calendar with no hours gives no due times and says why', () => {
    const sla = computeSla(input({ calendar: { timezone: 'UTC', hours: {}, holidays: [] } }));
    expect([sla.responseDueAt, sla.resolutionDueAt, sla.escalations]).toEqual([null, null, null]);
    expect(sla.explanation.response.summary).toContain('the calendar has no business hours');
  });
});
