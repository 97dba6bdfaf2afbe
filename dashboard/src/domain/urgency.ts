/**
 * How urgent an open ticket is (design §9): the SLA clock that runs out first, its colour
 * phase, and the board's order. Pure: tickets, reminder marks and `now` in, data out.
 */
import type { Priority, Ticket } from '../api/schemas.ts';

export type Clock = 'response' | 'resolution';
export type Phase = 'ok' | 'warn' | 'breach';
/** When the first reminder of each clock falls (GET /api/sla/marks), in epoch ms. */
export type ReminderMarks = Partial<Record<Clock, number>>;

export type SlaState =
  | { kind: 'none' }
  /** Pending and acknowledged: the resolution clock is stopped, nothing else runs. */
  | { kind: 'paused' }
  | { kind: 'running'; clock: Clock; dueAt: number; remainingMs: number; phase: Phase };

/** The reminder threshold when the server's marks are not known yet (design §4: 75 %). */
const DEFAULT_REMINDER = 0.75;
const PRIORITY_RANK: Record<Priority, number> = { P1: 0, P2: 1, P3: 2, P4: 3 };

/** The clocks still running, each with its due time: response until acknowledged, resolution unless paused. */
function runningClocks(t: Ticket): { clock: Clock; dueAt: number; breached: boolean }[] {
  const clocks = [];
  if (t.acknowledgedAt === null && t.responseDueAt) clocks.push({ clock: 'response' as const, dueAt: Date.parse(t.responseDueAt), breached: t.responseBreached });
  if (t.resolutionDueAt) clocks.push({ clock: 'resolution' as const, dueAt: Date.parse(t.resolutionDueAt), breached: t.resolutionBreached });
  return clocks;
}

/** The clock that runs out first, and whether it has passed its reminder or its due time. */
export function slaState(t: Ticket, now: number, marks: ReminderMarks = {}): SlaState {
  const clocks = runningClocks(t).sort((a, b) => a.dueAt - b.dueAt);
  const first = clocks[0];
  if (!first) return t.status === 'pending' && t.acknowledgedAt !== null ? { kind: 'paused' } : { kind: 'none' };
  const openedAt = Date.parse(t.openedAt);
  // Without the server's mark, a wall-clock share of the window stands in (business hours ignored).
  const remindAt = marks[first.clock] ?? openedAt + (first.dueAt - openedAt) * DEFAULT_REMINDER;
  const phase: Phase = first.breached || now >= first.dueAt ? 'breach' : now >= remindAt ? 'warn' : 'ok';
  return { kind: 'running', clock: first.clock, dueAt: first.dueAt, remainingMs: first.dueAt - now, phase };
}

/** Board order: earliest running deadline first (overdue on top), then tickets without a clock by priority and age. */
export function compareUrgency(a: Ticket, b: Ticket): number {
  const dueA = Math.min(...runningClocks(a).map((c) => c.dueAt));
  const dueB = Math.min(...runningClocks(b).map((c) => c.dueAt));
  if (dueA !== dueB) return dueA - dueB; // Infinity (no clock) sorts last
  const rank = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  if (rank !== 0) return rank;
  return Date.parse(a.openedAt) - Date.parse(b.openedAt) || a.id.localeCompare(b.id);
}

/** The first reminder of each clock from the server's list (lowest percent wins). */
export function firstReminders(reminders: readonly { target: Clock; percent: number; at: string }[]): ReminderMarks {
  const marks: ReminderMarks = {};
  for (const r of [...reminders].sort((x, y) => x.percent - y.percent)) marks[r.target] ??= Date.parse(r.at);
  return marks;
}
