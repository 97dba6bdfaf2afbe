import { describe, expect, it } from 'vitest';
import { CALENDAR_24X7 } from '../../domain/sla/index.ts';
import { quality, satisfaction } from './quality.ts';
import { slaCompliance } from './sla-compliance.ts';
import { type ReportTicket, wasReassigned } from './ticket-facts.ts';
import { ticketTimes } from './ticket-times.ts';

const OFFICE = { timezone: 'Europe/Warsaw', holidays: [], hours: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }] } };
const W = (s: string) => new Date(`2026-03-${s}:00+01:00`);

function ticket(overrides: Partial<ReportTicket> = {}): ReportTicket {
  return {
    id: 't', status: 'new', openedAt: W('02T09:00'), acknowledgedAt: null, resolvedAt: null, responseDueAt: null, resolutionDueAt: null,
    responseBreached: false, resolutionBreached: false, reopenCount: 0, pauses: [], calendar: OFFICE, reassigned: false, ...overrides,
  };
}

describe('ticket times', () => {
  it('counts business minutes inside the calendar and leaves out pending pauses for resolution only', () => {
    // Mon 16:30 → Tue 12:00: 30 + 180 = 210 business minutes, 1170 wall minutes; an hour pending on Tuesday.
    const t = ticket({ openedAt: W('02T16:30'), acknowledgedAt: W('03T09:30'), resolvedAt: W('03T12:00'), pauses: [{ from: W('03T10:00'), to: W('03T11:00') }] });
    expect(ticketTimes([t])).toEqual({
      acknowledge: { wall: { count: 1, median: 1020, p90: 1020 }, business: { count: 1, median: 60, p90: 60 } },
      resolve: { wall: { count: 1, median: 1170, p90: 1170 }, business: { count: 1, median: 150, p90: 150 } },
    });
  });

  it('measures a 24×7 ticket the same on both clocks', () => {
    const t = ticket({ calendar: CALENDAR_24X7('UTC'), acknowledgedAt: W('02T09:45') });
    expect(ticketTimes([t]).acknowledge).toEqual({ wall: { count: 1, median: 45, p90: 45 }, business: { count: 1, median: 45, p90: 45 } });
  });
});

describe('SLA compliance', () => {
  it('counts met, missed and breaches; a clock still running is left out', () => {
    const r = slaCompliance([
      ticket({ responseDueAt: W('02T10:00'), acknowledgedAt: W('02T10:00') }), // met at the due time
      ticket({ responseDueAt: W('02T10:00'), acknowledgedAt: W('02T10:01') }), // late, the breach job not run yet
      ticket({ responseDueAt: W('02T10:00'), responseBreached: true }), // breached, still open
      ticket({ responseDueAt: W('02T10:00') }), // running
      ticket({ acknowledgedAt: W('02T10:00') }), // no SLA
    ]);
    expect(r.response).toEqual({ met: 1, missed: 2, compliancePercent: 33.3, breaches: 1 });
    expect(r.resolution).toEqual({ met: 0, missed: 0, compliancePercent: null, breaches: 0 });
  });
});

describe('quality', () => {
  it('resolves at first contact only when never reopened and never reassigned', () => {
    const q = quality([
      ticket({ status: 'resolved', resolvedAt: W('02T10:00') }),
      ticket({ status: 'closed', resolvedAt: W('02T10:00'), reassigned: true }),
      ticket({ status: 'resolved', resolvedAt: W('02T10:00'), reopenCount: 1 }),
      ticket({ status: 'in_progress', reopenCount: 1 }),
      ticket({ status: 'cancelled' }),
    ]);
    expect(q).toEqual({ resolved: 3, firstContact: 1, firstContactPercent: 33.3, everResolved: 4, reopened: 2, reopenPercent: 50 });
  });

  it('reads reassignment from the assigned events', () => {
    expect(wasReassigned([{ from: null, to: 'a' }])).toBe(false);
    expect(wasReassigned([{ from: null, to: 'a' }, { from: 'a', to: 'b' }])).toBe(true);
    expect(wasReassigned([{ from: 'a', to: null }])).toBe(true);
  });

  it('averages the latest rating of each ticket', () => {
    const s = satisfaction([
      { ticketId: 'x', rating: 1, at: W('02T10:00') }, { ticketId: 'x', rating: 4, at: W('02T11:00') }, { ticketId: 'y', rating: 5, at: W('02T10:00') },
    ]);
    expect(s).toEqual({ count: 2, average: 4.5, distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 } });
    expect(satisfaction([]).average).toBeNull();
  });
});
