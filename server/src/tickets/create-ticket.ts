/**
 * Manual and API tickets: opened by a person or an integration, not a press. They follow the
 * same one-open-ticket-per-(site, category) rule: a second one is a CONFLICT naming the first.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { audit } from '../audit/audit.ts';
import { UNIQUE_VIOLATION, sqlState } from '../db/errors.ts';
import type { Priority } from '../db/schema.ts';
import { categories, OPEN_STATUSES, sites, ticketEvents, tickets } from '../db/schema.ts';
import { formatTicketNumber } from '../domain/priority.ts';
import { AppError } from '../errors.ts';
import { notify } from '../notify/notify.ts';
import { refreshSla } from '../sla/refresh-sla.ts';
import type { Actor } from './change-status.ts';
import type { TicketDeps } from './deps.ts';
import { flushEffects, newEffects } from './effects.ts';
import { toTicketView } from './ticket-view.ts';

export type NewTicket = { siteId: string; categoryId: string; priority?: Priority; title?: string; description?: string; source: 'manual' | 'api' };

export async function createTicket(deps: TicketDeps, input: NewTicket, actor: Actor) {
  const effects = newEffects();
  const now = deps.now();
  const ticket = await deps.db.transaction(async (tx) => {
    const [site] = await tx.select().from(sites).where(eq(sites.id, input.siteId));
    if (!site) throw new AppError('VALIDATION', `invalid body: siteId: site ${input.siteId} does not exist`);
    const [category] = await tx.select().from(categories).where(eq(categories.id, input.categoryId));
    if (!category) throw new AppError('VALIDATION', `invalid body: categoryId: category ${input.categoryId} does not exist`);
    const [open] = await tx.select({ number: tickets.number }).from(tickets)
      .where(and(eq(tickets.siteId, site.id), eq(tickets.categoryId, category.id), inArray(tickets.status, [...OPEN_STATUSES])));
    if (open) throw new AppError('CONFLICT', `${formatTicketNumber(open.number)} is already open for ${site.name} and ${category.name}; comment on it instead`);
    const [t] = await tx.insert(tickets).values({
      status: 'new', priority: input.priority ?? category.defaultPriority, source: input.source, siteId: site.id, categoryId: category.id,
      title: input.title ?? `${category.name} — ${site.name}`, openedAt: now, teamId: category.teamId,
    }).returning();
    await tx.insert(ticketEvents).values({ ticketId: t!.id, type: 'created', actor: actor.id, toStatus: 'new', note: input.description ?? null, at: now });
    await audit(tx, actor.id, 'create', 'ticket', t!.id, { ...input });
    await refreshSla(tx, deps, t!, now, effects);
    await notify(tx, { type: 'ticket.created', ticketId: t!.id, data: { source: input.source } }, now);
    effects.events.push({ type: 'ticket.created', ticketId: t!.id });
    return t!;
  }).catch((err: unknown) => {
    if (sqlState(err) === UNIQUE_VIOLATION) throw new AppError('CONFLICT', 'a ticket is already open for this site and category');
    throw err;
  });
  await flushEffects(deps, effects);
  return toTicketView(ticket);
}
