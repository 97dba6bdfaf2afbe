/**
 * Assigns a ticket to an agent, or automatically to the least-loaded available agent of the
 * category's team who is under capacity (issue: agent capacity).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { OPEN_STATUSES, teamMembers, ticketEvents, tickets, users } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { notify } from '../notify/notify.ts';
import type { Actor } from './change-status.ts';
import type { TicketDeps } from './deps.ts';
import { flushEffects, newEffects } from './effects.ts';
import { lockTicket } from './load-ticket.ts';
import { toTicketView } from './ticket-view.ts';

export async function assignTicket(deps: TicketDeps, ref: string, assignee: { userId: string | null } | { auto: true }, actor: Actor) {
  const effects = newEffects();
  const now = deps.now();
  const ticket = await deps.db.transaction(async (tx) => {
    const t = await lockTicket(tx, ref);
    const userId = 'auto' in assignee ? await leastLoadedAgent(tx, t.teamId) : assignee.userId;
    if (userId) await checkAssignable(tx, userId);
    const [after] = await tx.update(tickets).set({ assigneeId: userId, updatedAt: now }).where(eq(tickets.id, t.id)).returning();
    await tx.insert(ticketEvents).values({ ticketId: t.id, type: 'assigned', actor: actor.id, at: now, data: { from: t.assigneeId, to: userId, auto: 'auto' in assignee } });
    await audit(tx, actor.id, 'assign', 'ticket', t.id, { assigneeId: userId });
    await notify(tx, { type: 'ticket.updated', ticketId: t.id, data: { assigned: userId } }, now);
    effects.events.push({ type: 'ticket.updated', ticketId: t.id });
    return after!;
  });
  await flushEffects(deps, effects);
  return toTicketView(ticket);
}

async function checkAssignable(tx: Tx, userId: string): Promise<void> {
  const [u] = await tx.select({ role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, userId));
  if (!u || u.disabled) throw new AppError('VALIDATION', `invalid body: assigneeId: user ${userId} does not exist or is disabled`);
  if (u.role === 'staff') throw new AppError('VALIDATION', 'invalid body: assigneeId: staff cannot be assigned tickets');
}

/** The available agent of the team with the fewest open tickets, among those under capacity. */
async function leastLoadedAgent(tx: Tx, teamId: string | null): Promise<string> {
  if (!teamId) throw new AppError('CONFLICT', 'the ticket has no team to pick an agent from; assign someone by id');
  const load = sql<number>`(select count(*)::int from ${tickets} t where t.assignee_id = ${users.id} and t.status in (${sql.join(OPEN_STATUSES.map((s) => sql`${s}`), sql`, `)}))`;
  const [pick] = await tx.select({ id: users.id, load, capacity: users.capacity }).from(users)
    .innerJoin(teamMembers, eq(teamMembers.userId, users.id))
    .where(and(eq(teamMembers.teamId, teamId), eq(users.available, true), eq(users.disabled, false), inArray(users.role, ['agent', 'manager', 'admin']),
      sql`${load} < ${users.capacity}`))
    .orderBy(load, users.name).limit(1);
  if (!pick) throw new AppError('CONFLICT', 'no available agent of the team is under capacity');
  return pick.id;
}
