/** Priority or category changes: the SLA is recomputed from opened-at, so elapsed time is kept. */
import { eq } from 'drizzle-orm';
import { audit } from '../audit/audit.ts';
import { UNIQUE_VIOLATION, sqlState } from '../db/errors.ts';
import type { Priority } from '../db/schema.ts';
import { categories, ticketEvents, tickets } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { notify } from '../notify/notify.ts';
import { refreshSla } from '../sla/refresh-sla.ts';
import type { Actor } from './change-status.ts';
import type { TicketDeps } from './deps.ts';
import { flushEffects, newEffects } from './effects.ts';
import { lockTicket } from './load-ticket.ts';
import { toTicketView } from './ticket-view.ts';

export async function updateTicket(deps: TicketDeps, ref: string, change: { priority?: Priority; categoryId?: string; title?: string }, actor: Actor) {
  const effects = newEffects();
  const now = deps.now();
  const ticket = await deps.db.transaction(async (tx) => {
    const t = await lockTicket(tx, ref);
    let teamId = t.teamId;
    if (change.categoryId && change.categoryId !== t.categoryId) {
      const [c] = await tx.select({ teamId: categories.teamId }).from(categories).where(eq(categories.id, change.categoryId));
      if (!c) throw new AppError('VALIDATION', `invalid body: categoryId: category ${change.categoryId} does not exist`);
      teamId = c.teamId ?? t.teamId;
    }
    const [after] = await tx.update(tickets).set({ ...change, teamId, updatedAt: now }).where(eq(tickets.id, t.id)).returning();
    const changed = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, { from: t[k as keyof typeof t], to: v }]));
    await tx.insert(ticketEvents).values({ ticketId: t.id, type: 'updated', actor: actor.id, at: now, data: changed });
    await audit(tx, actor.id, 'update', 'ticket', t.id, changed);
    if (change.priority || change.categoryId) await refreshSla(tx, deps, after!, now, effects);
    await notify(tx, { type: 'ticket.updated', ticketId: t.id, data: changed }, now);
    effects.events.push({ type: 'ticket.updated', ticketId: t.id });
    return after!;
  }).catch((err: unknown) => {
    if (sqlState(err) === UNIQUE_VIOLATION) throw new AppError('CONFLICT', 'another ticket is already open for this site and that category');
    throw err;
  });
  await flushEffects(deps, effects);
  return toTicketView(ticket);
}
