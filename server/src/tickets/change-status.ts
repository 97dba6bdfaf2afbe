/**
 * The status verbs (acknowledge, start, pend, resume, resolve, close, cancel, reopen) as one
 * story: lock → plan (domain/ticket-states.ts) → write → timeline, audit → SLA timers →
 * notifications, all in one transaction; events and LEDs after the commit.
 */
import { eq } from 'drizzle-orm';
import { audit } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { UNIQUE_VIOLATION, sqlState } from '../db/errors.ts';
import type { Ticket } from '../db/schema.ts';
import { ticketEvents, tickets } from '../db/schema.ts';
import type { StatusVerb } from '../domain/ticket-states.ts';
import { planTransition } from '../domain/ticket-states.ts';
import { AppError } from '../errors.ts';
import { cancelTicketJobs, scheduleJobs } from '../jobs/jobs.ts';
import { notify, type NotifyEventType } from '../notify/notify.ts';
import { refreshSla } from '../sla/refresh-sla.ts';
import type { TicketDeps } from './deps.ts';
import { type Effects, flushEffects, newEffects } from './effects.ts';
import { lockTicket } from './load-ticket.ts';
import { toTicketView, type TicketView } from './ticket-view.ts';

export type Actor = { id: string; userId?: string };

const NOTIFY_AS: Partial<Record<StatusVerb, NotifyEventType>> = {
  acknowledge: 'ticket.acknowledged', resolve: 'ticket.resolved', reopen: 'ticket.reopened',
};

export async function changeStatus(deps: TicketDeps, ref: string, verb: StatusVerb, actor: Actor, note?: string): Promise<TicketView> {
  const effects = newEffects();
  const now = deps.now();
  const ticket = await deps.db.transaction((tx) => applyStatusVerb(tx, deps, effects, ref, verb, actor, now, note)).catch((err: unknown) => {
    if (sqlState(err) === UNIQUE_VIOLATION) {
      throw new AppError('CONFLICT', 'another ticket is already open for this site and category; merge into it instead of reopening');
    }
    throw err;
  });
  await flushEffects(deps, effects);
  return toTicketView(ticket);
}

export async function applyStatusVerb(
  tx: Tx, deps: TicketDeps, effects: Effects, ref: string, verb: StatusVerb, actor: Actor, now: Date, note?: string,
): Promise<Ticket> {
  const before = await lockTicket(tx, ref);
  const plan = planTransition(before.status, verb, before.acknowledgedAt !== null);
  if (!plan.ok) {
    const allowed = plan.allowed.length ? `allowed now: ${plan.allowed.join(', ')}` : 'it is final';
    throw new AppError('CONFLICT', `cannot ${verb} a ticket that is ${plan.from.replace('_', ' ')}; ${allowed}`, { allowed: plan.allowed });
  }
  const [after] = await tx.update(tickets).set({ ...fieldsFor(verb, before, now), status: plan.to, updatedAt: now, ...(plan.firstResponse && { acknowledgedAt: now }) })
    .where(eq(tickets.id, before.id)).returning();
  const t = after!;
  await tx.insert(ticketEvents).values({ ticketId: t.id, type: 'status_changed', actor: actor.id, fromStatus: before.status, toStatus: t.status, note: note ?? null, at: now });
  await audit(tx, actor.id, verb, 'ticket', t.id, { from: before.status, to: t.status, ...(note && { note }) });
  await refreshSla(tx, deps, t, now, effects);
  await scheduleAfterResolution(tx, deps, t, verb, now, effects);
  await notify(tx, { type: NOTIFY_AS[verb] ?? 'ticket.updated', ticketId: t.id, data: { verb, from: before.status, to: t.status, actor: actor.id } }, now);
  effects.events.push({ type: 'ticket.updated', ticketId: t.id });
  effects.leds.add(t.id);
  return t;
}

/** Column changes of each verb besides the status (pauses stop the resolution clock). */
function fieldsFor(verb: StatusVerb, t: Ticket, now: Date): Partial<Ticket> {
  const at = now.toISOString();
  switch (verb) {
    case 'pend':
      return { pauses: [...t.pauses, { from: at }] };
    case 'resume':
      return { pauses: t.pauses.map((p) => (p.to ? p : { ...p, to: at })) };
    case 'resolve':
      return { resolvedAt: now, pauses: t.pauses.map((p) => (p.to ? p : { ...p, to: at })) };
    case 'close':
    case 'cancel':
      return { closedAt: now, confirmUntil: null };
    case 'reopen':
      // Time spent resolved does not count against the resolution target.
      return { resolvedAt: null, closedAt: null, confirmUntil: null, reopenCount: t.reopenCount + 1, pauses: [...t.pauses, { from: (t.resolvedAt ?? now).toISOString(), to: at }] };
    default:
      return {};
  }
}

/** Resolved: confirm window for "still broken" presses, then LEDs off, and closing later. */
async function scheduleAfterResolution(tx: Tx, deps: TicketDeps, t: Ticket, verb: StatusVerb, now: Date, effects: Effects) {
  if (verb !== 'resolve') {
    if (verb === 'close' || verb === 'cancel' || verb === 'reopen') await cancelTicketJobs(tx, t.id, ['ticket.autoclose', 'led.off']);
    return;
  }
  const confirmUntil = new Date(now.getTime() + deps.confirmWindowMs);
  await tx.update(tickets).set({ confirmUntil }).where(eq(tickets.id, t.id));
  t.confirmUntil = confirmUntil;
  await scheduleJobs(tx, [
    { kind: 'led.off', key: `ticket:${t.id}:led.off:${t.reopenCount}`, dueAt: confirmUntil, ticketId: t.id },
    { kind: 'ticket.autoclose', key: `ticket:${t.id}:autoclose:${t.reopenCount}`, dueAt: new Date(now.getTime() + deps.autoCloseMs), ticketId: t.id },
  ], deps.onPostgres);
  effects.jobs = true;
}
