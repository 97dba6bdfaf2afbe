import { audit } from '../audit/audit.ts';
import { ticketEvents } from '../db/schema.ts';
import type { Actor } from './change-status.ts';
import type { TicketDeps } from './deps.ts';
import { flushEffects, newEffects } from './effects.ts';
import { lockTicket } from './load-ticket.ts';

/** A comment on the timeline; it changes nothing else. */
export async function commentTicket(deps: TicketDeps, ref: string, text: string, actor: Actor) {
  const effects = newEffects();
  const now = deps.now();
  const event = await deps.db.transaction(async (tx) => {
    const t = await lockTicket(tx, ref);
    const [e] = await tx.insert(ticketEvents).values({ ticketId: t.id, type: 'comment', actor: actor.id, note: text, at: now }).returning();
    await audit(tx, actor.id, 'comment', 'ticket', t.id);
    effects.events.push({ type: 'ticket.updated', ticketId: t.id });
    return e!;
  });
  await flushEffects(deps, effects);
  return { ...event, at: event.at.toISOString() };
}
