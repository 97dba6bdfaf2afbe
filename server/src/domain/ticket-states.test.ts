import { describe, expect, it } from 'vitest';
import { allowedVerbs, ledPatternFor, planTransition } from './ticket-states.ts';

describe('planTransition', () => {
  it.each([
    ['new', 'acknowledge', 'acknowledged'],
    ['new', 'start', 'in_progress'],
    ['acknowledged', 'pend', 'pending'],
    ['pending', 'resume', 'in_progress'],
    ['pending', 'resolve', 'resolved'],
    ['resolved', 'close', 'closed'],
    ['resolved', 'reopen', 'in_progress'],
    ['closed', 'reopen', 'in_progress'],
    ['in_progress', 'cancel', 'cancelled'],
  ] as const)('%s --%s--> %s', (from, verb, to) => {
    expect(planTransition(from, verb, true)).toMatchObject({ ok: true, to });
  });

  it('refuses an invalid transition and names the allowed verbs', () => {
    expect(planTransition('resolved', 'acknowledge', true)).toEqual({ ok: false, from: 'resolved', allowed: ['close', 'reopen'] });
    expect(planTransition('cancelled', 'resolve', true)).toEqual({ ok: false, from: 'cancelled', allowed: [] });
  });

  it('counts the first agent action as the first response, but not a cancel', () => {
    expect(planTransition('new', 'resolve', false)).toMatchObject({ firstResponse: true });
    expect(planTransition('new', 'cancel', false)).toMatchObject({ firstResponse: false });
    expect(planTransition('acknowledged', 'start', true)).toMatchObject({ firstResponse: false });
  });

  it('lists the verbs of each status', () => {
    expect(allowedVerbs('new')).toEqual(['acknowledge', 'start', 'pend', 'resolve', 'cancel']);
  });
});

describe('ledPatternFor', () => {
  it('follows the ticket: received, acknowledged, resolved for the confirm window, then off', () => {
    expect(ledPatternFor('new', false)).toBe('received');
    expect(ledPatternFor('pending', false)).toBe('acknowledged');
    expect(ledPatternFor('resolved', true)).toBe('resolved');
    expect(ledPatternFor('resolved', false)).toBe('off');
    expect(ledPatternFor('cancelled', false)).toBe('off');
  });
});
