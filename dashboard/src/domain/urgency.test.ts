import { describe, expect, it } from 'vitest';
import type { Ticket } from '../api/schemas.ts';
import { compareUrgency, firstReminders, slaState } from './urgency.ts';

const T0 = Date.parse('2026-11-23T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't1', number: 'INC-000001', status: 'new', priority: 'P3', source: 'button', siteId: 's', categoryId: 'c', deviceId: null,
    title: 'Printer', openedAt: at(0), acknowledgedAt: null, resolvedAt: null, closedAt: null, confirmUntil: null, pressCount: 1,
    reopenCount: 0, assigneeId: null, teamId: null, responseDueAt: at(60), resolutionDueAt: at(240), responseBreached: false,
    resolutionBreached: false, snapshot: null, updatedAt: at(0), ...overrides,
  };
}

describe('slaState', () => {
  it('follows the response clock until the ticket is acknowledged, then the resolution clock', () => {
    expect(slaState(ticket(), T0 + 10 * 60_000)).toMatchObject({ kind: 'running', clock: 'response', remainingMs: 50 * 60_000, phase: 'ok' });
    expect(slaState(ticket({ acknowledgedAt: at(5) }), T0 + 10 * 60_000)).toMatchObject({ clock: 'resolution', remainingMs: 230 * 60_000 });
  });

  it('turns amber at the server\'s reminder mark and red at the due time', () => {
    const marks = firstReminders([{ target: 'response', percent: 75, at: at(30) }]);
    expect(slaState(ticket(), T0 + 29 * 60_000, marks)).toMatchObject({ phase: 'ok' });
    expect(slaState(ticket(), T0 + 30 * 60_000, marks)).toMatchObject({ phase: 'warn' });
    expect(slaState(ticket(), T0 + 60 * 60_000, marks)).toMatchObject({ phase: 'breach', remainingMs: 0 });
  });

  it('falls back to 75 % of the wall-clock window without a mark', () => {
    expect(slaState(ticket(), T0 + 44 * 60_000)).toMatchObject({ phase: 'ok' });
    expect(slaState(ticket(), T0 + 45 * 60_000)).toMatchObject({ phase: 'warn' });
  });

  it('shows a breach the server recorded even before the browser\'s clock gets there', () => {
    expect(slaState(ticket({ responseBreached: true }), T0)).toMatchObject({ phase: 'breach' });
  });

  it('is paused while an acknowledged ticket is pending, and none without a policy', () => {
    expect(slaState(ticket({ status: 'pending', acknowledgedAt: at(1), resolutionDueAt: null }), T0)).toEqual({ kind: 'paused' });
    expect(slaState(ticket({ responseDueAt: null, resolutionDueAt: null }), T0)).toEqual({ kind: 'none' });
  });
});

describe('compareUrgency', () => {
  it('puts the earliest deadline first and tickets without a clock last, by priority then age', () => {
    const late = ticket({ id: 'late', responseDueAt: at(90) });
    const soon = ticket({ id: 'soon', responseDueAt: at(20) });
    const noSlaP1 = ticket({ id: 'p1', priority: 'P1', responseDueAt: null, resolutionDueAt: null });
    const noSlaP4 = ticket({ id: 'p4', priority: 'P4', responseDueAt: null, resolutionDueAt: null, openedAt: at(-100) });
    expect([noSlaP4, late, noSlaP1, soon].sort(compareUrgency).map((t) => t.id)).toEqual(['soon', 'late', 'p1', 'p4']);
  });
});

describe('slaState in business time', () => {
  // Mon–Fri 09:00–17:00 in Warsaw (UTC+1 in November); T0 = Monday 2026-11-23 10:00 local.
  const weekdays = { start: '09:00', end: '17:00' };
  const calendar = { timezone: 'Europe/Warsaw', hours: { mon: [weekdays], tue: [weekdays], wed: [weekdays], thu: [weekdays], fri: [weekdays] }, holidays: [] };
  const hour = 3_600_000;

  it('counts down only the open hours between now and the due time', () => {
    // Due Tuesday 10:00 local: 7 business hours on Monday + 1 on Tuesday = 8 h, though 24 h of wall time.
    const marks = firstReminders([], calendar);
    const state = slaState(ticket({ responseDueAt: at(24 * 60), resolutionDueAt: at(48 * 60) }), T0, marks);
    expect(state).toMatchObject({ kind: 'running', remainingMs: 8 * hour, business: true, resumesAt: null });
  });

  it('says when a clock standing still outside business hours resumes', () => {
    const evening = T0 + 9 * hour; // Monday 19:00 local
    const state = slaState(ticket({ responseDueAt: at(24 * 60), resolutionDueAt: at(48 * 60) }), evening, firstReminders([], calendar));
    expect(state).toMatchObject({ remainingMs: 1 * hour, resumesAt: Date.parse('2026-11-24T08:00:00Z') });
  });

  it('counts overdue time in business hours too', () => {
    // Due Monday 11:00 local; at Tuesday 10:00 local it is 6 h (Mon) + 1 h (Tue) overdue.
    const state = slaState(ticket({ responseDueAt: at(60) }), T0 + 24 * hour, firstReminders([], calendar));
    expect(state).toMatchObject({ phase: 'breach', remainingMs: -7 * hour });
  });

  it('counts wall time when no calendar is known', () => {
    expect(slaState(ticket(), T0 + 10 * 60_000)).toMatchObject({ remainingMs: 50 * 60_000, business: false });
  });
});
