/**
 * How urgent an open ticket is (design §9): the SLA clock that runs out first, its colour
 * phase, and the board's order. Pure: tickets, reminder marks and `now` in, data out.
 */
import type { Priority, Ticket } from '../api/schemas.ts';
import { calendarSpans } from '../../../server/src/domain/sla/business-spans.ts';
import { businessMinutesBetween } from '../../../server/src/domain/sla/business-time.ts';
import type { BusinessCalendar } from '../../../server/src/domain/sla/types.ts';

export type Clock = 'response' | 'resolution';
export type Phase = 'ok' | 'warn' | 'breach';
/**
 * From GET /api/sla/marks: when the first reminder of each clock falls (epoch ms), and the
 * business calendar the clocks run on (the same engine as the server's counts time left in it).
 */
export type ReminderMarks = Partial<Record<Clock, number>> & { calendar?: BusinessCalendar };

export type SlaState =
  | { kind: 'none' }
  /** Pending and acknowledged: the resolution clock is stopped, nothing else runs. */
  | { kind: 'paused' }
  /**
   * `remainingMs` is business time (negative: overdue by that much business time) when the
   * calendar is known, else wall time; `resumesAt` is set while the calendar is closed (the
   * clock stands still until then).
   */
  | { kind: 'running'; clock: Clock; dueAt: number; remainingMs: number; phase: Phase; business: boolean; resumesAt: number | null };

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
  const cal = marks.calendar;
  if (!cal) return { kind: 'running', clock: first.clock, dueAt: first.dueAt, remainingMs: first.dueAt - now, phase, business: false, resumesAt: null };
  const remainingMs = now < first.dueAt
    ? businessMinutesBetween(new Date(now), new Date(first.dueAt), cal) * 60_000
    : -businessMinutesBetween(new Date(first.dueAt), new Date(now), cal) * 60_000;
  return { kind: 'running', clock: first.clock, dueAt: first.dueAt, remainingMs: Math.round(remainingMs), phase, business: true, resumesAt: resumesAt(now, cal) };
}

/** When a closed calendar opens again (null: it is open at `now`, or never opens). */
function resumesAt(now: number, cal: BusinessCalendar): number | null {
  const next = calendarSpans(now, cal).next();
  if (next.done) return null;
  return next.value.start > now ? next.value.start : null;
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
export function firstReminders(reminders: readonly { target: Clock; percent: number; at: string }[], calendar?: BusinessCalendar | null): ReminderMarks {
  const marks: ReminderMarks = calendar ? { calendar } : {};
  for (const r of [...reminders].sort((x, y) => x.percent - y.percent)) marks[r.target] ??= Date.parse(r.at);
  return marks;
}
