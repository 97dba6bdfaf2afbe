/**
 * Effects a verb collects inside its transaction and that run only after the commit:
 * SSE events, LED patterns for the buttons that reported a ticket, waking the job timer.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { anyOf } from '../db/list-params.ts';
import { presses, tickets } from '../db/schema.ts';
import { type LedPattern, ledPatternFor } from '../domain/ticket-states.ts';
import type { DashEventType } from '../events/bus.ts';
import { wakeNotifications } from '../notify/wake.ts';
import type { TicketDeps } from './deps.ts';
import { loadTicketViews } from './ticket-view.ts';

export type Effects = {
  events: { type: DashEventType; ticketId: string }[];
  /** Tickets whose buttons should all show the ticket's current state (read after the commit). */
  leds: Set<string>;
  /**
   * One button's pattern, known without a read: a press merged into an open ticket changes
   * no other button's (design §5), so it costs no query and no publish to the rest. Keyed by
   * device and button; a ticket in `leds` is refreshed whole instead.
   */
  buttonLeds: Map<string, { ticketId: string; deviceId: string; button: number; pattern: LedPattern }>;
  jobs: boolean;
  /** Outbox rows were written: wake the dispatcher (merges do not wake it through the bus). */
  notified: boolean;
};

export const newEffects = (): Effects => ({ events: [], leds: new Set(), buttonLeds: new Map(), jobs: false, notified: false });

export async function flushEffects(deps: TicketDeps, effects: Effects): Promise<void> {
  if (effects.jobs) deps.wakeScheduler();
  if (effects.notified) wakeNotifications(deps.db);
  try {
    for (const l of effects.buttonLeds.values()) if (!effects.leds.has(l.ticketId)) deps.downlink?.led(l.deviceId, l.button, l.pattern);
    // Independent reads: sent together (one round trip on PostgreSQL).
    await Promise.all([publishTicketEvents(deps, effects), refreshLeds(deps, [...effects.leds])]);
  } catch (err) {
    // Committed already: a board catches up on reload, a button at its next state change.
    deps.log.warn({ err: (err as Error).message, tickets: [...effects.leds] }, 'after-commit effects failed');
  }
}

async function publishTicketEvents(deps: TicketDeps, effects: Effects): Promise<void> {
  if (effects.events.length === 0) return;
  const views = new Map((await loadTicketViews(deps.db, [...new Set(effects.events.map((e) => e.ticketId))])).map((t) => [t.id, t]));
  for (const e of effects.events) deps.bus.publish(e.type, { ticket: views.get(e.ticketId) ?? { id: e.ticketId } });
}

/** Every (device, button) whose press fed the ticket shows the ticket's state (design §5). */
export async function refreshLeds(deps: TicketDeps, ticketIds: string[]): Promise<void> {
  if (!deps.downlink || ticketIds.length === 0) return;
  const now = deps.now();
  const rows = await deps.db.selectDistinct({ deviceId: presses.deviceId, button: presses.button, status: tickets.status, confirmUntil: tickets.confirmUntil })
    .from(presses).innerJoin(tickets, eq(tickets.id, presses.ticketId))
    .where(and(anyOf(presses.ticketId, ticketIds, 'uuid'), inArray(presses.outcome, ['created', 'merged', 'reopened'])));
  for (const r of rows) {
    const inWindow = !!r.confirmUntil && r.confirmUntil > now;
    deps.downlink.led(r.deviceId, r.button, ledPatternFor(r.status, inWindow));
  }
}
