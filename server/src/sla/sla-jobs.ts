/**
 * Handlers of the SLA and ticket timers. Each checks that its cause still holds (a stale SLA
 * version, an acknowledged or resolved ticket, and the job does nothing) and writes its
 * effects in the job's transaction, so a reminder is sent once whatever restarts happen.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import type { Job, Ticket } from '../db/schema.ts';
import { slaPolicies, ticketEvents, tickets } from '../db/schema.ts';
import { isOpen } from '../domain/ticket-states.ts';
import type { JobHandler } from '../jobs/scheduler.ts';
import { scheduleJobs } from '../jobs/jobs.ts';
import { notify } from '../notify/notify.ts';
import { applyStatusVerb } from '../tickets/change-status.ts';
import type { TicketDeps } from '../tickets/deps.ts';
import { flushEffects, newEffects, refreshLeds } from '../tickets/effects.ts';

type Target = 'response' | 'resolution';
const SYSTEM = { id: 'system:sla' };

async function liveTicket(tx: Tx, job: Job): Promise<Ticket | null> {
  if (!job.ticketId) return null;
  const [t] = await tx.select().from(tickets).where(eq(tickets.id, job.ticketId)).for('update');
  if (!t || t.slaVersion !== job.payload.version || !isOpen(t.status)) return null;
  const target = job.payload.target as Target;
  if (target === 'response' && t.acknowledgedAt) return null; // responded: that clock has stopped
  if (target === 'resolution' && t.status === 'pending') return null; // paused
  return t;
}

export function slaJobHandlers(deps: TicketDeps): Record<string, JobHandler> {
  const announce = (t: Ticket) => async () => {
    const effects = newEffects();
    effects.events.push({ type: 'ticket.updated', ticketId: t.id });
    await flushEffects(deps, effects);
  };
  return {
    async 'sla.reminder'(tx, job, now) {
      const t = await liveTicket(tx, job);
      if (!t) return;
      const { target, percent } = job.payload as { target: Target; percent: number };
      await tx.insert(ticketEvents).values({ ticketId: t.id, type: 'sla_reminder', actor: SYSTEM.id, at: now, data: { target, percent, dueAt: dueOf(t, target) } });
      await notify(tx, { type: 'sla.reminder', ticketId: t.id, data: { target, percent, dueAt: dueOf(t, target) } }, now);
      return announce(t);
    },

    async 'sla.breach'(tx, job, now) {
      const t = await liveTicket(tx, job);
      if (!t) return;
      const target = job.payload.target as Target;
      await tx.update(tickets).set(target === 'response' ? { responseBreached: true } : { resolutionBreached: true }).where(eq(tickets.id, t.id));
      await tx.insert(ticketEvents).values({ ticketId: t.id, type: 'sla_breach', actor: SYSTEM.id, at: now, data: { target, dueAt: dueOf(t, target) } });
      await notify(tx, { type: 'sla.breach', ticketId: t.id, data: { target, dueAt: dueOf(t, target) } }, now);
      await scheduleEscalation(tx, deps, t, target, 1, now);
      return announce(t);
    },

    async 'sla.escalation'(tx, job, now) {
      const t = await liveTicket(tx, job);
      if (!t) return;
      const { target, n } = job.payload as { target: Target; n: number };
      await tx.insert(ticketEvents).values({ ticketId: t.id, type: 'sla_escalation', actor: SYSTEM.id, at: now, data: { target, n } });
      await notify(tx, { type: 'sla.escalation', ticketId: t.id, data: { target, n, dueAt: dueOf(t, target) } }, now);
      await scheduleEscalation(tx, deps, t, target, n + 1, now);
      return announce(t);
    },

    async 'ticket.autoclose'(tx, job, now) {
      const [t] = await tx.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, job.ticketId!));
      if (t?.status !== 'resolved') return;
      const effects = newEffects();
      await applyStatusVerb(tx, deps, effects, job.ticketId!, 'close', { id: 'system:autoclose' }, now, 'closed automatically after resolution');
      return () => flushEffects(deps, effects);
    },

    async 'led.off'(_tx, job) {
      return () => refreshLeds(deps, [job.ticketId!]);
    },
  };
}

const dueOf = (t: Ticket, target: Target) => (target === 'response' ? t.responseDueAt : t.resolutionDueAt)?.toISOString() ?? null;

/** "Repeated every N minutes until acknowledged" (design §4): the next escalation, if the policy repeats. */
async function scheduleEscalation(tx: Tx, deps: TicketDeps, t: Ticket, target: Target, n: number, now: Date): Promise<void> {
  if (!t.slaPolicyId) return;
  const [policy] = await tx.select({ escalation: slaPolicies.escalation }).from(slaPolicies).where(eq(slaPolicies.id, t.slaPolicyId));
  const repeat = policy?.escalation.repeatMinutes;
  if (!repeat) return;
  await scheduleJobs(tx, [{
    kind: 'sla.escalation', key: `ticket:${t.id}:v${t.slaVersion}:escalation:${target}:${n}`,
    dueAt: new Date(now.getTime() + repeat * 60_000), ticketId: t.id, payload: { target, n, version: t.slaVersion },
  }], deps.onPostgres);
}
