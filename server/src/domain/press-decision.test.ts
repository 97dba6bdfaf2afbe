import { describe, expect, it } from 'vitest';
import type { OpenTicket, PressDecisionInput } from './press-decision.ts';
import { DEFAULT_PRESS_RULES, decidePress } from './press-decision.ts';

const now = new Date('2026-11-23T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

function input(overrides: Partial<PressDecisionInput> = {}): PressDecisionInput {
  return {
    action: 'single', pressedAt: now, now, pressesLastMinute: 0, defaultPriority: 'P3',
    openTicket: null, rules: DEFAULT_PRESS_RULES, ...overrides,
  };
}
function open(overrides: Partial<OpenTicket> = {}): OpenTicket {
  return { id: 't1', status: 'new', priority: 'P3', repeatRaisedAt: null, recentPressTimes: [], ...overrides };
}

describe('decidePress', () => {
  it('creates a ticket at the category default priority when nothing is open', () => {
    expect(decidePress(input())).toEqual({ kind: 'create', priority: 'P3' });
  });

  it('marks a double press urgent: one level above the default', () => {
    expect(decidePress(input({ action: 'double' }))).toEqual({ kind: 'create', priority: 'P2' });
  });

  it('merges into the open ticket of the same site and category', () => {
    expect(decidePress(input({ openTicket: open() }))).toEqual({ kind: 'merge', ticketId: 't1', priority: 'P3', raisedBy: null });
  });

  it('raises a merged ticket when a double press asks for more urgency', () => {
    expect(decidePress(input({ action: 'double', openTicket: open() }))).toMatchObject({ kind: 'merge', priority: 'P2', raisedBy: 'double' });
  });

  it('raises once when the third press lands within 15 minutes', () => {
    const ticket = open({ recentPressTimes: [minutesAgo(10), minutesAgo(2)] });
    expect(decidePress(input({ openTicket: ticket }))).toMatchObject({ kind: 'merge', priority: 'P2', raisedBy: 'repeat' });
  });

  it('does not raise for presses spread beyond the window', () => {
    const ticket = open({ recentPressTimes: [minutesAgo(40), minutesAgo(20)] });
    expect(decidePress(input({ openTicket: ticket }))).toMatchObject({ raisedBy: null, priority: 'P3' });
  });

  it('raises only once per window', () => {
    const ticket = open({ priority: 'P2', repeatRaisedAt: minutesAgo(5), recentPressTimes: [minutesAgo(6), minutesAgo(5), minutesAgo(1)] });
    expect(decidePress(input({ openTicket: ticket }))).toMatchObject({ raisedBy: null, priority: 'P2' });
  });

  it('rejects presses beyond the per-device rate limit without touching tickets', () => {
    expect(decidePress(input({ pressesLastMinute: 30, openTicket: open() }))).toEqual({ kind: 'rejected', reason: 'rate_limited' });
  });

  it('cancels an unacknowledged ticket on hold ("it works again")', () => {
    expect(decidePress(input({ action: 'hold', openTicket: open() }))).toEqual({ kind: 'cancel', ticketId: 't1' });
  });

  it('tells the agent the reporter says fixed when the ticket is already picked up', () => {
    expect(decidePress(input({ action: 'hold', openTicket: open({ status: 'in_progress' }) }))).toEqual({ kind: 'reporter_fixed', ticketId: 't1' });
  });

  describe('after resolution', () => {
    const resolved = (overrides = {}) => ({
      id: 'r1', openedAt: minutesAgo(60), resolvedAt: minutesAgo(10), confirmUntil: new Date(now.getTime() + 20 * 60_000), reportedByThisButton: true, ...overrides,
    });

    it('reopens within the confirm window when the reporting button is pressed again ("still broken")', () => {
      expect(decidePress(input({ lastResolved: resolved() }))).toEqual({ kind: 'reopen', ticketId: 'r1' });
    });

    it('opens a new ticket when another button presses, or the window has passed', () => {
      expect(decidePress(input({ lastResolved: resolved({ reportedByThisButton: false }) }))).toEqual({ kind: 'create', priority: 'P3' });
      expect(decidePress(input({ lastResolved: resolved({ confirmUntil: minutesAgo(1) }) }))).toEqual({ kind: 'create', priority: 'P3' });
    });

    it('attaches a late queued press made before the resolution to the resolved ticket', () => {
      expect(decidePress(input({ pressedAt: minutesAgo(30), lastResolved: resolved({ reportedByThisButton: false }) }))).toEqual({ kind: 'attach_late', ticketId: 'r1' });
    });
  });

  it('rejects a hold with nothing open', () => {
    expect(decidePress(input({ action: 'hold' }))).toEqual({ kind: 'rejected', reason: 'no_open_ticket' });
  });
});
