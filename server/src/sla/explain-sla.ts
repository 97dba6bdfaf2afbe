/**
 * "Why is this ticket due then?" (design §4): the matched policy, the ones skipped and why,
 * the calendar, the pauses, and how each due time was computed. Read-only.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Priority, Ticket, TicketSource } from '../db/schema.ts';
import { categories, tickets } from '../db/schema.ts';
import { formatTicketNumber } from '../domain/priority.ts';
import { AppError } from '../errors.ts';
import { ticketWhere } from '../tickets/load-ticket.ts';
import { resolveSla } from './refresh-sla.ts';

export async function explainSla(db: Db, ref: string, now: Date) {
  return db.transaction(async (tx) => {
    const [t] = await tx.select().from(tickets).where(ticketWhere(ref));
    if (!t) throw new AppError('NOT_FOUND', `ticket ${ref} does not exist`);
    const resolved = await resolveSla(tx, t, now, true);
    return {
      ticket: { id: t.id, number: formatTicketNumber(t.number), status: t.status, priority: t.priority, openedAt: t.openedAt.toISOString() },
      stored: { responseDueAt: t.responseDueAt?.toISOString() ?? null, resolutionDueAt: t.resolutionDueAt?.toISOString() ?? null, responseBreached: t.responseBreached, resolutionBreached: t.resolutionBreached },
      pauses: t.pauses,
      ...(resolved
        ? { policy: { id: resolved.policy.id, name: resolved.policy.name, order: resolved.policy.order }, skipped: resolved.skipped, calendar: { name: resolved.calendar.name, timezone: resolved.calendar.timezone }, computation: resolved.sla.explanation }
        : { policy: null, skipped: [], calendar: null, computation: null, note: 'no SLA policy matches this ticket: it has no due times' }),
    };
  });
}

/** "A ticket opened now at site X, category Y, priority P would be due when?" */
export async function previewSla(db: Db, q: { siteId: string; categoryId: string; priority?: Priority; source: TicketSource }, now: Date) {
  return db.transaction(async (tx) => {
    const [category] = await tx.select().from(categories).where(eq(categories.id, q.categoryId));
    if (!category) return null;
    const probe = { id: '00000000-0000-0000-0000-000000000000', siteId: q.siteId, categoryId: q.categoryId, priority: q.priority ?? category.defaultPriority, source: q.source, openedAt: now, acknowledgedAt: null, pauses: [] } as unknown as Ticket;
    const resolved = await resolveSla(tx, probe, now, true).catch(() => null);
    if (!resolved) return { openedAt: now.toISOString(), priority: probe.priority, policy: null, responseDueAt: null, resolutionDueAt: null };
    return {
      openedAt: now.toISOString(), priority: probe.priority,
      policy: { id: resolved.policy.id, name: resolved.policy.name }, skipped: resolved.skipped,
      calendar: { name: resolved.calendar.name, timezone: resolved.calendar.timezone },
      responseDueAt: resolved.sla.responseDueAt?.toISOString() ?? null, resolutionDueAt: resolved.sla.resolutionDueAt?.toISOString() ?? null,
      reminders: resolved.sla.reminders.map((r) => ({ ...r, at: r.at.toISOString() })),
      computation: resolved.sla.explanation,
    };
  });
}
