/**
 * What a press does to the tickets (design §3), decided from data alone. The verb
 * (tickets/report-presses.ts) loads the inputs and writes the result in one transaction.
 */
import type { Priority } from './priority.ts';
import { higherPriority, raisePriority } from './priority.ts';

export type PressRules = {
  /** Accepted presses per device per minute; more are rejected (design §3). */
  rateLimitPerMinute: number;
  /** Merged presses within `repeatWindowMs` that raise the priority one level. */
  repeatThreshold: number;
  repeatWindowMs: number;
};

export const DEFAULT_PRESS_RULES: PressRules = { rateLimitPerMinute: 30, repeatThreshold: 3, repeatWindowMs: 15 * 60_000 };

export type OpenTicket = {
  id: string;
  status: 'new' | 'acknowledged' | 'in_progress' | 'pending';
  priority: Priority;
  repeatRaisedAt: Date | null;
  /** Press times of this ticket's accepted presses, any order. */
  recentPressTimes: Date[];
};

/** The latest resolved ticket of the same (site, category), when one may take this press. */
export type ResolvedTicket = {
  id: string;
  openedAt: Date;
  resolvedAt: Date;
  /** While in the future, a press on a button that reported it reopens it ("still broken"). */
  confirmUntil: Date | null;
  reportedByThisButton: boolean;
};

export type PressDecisionInput = {
  action: 'single' | 'double' | 'hold';
  pressedAt: Date;
  now: Date;
  /** Accepted presses of this device in the minute before `now`. */
  pressesLastMinute: number;
  defaultPriority: Priority;
  openTicket: OpenTicket | null;
  lastResolved?: ResolvedTicket | null;
  rules: PressRules;
};

export type PressDecision =
  | { kind: 'rejected'; reason: 'rate_limited' | 'no_open_ticket' }
  | { kind: 'create'; priority: Priority }
  | { kind: 'merge'; ticketId: string; priority: Priority; raisedBy: 'double' | 'repeat' | null }
  | { kind: 'reopen'; ticketId: string }
  | { kind: 'attach_late'; ticketId: string }
  | { kind: 'cancel'; ticketId: string }
  | { kind: 'reporter_fixed'; ticketId: string };

export function decidePress(input: PressDecisionInput): PressDecision {
  const { action, openTicket: open, rules } = input;
  if (input.pressesLastMinute >= rules.rateLimitPerMinute) return { kind: 'rejected', reason: 'rate_limited' };

  if (action === 'hold') {
    // "It works again": cancel if nobody picked it up yet, else tell the agent.
    if (!open) return { kind: 'rejected', reason: 'no_open_ticket' };
    return open.status === 'new' ? { kind: 'cancel', ticketId: open.id } : { kind: 'reporter_fixed', ticketId: open.id };
  }

  const wanted = action === 'double' ? raisePriority(input.defaultPriority) : input.defaultPriority;
  if (!open) return afterResolution(input) ?? { kind: 'create', priority: wanted };

  const byDouble = higherPriority(open.priority, wanted);
  if (byDouble !== open.priority) return { kind: 'merge', ticketId: open.id, priority: byDouble, raisedBy: 'double' };
  if (shouldRaiseForRepeats(open, input.pressedAt, input.now, rules)) {
    return { kind: 'merge', ticketId: open.id, priority: raisePriority(open.priority), raisedBy: 'repeat' };
  }
  return { kind: 'merge', ticketId: open.id, priority: open.priority, raisedBy: null };
}

/** N merged presses (this one included) within the window raise once per window. */
function shouldRaiseForRepeats(open: OpenTicket, pressedAt: Date, now: Date, rules: PressRules): boolean {
  if (open.priority === 'P1') return false;
  const windowStart = now.getTime() - rules.repeatWindowMs;
  if (open.repeatRaisedAt && open.repeatRaisedAt.getTime() > windowStart) return false;
  const inWindow = open.recentPressTimes.filter((t) => t.getTime() > windowStart).length;
  const thisOne = pressedAt.getTime() > windowStart ? 1 : 0;
  return inWindow + thisOne >= rules.repeatThreshold;
}

/**
 * Design §3 "After resolution": a press made while the ticket was still open but delivered
 * late (queued) joins it; within the confirm window, a press on a button that reported it
 * reopens it ("still broken"). Anything else opens a new ticket.
 */
function afterResolution(input: PressDecisionInput): PressDecision | null {
  const last = input.lastResolved;
  if (!last) return null;
  const at = input.pressedAt.getTime();
  if (at >= last.openedAt.getTime() && at <= last.resolvedAt.getTime()) return { kind: 'attach_late', ticketId: last.id };
  const inWindow = last.confirmUntil !== null && input.now.getTime() < last.confirmUntil.getTime();
  if (inWindow && last.reportedByThisButton && at > last.resolvedAt.getTime()) return { kind: 'reopen', ticketId: last.id };
  return null;
}
